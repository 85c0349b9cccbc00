package uk.attendance.notify;

import jakarta.inject.Singleton;

import java.util.function.BooleanSupplier;

/**
 * Hands the outbox's due messages to Twilio and Firebase. Any number of threads and instances may drain at once: each
 * transaction claims rows with {@code FOR UPDATE SKIP LOCKED}, so a row is sent by one of them only. Failures are tried
 * again with exponential backoff ({@link OutboxSettings}), then given up.
 * <p>
 * <b>What a crash can do.</b> A row is claimed, handed to the provider and marked SENT in one transaction, so the SENT
 * mark and the release of the claim commit together, after the provider's answer. An instance that dies (SIGKILL, the
 * power, the OOM killer) between handing a text over and that commit leaves the row PENDING: it is sent again once
 * another worker claims it. That window is what is in flight at the instant of death: at most
 * {@code workers × batch-size} rows per instance (4 × 1 by default), which is why the batch size defaults to 1 (the
 * SENT mark commits straight after each answer). {@code KilledMidSweepIT} kills an instance mid-sweep and counts the
 * texts sent twice; a graceful stop ({@code SIGTERM}, a deploy) lets the batches in flight finish and repeats none
 * ({@link OutboxPoller#stop}).
 * <p>
 * Marking a row SENDING in a transaction of its own before handing it over does not close the window, it moves it: a
 * death after that commit and before the provider took the text leaves a row that says "sending" for a text never sent.
 * Treat such rows as sent and the text is lost (the one failure this outbox must not have: a child missing without
 * anyone asked why); send them again and it is the same duplicate as now, at the price of a second commit per message.
 * Only the provider can tell which of the two happened, and Twilio's Messages API takes no idempotency key. Closing
 * the window would take a SENDING state with a lease plus, for each row found SENDING after its holder died, a look
 * in Twilio's message log (texts to that number since the row was created, with its body, not yet attributed to another
 * row) before deciding to send again; FCM has no such log, so pushes would stay at-least-once. Until then: never lost,
 * repeated only for what was in flight at a crash.
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
