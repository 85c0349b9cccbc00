package uk.attendance.evidence;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Per uploader (parent or staff member): at most {@link EvidenceLimits#uploadsPerWindow()} uploads in any
 * {@link EvidenceLimits#uploadWindow()}, and at most {@link EvidenceLimits#dailyQuota()} bytes in any 24 hours.
 * Counted in {@code evidence_file}, so the limits hold across instances; a refused upload stores nothing.
 * Two uploads racing each other may both pass the check: the limits are a brake on abuse, not an exact budget.
 */
@Singleton
class UploadLimits {
    private final EvidenceFileRepository files;
    private final EvidenceLimits limits;

    UploadLimits(EvidenceFileRepository files, EvidenceLimits limits) {
        this.files = files;
        this.limits = limits;
    }

    /** @throws UploadLimitReached when this upload of {@code size} bytes at {@code now} (UTC) would break a limit */
    void check(Caller caller, long size, LocalDateTime now) {
        List<EvidenceFileRecord> lastDay = files.findByUploaderKindAndUploaderIdAndCreatedAtGreaterThanOrderByCreatedAt(
                caller.kind(), caller.id(), now.minus(EvidenceLimits.QUOTA_PERIOD));
        LocalDateTime windowStart = now.minus(limits.uploadWindow());
        List<EvidenceFileRecord> inWindow = lastDay.stream().filter(f -> f.createdAt().isAfter(windowStart)).toList();
        if (inWindow.size() >= limits.uploadsPerWindow()) {
            // the oldest upload that must leave the window before one more fits
            LocalDateTime frees = inWindow.get(inWindow.size() - limits.uploadsPerWindow()).createdAt().plus(limits.uploadWindow());
            throw new UploadLimitReached(UploadLimitReached.Limit.RATE, "You have uploaded " + inWindow.size()
                    + " files in the last " + words(limits.uploadWindow()) + ", the most allowed. Try again later.",
                    wait(now, frees));
        }
        long used = lastDay.stream().mapToLong(EvidenceFileRecord::sizeBytes).sum();
        if (used + size > limits.dailyQuota()) {
            long over = used + size - limits.dailyQuota();
            LocalDateTime frees = now.plus(EvidenceLimits.QUOTA_PERIOD);
            long freed = 0;
            for (EvidenceFileRecord file : lastDay) {
                freed += file.sizeBytes();
                if (freed >= over) {
                    frees = file.createdAt().plus(EvidenceLimits.QUOTA_PERIOD);
                    break;
                }
            }
            throw new UploadLimitReached(UploadLimitReached.Limit.QUOTA, "This file would take your uploads in the last"
                    + " 24 hours to " + (used + size) + " bytes; the daily upload quota is " + limits.dailyQuota()
                    + " bytes. Try again later.", wait(now, frees));
        }
    }

    private static Duration wait(LocalDateTime now, LocalDateTime frees) {
        Duration wait = Duration.between(now, frees);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private static String words(Duration window) {
        long minutes = window.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " hour(s)" : minutes + " minutes";
    }
}
