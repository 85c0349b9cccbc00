package uk.attendance.notify.text;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Predicate;

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

    /**
     * Looks in the provider's log for a text it took but whose handover was never recorded (the sender died, or lost
     * its answer): the oldest text to this number with exactly this body, created at or after {@code sinceUtc}, whose
     * reference {@code recorded} does not already know.
     *
     * @throws TextNotSent when the provider's log cannot be read (the text must not go again until it can)
     */
    Optional<SentText> findUnrecorded(String toE164, String body, LocalDateTime sinceUtc, Predicate<String> recorded);
}
