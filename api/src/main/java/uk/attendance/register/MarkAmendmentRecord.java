package uk.attendance.register;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;
import java.time.LocalTime;

/** One change to a mark: what it was, what it became, why, when, and who (name and position). */
@MappedEntity("mark_amendment")
public record MarkAmendmentRecord(
        @Id @GeneratedValue Long id,
        long markId,
        String originalCode,
        String newCode,
        @Nullable LocalTime newArrivalTime,
        String reason,
        LocalDateTime amendedAt,
        @Nullable Long amendedByStaffId,
        String amendedByName,
        String amendedByPosition) {
}
