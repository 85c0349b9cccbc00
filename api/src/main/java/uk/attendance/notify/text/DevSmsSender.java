package uk.attendance.notify.text;

import uk.attendance.platform.UkMobile;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Without Twilio credentials texts are written to {@code dev_text}, readable by the trust admin through
 * {@code GET /dev/texts}. They include parents' sign-in codes, so production ({@code attendance.require-secrets})
 * refuses to start without Twilio ({@link uk.attendance.platform.ProductionSafetyCheck}).
 */
@Context
@Requires(condition = TwilioConfigured.Not.class)
class DevSmsSender implements SmsSender {
    private static final Logger LOG = LoggerFactory.getLogger(DevSmsSender.class);
    private static final int SHOWN = 50;
    private static final int PAGE = 200;
    private final DevTextRepository texts;
    private final Clock clock;

    DevSmsSender(DevTextRepository texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public SentText send(String toE164, String body) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        DevTextRecord saved = texts.save(new DevTextRecord(null, toE164, body, now));
        LOG.info("Text to {} not sent (Twilio is not configured): stored as dev text {}",
                UkMobile.mask(toE164), saved.id());
        return new SentText("dev-text-" + saved.id(), "stored");
    }

    @Override
    public Optional<SentText> findUnrecorded(String toE164, String body, LocalDateTime sinceUtc, Predicate<String> recorded) {
        List<DevTextRecord> stored = new java.util.ArrayList<>(texts.newest50To(toE164));
        java.util.Collections.reverse(stored);
        return stored.stream()
                .filter(t -> body.equals(t.body()) && !t.sentAt().isBefore(sinceUtc))
                .map(t -> "dev-text-" + t.id())
                .filter(reference -> !recorded.test(reference))
                .findFirst()
                .map(reference -> new SentText(reference, "stored"));
    }

    /**
     * The newest texts ({@value #SHOWN} at most) whose recipient is shown (a parent/carer of the caller's trust), to one
     * number when it is given.
     */
    List<DevTextRecord> newest(Optional<String> toE164, Predicate<String> recipientShown) {
        if (toE164.isPresent()) {
            return recipientShown.test(toE164.get()) ? texts.newest50To(toE164.get()) : List.of();
        }
        List<DevTextRecord> shown = new java.util.ArrayList<>();
        for (int offset = 0; shown.size() < SHOWN; offset += PAGE) {
            List<DevTextRecord> page = texts.newest(PAGE, offset);
            page.stream().filter(t -> recipientShown.test(t.recipient())).limit(SHOWN - shown.size()).forEach(shown::add);
            if (page.size() < PAGE) {
                break;
            }
        }
        return shown;
    }
}
