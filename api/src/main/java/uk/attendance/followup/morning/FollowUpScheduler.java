package uk.attendance.followup.morning;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Ticks the morning sweep every {@code attendance.followup.morning.interval} (default a minute, the first tick
 * {@code attendance.followup.morning.initial-delay} after start, default 30 s) on every instance;
 * ShedLock lets one instance through at a time, and should two runs ever overlap (a lock held past its
 * {@code lockAtMostFor}), the sweep's unique keys make the second add nothing. Off with
 * {@code attendance.followup.morning.scheduled=false}, and in tests, which run the sweep at the instants they choose.
 * <p>
 * The lock lasts at most {@code attendance.followup.morning.lock-at-most-for} (default 2 minutes): an instance killed
 * mid-sweep never releases it, and the morning waits that long for another instance (or the restarted one) to carry
 * on. Keep it short: the texts go only until the call time, and a lock outliving a slow sweep costs nothing but a
 * second instance doing the same work to no effect ({@code TwoInstancesMorningIT} overlaps two sweeps on purpose).
 */
@Singleton
@Requires(notEnv = Environment.TEST)
@Requires(property = "attendance.followup.morning.scheduled", notEquals = "false")
class FollowUpScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpScheduler.class);
    static final String LOCK = "morning-sweep";

    private final MorningSweep sweep;
    private final Clock clock;

    FollowUpScheduler(MorningSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${attendance.followup.morning.interval:1m}",
            initialDelay = "${attendance.followup.morning.initial-delay:30s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "${attendance.followup.morning.lock-at-most-for:PT2M}")
    public void tick() {
        // the sweep benchmark (infra/bench/sweep.sh) times the text step from this line
        LOG.debug("Morning sweep started");
        sweep.run(clock.instant());
        LOG.debug("Morning sweep done");
    }
}
