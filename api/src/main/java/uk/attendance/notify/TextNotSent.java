package uk.attendance.notify;

/**
 * The text could not be handed to the provider. The message never contains the number or the body.
 * {@link #errorCode()} is a short code to store (e.g. {@code TWILIO_21211}); {@link #permanent()} is true when sending
 * the same text again cannot succeed (an invalid or unreachable number), so the outbox gives up at once.
 */
public class TextNotSent extends RuntimeException {
    private final String errorCode;
    private final boolean permanent;

    public TextNotSent(String message) {
        this(message, "TEXT_NOT_SENT", false);
    }

    public TextNotSent(String message, String errorCode, boolean permanent) {
        super(message);
        this.errorCode = errorCode;
        this.permanent = permanent;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean permanent() {
        return permanent;
    }
}
