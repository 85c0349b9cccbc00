package uk.attendance.notify;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text settings that cannot work stop the app at start, not at a parent's first sign-in. */
class SmsSenderStartupTest {

    @Test
    void productionWithoutTwilioRefusesToStart() {
        // Firebase set (never called at start), so the missing Twilio is the only reason to refuse.
        assertStartFails(Map.of("attendance.require-secrets", "true",
                "attendance.firebase.api-base-url", "http://127.0.0.1:9"), "TWILIO_ACCOUNT_SID is not set");
    }

    @Test
    void anAccountSidWithoutTokenAndNumberRefusesToStart() {
        assertStartFails(Map.of("attendance.twilio.account-sid", FakeTwilio.ACCOUNT_SID),
                "TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER are needed");
    }

    private static void assertStartFails(Map<String, Object> properties, String reason) {
        Throwable e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties, "test").close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(reason), messages.toString());
    }
}
