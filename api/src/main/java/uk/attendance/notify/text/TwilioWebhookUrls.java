package uk.attendance.notify.text;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

/**
 * The public addresses of our Twilio webhooks, from {@code attendance.public-url} (env {@code PUBLIC_URL}, e.g.
 * {@code https://attendance.example.org}): the app runs behind a proxy, so the address Twilio calls (and signs) is not
 * the one the app sees. Unset: texts ask for no status callback and every webhook request is refused.
 */
@Singleton
public class TwilioWebhookUrls {
    public static final String STATUS_PATH = "/webhooks/twilio/status";
    /** Texts to our number (replies to the morning texts): set it as the number's "A message comes in" webhook. */
    public static final String SMS_PATH = "/webhooks/twilio/sms";
    private final Optional<String> base;

    TwilioWebhookUrls(@Value("${attendance.public-url:}") @Nullable String publicUrl) {
        this.base = Optional.ofNullable(publicUrl).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("/+$", ""));
    }

    public Optional<URI> statusCallback() {
        return of(STATUS_PATH);
    }

    /** The public address of one of our webhooks. */
    public Optional<URI> of(String path) {
        return base.map(b -> URI.create(b + path));
    }
}
