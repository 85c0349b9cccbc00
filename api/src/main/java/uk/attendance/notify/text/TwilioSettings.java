package uk.attendance.notify.text;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code attendance.twilio.*}; the first three are needed to send real texts. {@code apiBaseUrl} re-aims the SDK
 * at another server (a local fake Twilio for end-to-end tests); unset in production.
 */
@ConfigurationProperties("attendance.twilio")
public record TwilioSettings(@Nullable String accountSid, @Nullable String authToken, @Nullable String fromNumber,
                             @Nullable String apiBaseUrl) {

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    void requireComplete() {
        if (blank(authToken) || blank(fromNumber)) {
            throw new IllegalStateException(
                    "TWILIO_ACCOUNT_SID is set, so TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER are needed too");
        }
    }
}
