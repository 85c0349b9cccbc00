package uk.attendance.notify.text;

/**
 * What the app does with a text sent to its number (implement it as a {@code @Singleton} in the feature that
 * understands replies). Called once per delivery, in no transaction; it must be idempotent by
 * {@link InboundText#messageSid()} and must not throw for anything a sender can write.
 */
public interface InboundTexts {

    void received(InboundText text);
}
