package uk.attendance.notify.outbox;

import uk.attendance.notify.push.PushMessage;
import uk.attendance.notify.push.PushResult;
import uk.attendance.notify.push.PushService;
import uk.attendance.notify.text.SentText;
import uk.attendance.notify.text.SmsSender;
import uk.attendance.notify.text.TextNotSent;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.platform.UkMobile;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One worker transaction: lock a few due rows (rows another worker holds are skipped), send each through the SDK and
 * record the outcome, commit. The SENT mark commits with the row lock's release, so no two workers send the same row.
 * <p>
 * A crash before the commit leaves the row PENDING. For a text, a handover mark committed just before the request
 * ({@link TextHandovers}) tells the next worker that Twilio may have it: Twilio's message log is read, and a text found
 * there (same number, same body, not yet the reference of any outbox row) is recorded as this row's instead of being
 * sent again. Texts are thus sent once even across SIGKILL. FCM keeps no log to ask, so a push in flight at a crash
 * is sent again (at-least-once).
 * <p>
 * Before sending, the feature that decided the message ({@link OutboxPurpose}, by purpose) may cancel it; a push to a
 * parent that reaches none of their devices is replaced by its fallback text, enqueued in the same transaction.
 */
@Singleton
class OutboxDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatch.class);
    /** Twilio's clock and ours may differ a little: its log is searched from a little before a cut handover began. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(10);
    private final OutboxRepository rows;
    private final SmsSender sms;
    private final PushService pushes;
    private final OutboxSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final Outbox outbox;
    private final PupilService pupils;
    private final TextHandovers handovers;
    private final Map<String, OutboxPurpose> owners = new HashMap<>();

    OutboxDispatch(OutboxRepository rows, SmsSender sms, PushService pushes, OutboxSettings settings, JsonMapper json,
                   Clock clock, Outbox outbox, PupilService pupils, List<OutboxPurpose> purposes, TextHandovers handovers) {
        this.rows = rows;
        this.handovers = handovers;
        this.sms = sms;
        this.pushes = pushes;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.outbox = outbox;
        this.pupils = pupils;
        for (OutboxPurpose owner : purposes) {
            for (String purpose : owner.purposes()) {
                if (owners.putIfAbsent(purpose, owner) != null) {
                    throw new IllegalStateException("Two features answer for outbox purpose " + purpose);
                }
            }
        }
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
        Map<Long, TextHandovers.Cut> cut = handovers.cutAmong(due.stream().map(OutboxRecord::id).toList());
        List<OutboxRecord> texts = due.stream().filter(r -> r.channel() == OutboxMessage.Channel.TEXT).toList();
        // one commit marks the batch's texts before any request leaves; they are unmarked with the outcomes
        handovers.begin(texts, now);
        Set<Long> unsettled = new HashSet<>();
        for (OutboxRecord row : due) {
            OutboxRecord done = rows.update(attempt(row, now, Optional.ofNullable(cut.get(row.id())), unsettled));
            OutboxPurpose owner = owners.get(done.purpose());
            if (owner != null && done.status() != OutboxRecord.Status.PENDING) {
                owner.settled(done);
            }
        }
        handovers.end(texts.stream().map(OutboxRecord::id).filter(id -> !unsettled.contains(id)).toList());
        return due.size();
    }

    /** @param unsettled gets the ids of texts Twilio may have taken without our knowing: they stay marked */
    private OutboxRecord attempt(OutboxRecord row, LocalDateTime now, Optional<TextHandovers.Cut> cut, Set<Long> unsettled) {
        try {
            OutboxPurpose owner = owners.get(row.purpose());
            Optional<String> unwanted = owner == null ? Optional.empty() : owner.cancelReason(row);
            if (unwanted.isPresent()) {
                LOG.info("Outbox message {} ({}, pupil {}) cancelled before sending: {}", row.id(), row.purpose(),
                        row.pupilId(), unwanted.get());
                return row.cancelled(shorten(unwanted.get()));
            }
            return switch (row.channel()) {
                case TEXT -> text(row, now, cut, unsettled);
                case PUSH -> push(row, now);
            };
        } catch (RuntimeException e) {
            // not the provider's answer (the SDKs report those): a bug or an outage of ours, tried again later
            unsettled.add(row.id());
            return failure(row, "UNEXPECTED_" + e.getClass().getSimpleName(), false, now);
        }
    }

    private OutboxRecord text(OutboxRecord row, LocalDateTime now, Optional<TextHandovers.Cut> cut, Set<Long> unsettled) {
        try {
            if (cut.isPresent()) {
                Optional<SentText> earlier = sms.findUnrecorded(row.toNumber(), row.body(),
                        cut.get().startedAt().minus(CLOCK_SKEW), rows::existsByProviderRef);
                if (earlier.isPresent()) {
                    LOG.info("Outbox message {} ({}, pupil {}): attempt {} was cut after Twilio took it as {}; not sent again",
                            row.id(), row.purpose(), row.pupilId(), cut.get().attempt(), earlier.get().reference());
                    return row.sent(earlier.get().reference(), null, now);
                }
                LOG.info("Outbox message {} ({}, pupil {}): attempt {} was cut before Twilio took it; sending now",
                        row.id(), row.purpose(), row.pupilId(), cut.get().attempt());
            }
            SentText sent = sms.send(row.toNumber(), row.body());
            LOG.info("Outbox message {} ({}, pupil {}) handed over as text {} to {} on attempt {}", row.id(), row.purpose(),
                    row.pupilId(), sent.reference(), UkMobile.mask(row.toNumber()), row.attempts() + 1);
            return row.sent(sent.reference(), null, now);
        } catch (TextNotSent e) {
            if (e.unanswered()) {
                // no answer, or Twilio's log could not be read: Twilio may have the text, look again next time
                unsettled.add(row.id());
            }
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
        String error;
        boolean permanent;
        if (results.isEmpty()) {
            error = "NO_DEVICES";
            permanent = true;
        } else if (results.stream().allMatch(r -> r.outcome() == PushResult.Outcome.TOKEN_INVALID)) {
            error = "NO_VALID_DEVICES";
            permanent = true;
        } else {
            error = results.stream().filter(r -> r.outcome() == PushResult.Outcome.FAILED)
                    .map(PushResult::error).filter(e -> e != null).findFirst().orElse("PUSH_FAILED");
            permanent = false;
        }
        if (row.fallbackText() != null && textInstead(row)) {
            // the parent hears by text now rather than by a push retried for minutes
            return failure(row, error, true, now);
        }
        return failure(row, error, permanent, now);
    }

    /** Enqueues the push's fallback text to the parent's mobile; false when the parent has no mobile to text. */
    private boolean textInstead(OutboxRecord row) {
        Optional<String> mobile = row.toPersonKind() == Caller.Kind.PARENT
                ? pupils.contact(row.toPersonId()).map(ContactRecord::mobile).flatMap(UkMobile::parse).map(UkMobile::e164)
                : Optional.empty();
        if (mobile.isEmpty()) {
            LOG.warn("Outbox message {} ({}): no push got through and parent {} has no mobile to text", row.id(),
                    row.purpose(), row.toPersonId());
            return false;
        }
        Outbox.Enqueued text = outbox.enqueue(OutboxMessage.text("fallback:outbox:" + row.id(), row.purpose(), mobile.get(),
                Caller.Kind.PARENT, row.toPersonId(), row.fallbackText(), new About(row.schoolId(), row.pupilId())));
        LOG.info("Outbox message {} ({}): no push got through to parent {}, text {} enqueued instead", row.id(),
                row.purpose(), row.toPersonId(), text.id());
        return true;
    }

    private static String shorten(String code) {
        return code.length() > 100 ? code.substring(0, 100) : code;
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
