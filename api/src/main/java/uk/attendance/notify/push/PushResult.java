package uk.attendance.notify.push;

import io.micronaut.core.annotation.Nullable;

/**
 * What became of one push to one device.
 *
 * @param reference the provider's message id when sent ({@code projects/…/messages/…}, or {@code dev-push-<id>} locally)
 * @param error     the provider's error code when not sent, e.g. {@code UNREGISTERED}
 */
public record PushResult(Outcome outcome, @Nullable String reference, @Nullable String error) {

    public enum Outcome {
        SENT,
        /** The token is dead (app uninstalled, token rotated or never valid): the device should be forgotten. */
        TOKEN_INVALID,
        /** Not sent this time (quota, outage, bad message); the device stays. */
        FAILED
    }

    public static PushResult sent(String reference) {
        return new PushResult(Outcome.SENT, reference, null);
    }

    public static PushResult tokenInvalid(String error) {
        return new PushResult(Outcome.TOKEN_INVALID, null, error);
    }

    public static PushResult failed(String error) {
        return new PushResult(Outcome.FAILED, null, error);
    }

    public boolean isSent() {
        return outcome == Outcome.SENT;
    }
}
