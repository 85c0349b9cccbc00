package uk.attendance.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code attendance.twilio.*}; all three are needed to send real texts. */
@ConfigurationProperties("attendance.twilio")
public record TwilioSettings(@Nullable String accountSid, @Nullable String authToken, @Nullable String fromNumber) {

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
