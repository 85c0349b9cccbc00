package uk.attendance.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** The first answer to a parent's {@code Idempotency-Key}, replayed to every retry with the same key. */
@MappedEntity("absence_report_request")
record AbsenceReportRequestRecord(
        @Id @GeneratedValue Long id,
        long parentId,
        String idempotencyKey,
        String requestHash,
        @Nullable Integer responseStatus,
        @Nullable String responseBody,
        LocalDateTime createdAt) {
}
