package uk.attendance.notify;

/**
 * Sends a text message. Through Twilio when {@code attendance.twilio.*} is configured
 * ({@link TwilioSmsSender}); otherwise written to the {@code dev_text} table ({@link DevSmsSender}).
 */
public interface SmsSender {

    /**
     * Sends now and waits for the provider to accept the text.
     *
     * @param toE164 a number in E.164 form, e.g. {@code +447700900123} (see {@link UkMobile#parse})
     * @throws TextNotSent when the provider refused or could not be reached
     */
    SentText send(String toE164, String body);
}
