package uk.attendance.notify.text;

/**
 * The text could not be handed to the provider. The message never contains the number or the body.
 * {@link #errorCode()} is a short code to store (e.g. {@code TWILIO_21211}); {@link #permanent()} is true when sending
 * the same text again cannot succeed (an invalid or unreachable number), so the outbox gives up at once.
 */
public class TextNotSent extends RuntimeException {
    private final String errorCode;
    private final boolean permanent;
    private final boolean unanswered;

    public TextNotSent(String message) {
        this(message, "TEXT_NOT_SENT", false);
    }

    public TextNotSent(String message, String errorCode, boolean permanent) {
        this(message, errorCode, permanent, false);
    }

    public TextNotSent(String message, String errorCode, boolean permanent, boolean unanswered) {
        super(message);
        this.errorCode = errorCode;
        this.permanent = permanent;
        this.unanswered = unanswered;
    }

    /**
     * No answer came (a timeout, a connection cut after the request left): the provider may have taken the text all
     * the same, so its log is read before the text goes again.
     */
    public boolean unanswered() {
        return unanswered;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean permanent() {
        return permanent;
    }
}
