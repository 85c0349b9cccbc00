package uk.attendance.evidence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;

/**
 * {@code attendance.evidence.*}: how much one person may upload, and how long an unattached file is kept.
 *
 * @param dailyQuota       bytes one uploader may store in any 24 hours (attached or not), e.g. {@code 50MB}
 * @param uploadsPerWindow uploads one uploader may make in any {@code uploadWindow}
 * @param uploadWindow     the sliding window of {@code uploadsPerWindow}
 * @param unattachedTtl    a file not attached to any pupil's record this long after upload is deleted
 */
@ConfigurationProperties("attendance.evidence")
public record EvidenceLimits(
        @Bindable(defaultValue = "50MB") @ReadableBytes long dailyQuota,
        @Bindable(defaultValue = "20") int uploadsPerWindow,
        @Bindable(defaultValue = "10m") Duration uploadWindow,
        @Bindable(defaultValue = "24h") Duration unattachedTtl) {
    public static final Duration QUOTA_PERIOD = Duration.ofHours(24);

    public EvidenceLimits {
        if (dailyQuota < 1 || uploadsPerWindow < 1 || uploadWindow.isNegative()
                || uploadWindow.isZero() || unattachedTtl.isNegative() || unattachedTtl.isZero()) {
            throw new IllegalArgumentException("attendance.evidence: daily-quota must be positive,"
                    + " uploads-per-window at least 1, upload-window and unattached-ttl positive");
        }
    }
}
