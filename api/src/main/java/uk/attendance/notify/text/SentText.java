package uk.attendance.notify.text;

/**
 * A text the provider accepted.
 *
 * @param reference the provider's id (Twilio message SID {@code SM…}, or {@code dev-text-<id>} locally)
 * @param status    the provider's status at acceptance, e.g. {@code queued}
 */
public record SentText(String reference, String status) {
}
