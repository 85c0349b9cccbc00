package uk.attendance.dashboard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Refreshes stale dashboard figures every {@code attendance.dashboard.refresh-interval} (default 250 ms) on every
 * instance; ShedLock lets one through at a time ({@link FigureRefresher#refresh}). Off with
 * {@code attendance.dashboard.scheduled=false}. Runs in tests too: they wait for it as a client would.
 */
@Singleton
@Requires(property = "attendance.dashboard.scheduled", notEquals = "false")
class FigureSchedule {
    private final FigureRefresher refresher;

    FigureSchedule(FigureRefresher refresher) {
        this.refresher = refresher;
    }

    @Scheduled(fixedDelay = "${attendance.dashboard.refresh-interval:250ms}", initialDelay = "1s")
    void tick() {
        refresher.refresh();
    }
}
