package uk.attendance.notify;

import uk.attendance.platform.UkMobile;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Without Twilio credentials texts are written to {@code dev_text}, readable through {@code GET /dev/texts}.
 * Any staff member could read parents' sign-in codes there, so production ({@code ATTENDANCE_REQUIRE_SECRETS=true})
 * refuses to start without Twilio.
 */
@Context
@Requires(condition = TwilioConfigured.Not.class)
class DevSmsSender implements SmsSender {
    private static final Logger LOG = LoggerFactory.getLogger(DevSmsSender.class);
    private final DevTextRepository texts;
    private final Clock clock;

    DevSmsSender(DevTextRepository texts, Clock clock, @Value("${attendance.require-secrets:false}") boolean production) {
        if (production) {
            throw new IllegalStateException("TWILIO_ACCOUNT_SID is not set: texts cannot be sent");
        }
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

    List<DevTextRecord> newest(Optional<String> toE164) {
        return toE164.map(texts::newest50To).orElseGet(texts::newest50);
    }
}
