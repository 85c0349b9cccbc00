package uk.attendance.followup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Ticks the morning sweep every {@code attendance.followup.morning.interval} (default a minute, the first tick
 * {@code attendance.followup.morning.initial-delay} after start, default 30 s) on every instance; the
 * sweep's unique keys make a second instance's run add nothing. Off with
 * {@code attendance.followup.morning.scheduled=false}, and in tests, which run the sweep at the instants they choose.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
@Requires(property = "attendance.followup.morning.scheduled", notEquals = "false")
class FollowUpScheduler {
    private final MorningSweep sweep;
    private final Clock clock;

    FollowUpScheduler(MorningSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${attendance.followup.morning.interval:1m}",
            initialDelay = "${attendance.followup.morning.initial-delay:30s}")
    void tick() {
        sweep.run(clock.instant());
    }
}
