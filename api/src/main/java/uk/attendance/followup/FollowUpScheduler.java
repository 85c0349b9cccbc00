package uk.attendance.followup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;

import java.time.Clock;

/**
 * Ticks the morning sweep every {@code attendance.followup.morning.interval} (default a minute) on every instance;
 * ShedLock lets one instance through at a time, and should two runs ever overlap (a lock held past its
 * {@code lockAtMostFor}), the sweep's unique keys make the second add nothing. Off with
 * {@code attendance.followup.morning.scheduled=false}, and in tests, which run the sweep at the instants they choose.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
@Requires(property = "attendance.followup.morning.scheduled", notEquals = "false")
class FollowUpScheduler {
    static final String LOCK = "morning-sweep";

    private final MorningSweep sweep;
    private final Clock clock;

    FollowUpScheduler(MorningSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${attendance.followup.morning.interval:1m}", initialDelay = "30s")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
    public void tick() {
        sweep.run(clock.instant());
    }
}
