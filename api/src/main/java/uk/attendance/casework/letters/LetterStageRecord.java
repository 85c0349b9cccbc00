package uk.attendance.casework.letters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A stage as a school changed it ({@code updatedAt} UTC); stages a school never changed are {@link LetterDefaults}. */
@MappedEntity("letter_stage")
record LetterStageRecord(@Id @GeneratedValue Long id, long schoolId, LetterStage stage, String name, String description,
                         boolean automatic, @Nullable BigDecimal thresholdPercent, @Nullable Integer uLateSessions,
                         String subject, String body, long updatedByStaffId, LocalDateTime updatedAt) {

    StageSetting setting() {
        return new StageSetting(stage, name, description, automatic, thresholdPercent, uLateSessions, subject, body);
    }
}
