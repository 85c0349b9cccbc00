package uk.attendance.parttime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A part-time timetable agreement. {@code offSessions} and {@code reviewDates} are lists as text
 * ({@link OffSession#format}, {@link ReviewDates#format}); {@code status} is ACTIVE or ENDED as stored (EXPIRED is
 * worked out from the date, {@link PartTimeStatus}). Timestamps UTC, dates the school's.
 */
@MappedEntity("part_time_timetable")
record PartTimeTimetableRow(
        @Id @GeneratedValue Long id,
        long schoolId,
        long pupilId,
        String offSessions,
        LocalDate startsOn,
        LocalDate proposedEndOn,
        LocalDate originalEndOn,
        String reviewDates,
        String status,
        @Nullable LocalDate endedOn,
        @Nullable String endNote,
        String reason,
        @Nullable String longerReason,
        long agreedByStaffId,
        String agreedByName,
        long agreedWithContactId,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    static final String ACTIVE = "ACTIVE";
    static final String ENDED = "ENDED";

    /** The last day the agreement applies: its early end, else its proposed end. */
    LocalDate lastDay() {
        return endedOn != null ? endedOn : proposedEndOn;
    }

    boolean ended() {
        return ENDED.equals(status);
    }

    PartTimeTimetableRow withEnd(LocalDate endedOn, @Nullable String note, LocalDateTime now) {
        return new PartTimeTimetableRow(id, schoolId, pupilId, offSessions, startsOn, proposedEndOn, originalEndOn,
                reviewDates, ENDED, endedOn, note, reason, longerReason, agreedByStaffId, agreedByName,
                agreedWithContactId, createdAt, now);
    }

    PartTimeTimetableRow withPlan(LocalDate proposedEndOn, String reviewDates, LocalDateTime now) {
        return new PartTimeTimetableRow(id, schoolId, pupilId, offSessions, startsOn, proposedEndOn, originalEndOn,
                reviewDates, status, endedOn, endNote, reason, longerReason, agreedByStaffId, agreedByName,
                agreedWithContactId, createdAt, now);
    }
}
