package uk.attendance.evidence;

import java.time.Duration;

/** An upload refused because its uploader has reached a limit; the HTTP edge answers 429 with {@code Retry-After}. */
final class UploadLimitReached extends RuntimeException {
    enum Limit {
        /** too many uploads in the window */
        RATE,
        /** too many bytes in 24 hours */
        QUOTA
    }

    private final Limit limit;
    private final Duration retryAfter;

    UploadLimitReached(Limit limit, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    Limit limit() {
        return limit;
    }

    /** At least a second. */
    Duration retryAfter() {
        return retryAfter;
    }
}
