package uk.attendance.evidence;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDateTime;
import java.util.List;

/** The rows of files that were never attached to a pupil's record. */
@Singleton
class UnattachedEvidence {
    private final EvidenceFileRepository files;
    private final EvidenceDownloadRepository downloads;

    UnattachedEvidence(EvidenceFileRepository files, EvidenceDownloadRepository downloads) {
        this.files = files;
        this.downloads = downloads;
    }

    List<EvidenceFileRecord> uploadedBefore(LocalDateTime cutoff) {
        return files.unattachedBefore(cutoff);
    }

    /**
     * Deletes the file's row (and its uploader's downloads of it) unless it was attached meanwhile: the row lock keeps an
     * attachment from landing in between. @return whether the row was deleted
     */
    @Transactional
    boolean delete(long evidenceId) {
        if (files.lock(evidenceId).isEmpty()) {
            return false;
        }
        downloads.deleteIfUnattached(evidenceId);
        return files.deleteIfUnattached(evidenceId) == 1;
    }
}
