package uk.attendance.parttime;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs {@link PartTimeReminders} every {@code attendance.part-time.reminder-interval} (default an hour, so a day's
 * reminders go out early in the morning and a restart loses none) on every instance; ShedLock lets one through at a
 * time. Not in tests, which run it by hand with the clock where they want it.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
class PartTimeReminderSchedule {
    private final PartTimeReminders reminders;

    PartTimeReminderSchedule(PartTimeReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelay = "${attendance.part-time.reminder-interval:1h}", initialDelay = "4m")
    void tick() {
        reminders.run();
    }
}
