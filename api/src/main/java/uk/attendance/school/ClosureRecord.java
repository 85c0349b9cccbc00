package uk.attendance.school;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

@MappedEntity("school_closure")
record ClosureRecord(@Id @GeneratedValue Long id, long schoolId, String academicYear, LocalDate startDate,
                     LocalDate endDate, String kind, String sessions, @Nullable String description) {
}
