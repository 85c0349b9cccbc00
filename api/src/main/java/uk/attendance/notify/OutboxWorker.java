package uk.attendance.notify;

import jakarta.inject.Singleton;

/**
 * Hands the outbox's due messages to Twilio and Firebase. Any number of threads and instances may drain at once: each
 * transaction claims rows with {@code FOR UPDATE SKIP LOCKED}, so a row is sent by one of them only. Failures are tried
 * again with exponential backoff ({@link OutboxSettings}), then given up.
 */
@Singleton
public class OutboxWorker {
    private final OutboxDispatch dispatch;

    OutboxWorker(OutboxDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** Sends until nothing is due that another worker does not hold; returns how many attempts were made. */
    public int drain() {
        int attempted = 0;
        int batch;
        while ((batch = dispatch.sendDueBatch()) > 0) {
            attempted += batch;
        }
        return attempted;
    }

    /** One batch only: whether anything was due. */
    boolean drainOneBatch() {
        return dispatch.sendDueBatch() > 0;
    }
}
