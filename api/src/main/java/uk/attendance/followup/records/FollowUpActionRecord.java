package uk.attendance.followup.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A step done for one pupil on one school day (at most one per step): the register closed, the family texted, the
 * social worker told. A text's outcome follows its outbox message (PENDING until the worker has sent it, given it up
 * or cancelled it).
 */
@MappedEntity("follow_up_action")
public record FollowUpActionRecord(
        @Id @GeneratedValue Long id,
        long schoolId,
        long pupilId,
        LocalDate schoolDay,
        FollowUpStep step,
        @Nullable String code,
        Outcome outcome,
        @Nullable String detail,
        LocalDateTime createdAt) {

    public enum Outcome {
        /** The register close entered {@code code}. */
        MARKED,
        /** Decided, not yet handed to the provider. */
        PENDING,
        TEXTED,
        /** No mobile number on record to text: staff phone instead. */
        NO_MOBILE,
        /** The provider refused the text. */
        NOT_SENT,
        /** Not sent after all: when its turn came the pupil had arrived, been re-coded or reported, or the family replied. */
        CANCELLED
    }
}
