package uk.attendance.parttime;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The reminders already decided ({@code part_time_reminder}): one per agreement, kind (REVIEW or END) and date. */
@Singleton
class PartTimeReminderMarks {
    private final JdbcOperations jdbc;

    PartTimeReminderMarks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this reminder is new; false when it was already decided (by an earlier run or another instance) */
    @Transactional
    public boolean claim(long timetableId, String kind, LocalDate dueOn, LocalDateTime now) {
        return jdbc.prepareStatement("INSERT IGNORE INTO part_time_reminder (timetable_id, kind, due_on, queued_at)"
                + " VALUES (?, ?, ?, ?)", statement -> {
            statement.setLong(1, timetableId);
            statement.setString(2, kind);
            statement.setObject(3, dueOn);
            statement.setObject(4, now);
            return statement.executeUpdate() == 1;
        });
    }
}
