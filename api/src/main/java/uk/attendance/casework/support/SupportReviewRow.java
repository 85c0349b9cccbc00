package uk.attendance.casework.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One review of a support record, kept as it was recorded (reviews are appended, never edited). */
@MappedEntity("support_review")
record SupportReviewRow(
        @Id @GeneratedValue Long id,
        long supportRecordId,
        LocalDate reviewedOn,
        Outcome outcome,
        @Nullable String note,
        @Nullable LocalDate nextReviewOn,
        LocalDateTime createdAt,
        String createdByName) {

    enum Outcome { CONTINUE, ESCALATE, CLOSE }
}
