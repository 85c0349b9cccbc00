package uk.attendance.casework.support;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A school's own review interval; a school without a row reviews every {@link SupportSettingsStore#DEFAULT_REVIEW_WEEKS} weeks. */
@MappedEntity("support_settings")
record SupportSettingsRow(@Id long schoolId, int reviewWeeks) {
}
