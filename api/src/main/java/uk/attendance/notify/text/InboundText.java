package uk.attendance.notify.text;

import java.time.Instant;

/**
 * A text someone sent to the app's number, as Twilio delivered it (signature checked).
 *
 * @param messageSid Twilio's id of the message: Twilio may deliver the same message twice, the SID says so
 * @param fromE164   the sender's number in E.164 form
 * @param body       what they wrote (may be empty)
 */
public record InboundText(String messageSid, String fromE164, String body, Instant receivedAt) {
    @Override
    public String toString() {
        return "InboundText[" + messageSid + "]";
    }
}
