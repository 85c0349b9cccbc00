package uk.attendance.evidence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs {@link EvidencePurge} every {@code attendance.evidence.purge-interval} (default an hour) on every instance;
 * ShedLock lets one through at a time. Not in tests, which run the purge by hand with the clock where they want it.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
class EvidencePurgeSchedule {
    private final EvidencePurge purge;

    EvidencePurgeSchedule(EvidencePurge purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${attendance.evidence.purge-interval:1h}", initialDelay = "2m")
    void tick() {
        purge.run();
    }
}
