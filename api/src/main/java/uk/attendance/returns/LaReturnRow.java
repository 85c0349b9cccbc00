package uk.attendance.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A local-authority return: found by the rules or the admission register, stored {@code DUE}, marked {@code SENT} by
 * staff. The period is the run or period of sickness (frozen once sent), or the admission / leaving date. Times UTC.
 */
@MappedEntity("la_return")
record LaReturnRow(
        @Id @GeneratedValue Long id,
        long schoolId,
        long pupilId,
        ReturnKind kind,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueOn,
        @Nullable LocalDate sendBy,
        @Nullable String sicknessTrigger,
        Status status,
        LocalDateTime createdAt,
        @Nullable LocalDateTime sentAt,
        @Nullable Long sentByStaffId,
        @Nullable String sentByName,
        @Nullable String sentByPosition,
        @Nullable String sentVia,
        @Nullable String sentNote) {

    enum Status { DUE, SENT }

    boolean overlaps(LocalDate start, LocalDate end) {
        return !periodStart.isAfter(end) && !start.isAfter(periodEnd);
    }
}
