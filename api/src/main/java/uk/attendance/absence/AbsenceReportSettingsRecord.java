package uk.attendance.absence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A school's choices about parents' absence reports. */
@MappedEntity("absence_report_settings")
record AbsenceReportSettingsRecord(@Id long schoolId, boolean illnessNeedsReview, LocalDateTime updatedAt,
                                   String updatedByName) {
}
