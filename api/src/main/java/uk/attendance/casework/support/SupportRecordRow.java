package uk.attendance.casework.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A support meeting, an attendance targeted support plan, or an attendance or parenting contract for one pupil.
 * {@code attendees} and {@code actions} are JSON ({@link SupportJson}); {@code remindedFor} is the review date whose
 * reminder is already in the outbox. Timestamps UTC, dates the school's.
 */
@MappedEntity("support_record")
record SupportRecordRow(
        @Id @GeneratedValue Long id,
        long schoolId,
        long pupilId,
        Kind kind,
        Status status,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        String attendees,
        @Nullable String agreed,
        @Nullable String terms,
        String actions,
        long ownerStaffId,
        @Nullable LocalDate nextReviewOn,
        @Nullable LocalDate remindedFor,
        LocalDateTime createdAt,
        String createdByName,
        LocalDateTime updatedAt,
        String updatedByName) {

    enum Kind { MEETING, SUPPORT_PLAN, ATTENDANCE_CONTRACT, PARENTING_CONTRACT }

    enum Status { ACTIVE, CLOSED }
}
