package uk.attendance.casework.letters;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs the letter proposals every {@code attendance.letters.interval} (default an hour) on every instance; ShedLock lets
 * one through at a time, and each run proposes only what is newly due today. Off with
 * {@code attendance.letters.scheduled=false}, and in tests, which run it by hand with the clock where they want it.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
@Requires(property = "attendance.letters.scheduled", notEquals = "false")
class LetterSchedule {
    private final LetterProposals proposals;

    LetterSchedule(LetterProposals proposals) {
        this.proposals = proposals;
    }

    @Scheduled(fixedDelay = "${attendance.letters.interval:1h}", initialDelay = "2m")
    void tick() {
        proposals.run();
    }
}
