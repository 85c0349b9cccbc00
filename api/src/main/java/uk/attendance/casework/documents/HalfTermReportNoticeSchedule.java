package uk.attendance.casework.documents;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs {@link HalfTermReportNotices} every 10 minutes on every instance; ShedLock lets one through at a time. Not in
 * tests, which run it by hand with the clock where they want it.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
class HalfTermReportNoticeSchedule {
    private final HalfTermReportNotices notices;

    HalfTermReportNoticeSchedule(HalfTermReportNotices notices) {
        this.notices = notices;
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "3m")
    void tick() {
        notices.run();
    }
}
