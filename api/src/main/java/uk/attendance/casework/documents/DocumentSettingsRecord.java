package uk.attendance.casework.documents;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A school's choices about documents to families; no row means the defaults (half-termly reports on). */
@MappedEntity("document_settings")
record DocumentSettingsRecord(@Id long schoolId, boolean halfTermReports, LocalDateTime updatedAt, String updatedByName) {
}
