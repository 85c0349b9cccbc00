package uk.attendance.notify.text;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text settings that cannot work stop the app at start, not at a parent's first sign-in (production without Twilio:
 * {@code ProductionSafetyCheckTest}).
 */
class SmsSenderStartupTest {

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
