package uk.attendance.notify.push;

import java.util.Map;

/**
 * A notification as the person sees it ({@code title}, {@code body}) plus string {@code data} for the app
 * (e.g. {@code leaveRequestId}). Keep names, reasons and codes out of title and body: a lock screen shows them.
 */
public record PushMessage(String title, String body, Map<String, String> data) {
    public PushMessage {
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw new IllegalArgumentException("A push needs a title and a body");
        }
        data = Map.copyOf(data == null ? Map.of() : data);
    }

    public PushMessage(String title, String body) {
        this(title, body, Map.of());
    }
}
