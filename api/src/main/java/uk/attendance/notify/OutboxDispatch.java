package uk.attendance.notify;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.platform.UkMobile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One worker transaction: lock a few due rows (rows another worker holds are skipped), send each through the SDK and
 * record the outcome, commit. The SENT mark commits with the row lock's release, so no two workers send the same row;
 * a crash before the commit leaves the row PENDING (the text may then go twice: at-least-once, never lost).
 */
@Singleton
class OutboxDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatch.class);
    private final OutboxRepository rows;
    private final SmsSender sms;
    private final PushService pushes;
    private final OutboxSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    OutboxDispatch(OutboxRepository rows, SmsSender sms, PushService pushes, OutboxSettings settings, JsonMapper json,
                   Clock clock) {
        this.rows = rows;
        this.sms = sms;
        this.pushes = pushes;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @return how many rows were claimed (0: nothing due that no one else holds). READ COMMITTED, so the claim locks
     * only the rows it returns, never a gap of the index an enqueue would wait on.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW,
            isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int sendDueBatch() {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        List<OutboxRecord> due = rows.claimDue(now, settings.batchSize());
        for (OutboxRecord row : due) {
            rows.update(attempt(row, now));
        }
        return due.size();
    }

    private OutboxRecord attempt(OutboxRecord row, LocalDateTime now) {
        try {
            return switch (row.channel()) {
                case TEXT -> text(row, now);
                case PUSH -> push(row, now);
            };
        } catch (RuntimeException e) {
            // not the provider's answer (the SDKs report those): a bug or an outage of ours, tried again later
            return failure(row, "UNEXPECTED_" + e.getClass().getSimpleName(), false, now);
        }
    }

    private OutboxRecord text(OutboxRecord row, LocalDateTime now) {
        try {
            SentText sent = sms.send(row.toNumber(), row.body());
            LOG.info("Outbox message {} ({}, pupil {}) handed over as text {} to {} on attempt {}", row.id(), row.purpose(),
                    row.pupilId(), sent.reference(), UkMobile.mask(row.toNumber()), row.attempts() + 1);
            return row.sent(sent.reference(), null, now);
        } catch (TextNotSent e) {
            return failure(row, e.errorCode(), e.permanent(), now);
        }
    }

    private OutboxRecord push(OutboxRecord row, LocalDateTime now) {
        PushMessage message = new PushMessage(row.title(), row.body(), data(row));
        List<PushResult> results = pushes.pushToEach(row.toPersonKind(), row.toPersonId(), message);
        List<PushResult> sent = results.stream().filter(PushResult::isSent).toList();
        if (!sent.isEmpty()) {
            LOG.info("Outbox message {} ({}, pupil {}) pushed to {} of {} devices of {} {} on attempt {}", row.id(),
                    row.purpose(), row.pupilId(), sent.size(), results.size(), row.toPersonKind(), row.toPersonId(),
                    row.attempts() + 1);
            return row.sent(messageId(sent.get(0).reference()), sent.size(), now);
        }
        if (results.isEmpty()) {
            return failure(row, "NO_DEVICES", true, now);
        }
        if (results.stream().allMatch(r -> r.outcome() == PushResult.Outcome.TOKEN_INVALID)) {
            return failure(row, "NO_VALID_DEVICES", true, now);
        }
        String error = results.stream().filter(r -> r.outcome() == PushResult.Outcome.FAILED)
                .map(PushResult::error).filter(e -> e != null).findFirst().orElse("PUSH_FAILED");
        return failure(row, error, false, now);
    }

    private OutboxRecord failure(OutboxRecord row, String error, boolean permanent, LocalDateTime now) {
        int attempts = row.attempts() + 1;
        String code = error.length() > 100 ? error.substring(0, 100) : error;
        if (permanent || attempts >= settings.maxAttempts()) {
            LOG.warn("Outbox message {} ({}, pupil {}) given up after {} attempts: {}", row.id(), row.purpose(),
                    row.pupilId(), attempts, code);
            return row.failed(code, Optional.empty());
        }
        LocalDateTime retry = now.plus(settings.backoffAfter(attempts));
        LOG.info("Outbox message {} ({}, pupil {}) not sent on attempt {} ({}); next attempt at {}Z", row.id(),
                row.purpose(), row.pupilId(), attempts, code, retry);
        return row.failed(code, Optional.of(retry));
    }

    private Map<String, String> data(OutboxRecord row) {
        if (row.data() == null) {
            return Map.of();
        }
        try {
            return json.readValue(row.data(), Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code projects/p/messages/0:123…} → {@code 0:123…}, at most 64 characters. */
    private static String messageId(String reference) {
        if (reference == null) {
            return null;
        }
        String id = reference.substring(reference.lastIndexOf('/') + 1);
        return id.length() > 64 ? id.substring(0, 64) : id;
    }
}
