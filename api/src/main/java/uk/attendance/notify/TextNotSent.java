package uk.attendance.notify;

/** The text could not be handed to the provider. The message never contains the number or the body. */
public class TextNotSent extends RuntimeException {
    public TextNotSent(String message) {
        super(message);
    }
}
