package uk.attendance.parttime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A review of a part-time timetable; {@code note} is staff-only. */
@MappedEntity("part_time_review")
record PartTimeReviewRow(
        @Id @GeneratedValue Long id,
        long timetableId,
        LocalDate reviewedOn,
        Outcome outcome,
        @Nullable String note,
        @Nullable LocalDate newEndOn,
        @Nullable LocalDate nextReviewOn,
        LocalDateTime createdAt,
        String createdByName) {

    enum Outcome { CONTINUE, EXTEND, END }
}
