package uk.attendance.parttime;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import uk.attendance.notify.outbox.OutboxPurpose;
import uk.attendance.notify.outbox.OutboxRecord;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A reminder is wanted only while the agreement is open and the review or end still on that date. */
@Singleton
class PartTimeReminderMessages implements OutboxPurpose {
    private final PartTimeTimetableRepository timetables;
    private final JsonMapper json;

    PartTimeReminderMessages(PartTimeTimetableRepository timetables, JsonMapper json) {
        this.timetables = timetables;
        this.json = json;
    }

    @Override
    public Set<String> purposes() {
        return Set.of(PartTimeReminders.REVIEW_PURPOSE, PartTimeReminders.END_PURPOSE);
    }

    @Override
    public Optional<String> cancelReason(OutboxRecord message) {
        Map<String, String> data = OutboxPurpose.dataOf(message, json);
        if (!data.containsKey("timetableId") || !data.containsKey("dueOn")) {
            return Optional.empty();
        }
        Optional<PartTimeTimetableRow> row = timetables.findById(Long.valueOf(data.get("timetableId")));
        if (row.isEmpty() || row.get().ended()) {
            return Optional.of("PART_TIME_ENDED");
        }
        LocalDate dueOn = LocalDate.parse(data.get("dueOn"));
        boolean still = PartTimeReminders.END_PURPOSE.equals(message.purpose()) ? dueOn.equals(row.get().proposedEndOn())
                : ReviewDates.parse(row.get().reviewDates()).contains(dueOn);
        return still ? Optional.empty() : Optional.of("DATE_MOVED");
    }
}
