package uk.attendance.notify.push;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Push settings that cannot work stop the app at start, not at the first notification (production without Firebase:
 * {@code ProductionSafetyCheckTest}).
 */
class PushSenderStartupTest {

    @Test
    void aServiceAccountFileThatIsNotThereRefusesToStart() {
        assertStartFails(Map.of("attendance.firebase.service-account", "/nonexistent/firebase-service-account.json"),
                "FIREBASE_SERVICE_ACCOUNT does not name a readable service-account JSON file");
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
