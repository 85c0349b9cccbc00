package uk.attendance.notify.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code attendance.outbox.*}: how the workers poll and retry.
 *
 * @param pollInterval how often each instance looks for due messages (the scheduled poller; tests call
 *                     {@link OutboxWorker#drain()} instead). An idle poll is one indexed query; a message decided just
 *                     after one waits up to this long, so the default is short (250 ms: the 09:30 sweep's texts go out
 *                     as they are decided, infra/bench/sweep.sh)
 * @param poller       false to run no scheduled poller on this instance
 * @param workers      threads per instance that claim and send in parallel
 * @param batchSize    rows one worker claims and sends per transaction (10): one commit marks the batch's texts as
 *                     being handed over, one records the outcomes. A crash mid-batch leaves its texts marked, and the
 *                     next worker looks each up in Twilio's log before sending it (pushes in the batch go again)
 * @param retryBase    the wait after the first failed attempt; it doubles with each further failure…
 * @param retryCap     …up to this
 * @param maxAttempts  attempts before a message is given up (FAILED)
 */
@ConfigurationProperties("attendance.outbox")
public record OutboxSettings(
        @Bindable(defaultValue = "250ms") Duration pollInterval,
        @Bindable(defaultValue = "true") boolean poller,
        @Bindable(defaultValue = "4") int workers,
        @Bindable(defaultValue = "10") int batchSize,
        @Bindable(defaultValue = "30s") Duration retryBase,
        @Bindable(defaultValue = "30m") Duration retryCap,
        @Bindable(defaultValue = "8") int maxAttempts) {

    public OutboxSettings {
        if (workers < 1 || batchSize < 1 || maxAttempts < 1 || retryBase.isNegative() || retryBase.isZero()
                || retryCap.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("attendance.outbox: workers, batch-size and max-attempts must be at least 1,"
                    + " retry-base positive and retry-cap at least retry-base");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: base, 2×base, 4×base… capped. */
    Duration backoffAfter(int attempts) {
        Duration wait = retryBase;
        for (int i = 1; i < attempts && wait.compareTo(retryCap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryCap) > 0 ? retryCap : wait;
    }
}
