package uk.attendance.evidence;

import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A file uploaded but never attached to a pupil's record (an abandoned report, a test upload) is deleted, row and stored
 * bytes, once it is {@link EvidenceLimits#unattachedTtl()} old (a day by default). The row goes first: a file whose
 * bytes could not be deleted is logged and left in the store, never a row whose bytes are gone.
 * Run by {@link EvidencePurgeSchedule} on one instance at a time (ShedLock).
 */
@Singleton
public class EvidencePurge {
    static final String LOCK = "evidence-purge";
    private static final Logger LOG = LoggerFactory.getLogger(EvidencePurge.class);

    private final UnattachedEvidence unattached;
    private final EvidenceStore store;
    private final EvidenceLimits limits;
    private final Clock clock;

    EvidencePurge(UnattachedEvidence unattached, EvidenceStore store, EvidenceLimits limits, Clock clock) {
        this.unattached = unattached;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /** On one instance at a time (ShedLock); skipped while another instance holds the lock. */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public void run() {
        int deleted = purge();
        if (deleted > 0) {
            LOG.info("Evidence purge: {} files never attached to a pupil's record deleted", deleted);
        }
    }

    /** @return how many files were deleted */
    int purge() {
        LocalDateTime cutoff = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).minus(limits.unattachedTtl());
        int deleted = 0;
        List<EvidenceFileRecord> batch;
        do {
            batch = unattached.uploadedBefore(cutoff);
            int deletedInBatch = 0;
            for (EvidenceFileRecord file : batch) {
                if (!unattached.delete(file.id())) {
                    continue;
                }
                deletedInBatch++;
                try {
                    store.delete(file.storageKey());
                } catch (RuntimeException e) {
                    LOG.warn("Evidence {} purged but its bytes (key {}) could not be deleted: {}", file.id(),
                            file.storageKey(), e.getClass().getSimpleName());
                }
            }
            deleted += deletedInBatch;
            if (deletedInBatch == 0) {
                break;
            }
        } while (!batch.isEmpty());
        return deleted;
    }
}
