package uk.attendance.register;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** One pupil's mark for one session: the code as it stands and the original entry, never overwritten. */
@MappedEntity("mark")
public record MarkRecord(
        @Id @GeneratedValue Long id,
        long pupilId,
        long schoolId,
        LocalDate sessionDate,
        Session session,
        String code,
        @Nullable LocalTime arrivalTime,
        String originalCode,
        @Nullable LocalTime originalArrivalTime,
        @Nullable String originalReason,
        LocalDateTime enteredAt,
        @Nullable Long enteredByStaffId,
        String enteredByName,
        String enteredByPosition,
        int amendments,
        LocalDateTime updatedAt) {

    MarkRecord amendedTo(String newCode, @Nullable LocalTime newArrival, LocalDateTime at) {
        return new MarkRecord(id, pupilId, schoolId, sessionDate, session, newCode, newArrival, originalCode,
                originalArrivalTime, originalReason, enteredAt, enteredByStaffId, enteredByName, enteredByPosition,
                amendments + 1, at);
    }
}
