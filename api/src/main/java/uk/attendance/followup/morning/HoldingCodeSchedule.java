package uk.attendance.followup.morning;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs the N → O sweep every {@code attendance.followup.holding-code.interval} (default 15 minutes) on every instance;
 * ShedLock lets one of them through at a time. Off with {@code attendance.followup.holding-code.scheduled=false},
 * and in tests, which run the sweep by hand with the clock where they want it (it amends registers).
 */
@Singleton
@Requires(notEnv = Environment.TEST)
@Requires(property = "attendance.followup.holding-code.scheduled", notEquals = "false")
class HoldingCodeSchedule {
    private final HoldingCodeSweep sweep;

    HoldingCodeSchedule(HoldingCodeSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(fixedDelay = "${attendance.followup.holding-code.interval:15m}", initialDelay = "1m")
    void tick() {
        sweep.run();
    }
}
