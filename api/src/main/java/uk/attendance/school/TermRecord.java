package uk.attendance.school;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

@MappedEntity("school_term")
record TermRecord(@Id @GeneratedValue Long id, long schoolId, String academicYear, String name,
                  LocalDate startDate, LocalDate endDate) {
}
