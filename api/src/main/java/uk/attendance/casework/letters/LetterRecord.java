package uk.attendance.casework.letters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A letter of the graduated response with the pupil's figures when it was proposed ({@code figuresAsOf}). Timestamps
 * UTC; {@code proposedOn} is the school's date. {@code proposedByStaffId} null: the daily job.
 */
@MappedEntity("letter")
record LetterRecord(
        @Id @GeneratedValue Long id,
        long schoolId,
        long pupilId,
        LetterStage stage,
        String stageName,
        Status status,
        String subject,
        String body,
        LocalDate figuresAsOf,
        @Nullable BigDecimal attendancePercent,
        int sessionsPossible,
        int sessionsMissed,
        BigDecimal learningHoursLost,
        @Nullable String band,
        String penaltyStatus,
        int uLateSessions,
        LocalDate proposedOn,
        LocalDateTime proposedAt,
        @Nullable Long proposedByStaffId,
        @Nullable Long editedByStaffId,
        @Nullable LocalDateTime editedAt,
        @Nullable Long sentByStaffId,
        @Nullable LocalDateTime sentAt,
        @Nullable Integer recipients,
        @Nullable Long dismissedByStaffId,
        @Nullable LocalDateTime dismissedAt,
        @Nullable String dismissedReason) {

    enum Status { PROPOSED, SENT, DISMISSED }
}
