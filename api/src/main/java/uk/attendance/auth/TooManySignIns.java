package uk.attendance.auth;

import java.time.Duration;

/** A sign-in refused before it is checked, because of earlier ones; answered 429 with {@code Retry-After}. */
class TooManySignIns extends RuntimeException {
    private final Duration retryAfter;

    TooManySignIns(String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
