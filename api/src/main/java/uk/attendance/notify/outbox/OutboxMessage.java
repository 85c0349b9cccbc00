package uk.attendance.notify.outbox;

import uk.attendance.notify.push.PushMessage;

import io.micronaut.core.annotation.Nullable;
import uk.attendance.caller.Caller;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A text or push the app has decided to send, for {@link Outbox#enqueue}. Build one with {@link #text}, {@link #push}
 * or {@link #pushElseText}.
 *
 * @param dedupeKey names the decision, so making it twice sends once: e.g.
 *                  {@code text:pupil:123:2025-12-03:morning-text:contact:9}. ASCII without spaces, at most 200
 *                  characters; use ids, never numbers or names (the key is stored and may be logged).
 * @param purpose   what the message is for, as staff see it in the notifications list: {@code morning-text},
 *                  {@code call-task}, … (lower case, digits and dashes, at most 40)
 * @param toPersonKind with {@code toPersonId}: a push's recipient; for a text, optionally the person the number
 *                  belongs to (so a parent sees the texts sent to them)
 * @param about     the school and pupil the message is about (for staff and parent views), if any
 * @param fallbackText a push to a parent only: the same news as a self-contained text, sent to the parent's mobile
 *                  when the push reaches none of their devices
 */
public record OutboxMessage(String dedupeKey, String purpose, Channel channel, @Nullable String toNumber,
                            @Nullable Caller.Kind toPersonKind, @Nullable Long toPersonId,
                            @Nullable String title, String body, Map<String, String> data, About about,
                            @Nullable String fallbackText) {
    private static final Pattern KEY = Pattern.compile("[!-~]{1,200}");
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    static final int MAX_TEXT = 1600;

    public enum Channel { TEXT, PUSH }

    /** The school and pupil a message is about; either may be absent. */
    public record About(@Nullable Long schoolId, @Nullable Long pupilId) {
        public static final About NOTHING = new About(null, null);

        public static About pupil(long schoolId, long pupilId) {
            return new About(schoolId, pupilId);
        }

        public static About school(long schoolId) {
            return new About(schoolId, null);
        }
    }

    public OutboxMessage {
        Objects.requireNonNull(channel, "channel");
        if (dedupeKey == null || !KEY.matcher(dedupeKey).matches()) {
            throw new IllegalArgumentException("A dedupe key is 1 to 200 printable ASCII characters without spaces");
        }
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("A purpose is lower case letters, digits and dashes, at most 40");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("A message needs a body");
        }
        data = Map.copyOf(data == null ? Map.of() : data);
        about = about == null ? About.NOTHING : about;
        if (channel == Channel.TEXT) {
            if (toNumber == null || !E164.matcher(toNumber).matches()) {
                // never echo the number: it may be a real one
                throw new IllegalArgumentException("A text goes to a number in E.164 form");
            }
            if (body.length() > MAX_TEXT) {
                throw new IllegalArgumentException("A text is at most " + MAX_TEXT + " characters");
            }
            if ((toPersonKind == null) != (toPersonId == null) || title != null || !data.isEmpty()
                    || fallbackText != null) {
                throw new IllegalArgumentException("A text has a number, a body and at most the person it goes to");
            }
        } else {
            if (toPersonKind == null || toPersonId == null || toNumber != null) {
                throw new IllegalArgumentException("A push goes to a parent's or staff member's devices");
            }
            // PushMessage checks title and body
            new PushMessage(title, body, data);
            if (fallbackText != null && (toPersonKind != Caller.Kind.PARENT || fallbackText.isBlank()
                    || fallbackText.length() > MAX_TEXT)) {
                throw new IllegalArgumentException("A fallback text goes with a push to a parent, at most " + MAX_TEXT
                        + " characters");
            }
        }
    }

    public static OutboxMessage text(String dedupeKey, String purpose, String toE164, String body, About about) {
        return new OutboxMessage(dedupeKey, purpose, Channel.TEXT, toE164, null, null, null, body, Map.of(), about, null);
    }

    /** A text to the mobile of a known person (a parent sees it among the messages about their child). */
    public static OutboxMessage text(String dedupeKey, String purpose, String toE164, Caller.Kind kind, long personId,
                                     String body, About about) {
        return new OutboxMessage(dedupeKey, purpose, Channel.TEXT, toE164, kind, personId, null, body, Map.of(), about,
                null);
    }

    /** A push to every device of one parent or staff member (devices Firebase reports dead are forgotten). */
    public static OutboxMessage push(String dedupeKey, String purpose, Caller.Kind kind, long personId, PushMessage push,
                                     About about) {
        return new OutboxMessage(dedupeKey, purpose, Channel.PUSH, null, kind, personId, push.title(), push.body(),
                push.data(), about, null);
    }

    /**
     * A push to every device of a parent; when it reaches none (no device, dead tokens, Firebase refusing), the worker
     * enqueues {@code text} to the parent's mobile instead, as a message of its own (key {@code fallback:outbox:<id>}).
     */
    public static OutboxMessage pushElseText(String dedupeKey, String purpose, long parentId, PushMessage push,
                                             String text, About about) {
        return new OutboxMessage(dedupeKey, purpose, Channel.PUSH, null, Caller.Kind.PARENT, parentId, push.title(),
                push.body(), push.data(), about, text);
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + dedupeKey + ", " + channel + "]";
    }
}
