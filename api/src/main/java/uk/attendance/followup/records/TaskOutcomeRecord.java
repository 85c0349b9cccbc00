package uk.attendance.followup.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** One outcome staff logged on a task, with who and when; {@code registerResult} is what the register did with a code. */
@MappedEntity("follow_up_task_outcome")
public record TaskOutcomeRecord(
        @Id @GeneratedValue Long id,
        long taskId,
        CallOutcome outcome,
        @Nullable Long contactId,
        @Nullable String code,
        @Nullable String note,
        @Nullable String registerResult,
        long staffId,
        String staffName,
        String staffPosition,
        LocalDateTime recordedAt) {
}
