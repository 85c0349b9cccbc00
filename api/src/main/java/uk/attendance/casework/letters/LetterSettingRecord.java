package uk.attendance.casework.letters;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A school's re-send period and minimum sessions, once it set them ({@code updatedAt} UTC). */
@MappedEntity("letter_setting")
record LetterSettingRecord(@Id long schoolId, int resendAfterDays, int minimumSessions, long updatedByStaffId,
                           LocalDateTime updatedAt) {
}
