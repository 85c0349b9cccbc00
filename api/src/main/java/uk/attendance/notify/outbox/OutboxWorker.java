package uk.attendance.notify.outbox;

import jakarta.inject.Singleton;

import java.util.function.BooleanSupplier;

/**
 * Hands the outbox's due messages to Twilio and Firebase. Any number of threads and instances may drain at once: each
 * transaction claims rows with {@code FOR UPDATE SKIP LOCKED}, so a row is sent by one of them only. Failures are tried
 * again with exponential backoff ({@link OutboxSettings}), then given up.
 * <p>
 * <b>What a crash can do.</b> A row is claimed, handed to the provider and marked SENT in one transaction, so the SENT
 * mark and the release of the claim commit together, after the provider's answer. An instance that dies (SIGKILL, the
 * power, the OOM killer) between handing a text over and that commit leaves the row PENDING, and the database releases
 * its lock at once. Twilio's Messages API takes no idempotency key, so before the request a handover mark is committed
 * on its own ({@link TextHandovers}); the worker that claims the row next finds the mark and reads Twilio's log for
 * that number before sending: the text found there is recorded, not sent again ({@code KilledMidSweepIT}: 1 000 texts,
 * a kill mid-sweep, none repeated). Pushes have no such log: one in flight at a crash goes twice. A graceful stop
 * ({@code SIGTERM}, a deploy) lets the batches in flight finish ({@link OutboxPoller#stop}).
 */
@Singleton
public class OutboxWorker {
    private final OutboxDispatch dispatch;

    OutboxWorker(OutboxDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** Sends until nothing is due that another worker does not hold; returns how many attempts were made. */
    public int drain() {
        return drain(() -> true);
    }

    /** The same, claiming another batch only while {@code keepGoing} says so (false: the instance is stopping). */
    int drain(BooleanSupplier keepGoing) {
        int attempted = 0;
        int batch;
        while (keepGoing.getAsBoolean() && (batch = dispatch.sendDueBatch()) > 0) {
            attempted += batch;
        }
        return attempted;
    }

    /** One batch only: whether anything was due. */
    boolean drainOneBatch() {
        return dispatch.sendDueBatch() > 0;
    }
}
