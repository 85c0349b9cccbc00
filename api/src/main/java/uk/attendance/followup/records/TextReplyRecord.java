package uk.attendance.followup.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A text received on the school's number and what came of it. {@code pupilId}, {@code schoolDay} and
 * {@code contactId} are set when it answered a morning text (the latest one sent to its number that day).
 */
@MappedEntity("text_reply")
public record TextReplyRecord(
        @Id @GeneratedValue Long id,
        String messageSid,
        String fromNumber,
        String body,
        LocalDateTime receivedAt,
        Outcome outcome,
        @Nullable Long schoolId,
        @Nullable Long pupilId,
        @Nullable LocalDate schoolDay,
        @Nullable Long contactId,
        @Nullable Long outboxId,
        @Nullable String reason,
        @Nullable Long reportId,
        @Nullable String detail) {

    public enum Outcome {
        /** Stored, not yet acted on. */
        RECEIVED,
        /** Made an absence report for the child (accepted at once, or awaiting a staff decision). */
        REPORTED,
        /** Answered a morning text, but no report could be made (e.g. the day is already reported): staff see it. */
        NOT_REPORTED,
        /** No morning text went to this number today: nothing to match it to (ignored). */
        UNMATCHED,
        /** One of Twilio's keywords (STOP, HELP…), which Twilio answers itself: no reason for an absence. */
        KEYWORD
    }

    public TextReplyRecord matched(long school, long pupil, LocalDate day, long contact, long outbox) {
        return new TextReplyRecord(id, messageSid, fromNumber, body, receivedAt, outcome, school, pupil, day, contact,
                outbox, reason, reportId, detail);
    }

    public TextReplyRecord settled(Outcome newOutcome, @Nullable String newReason, @Nullable Long newReportId,
                            @Nullable String newDetail) {
        return new TextReplyRecord(id, messageSid, fromNumber, body, receivedAt, newOutcome, schoolId, pupilId, schoolDay,
                contactId, outboxId, newReason, newReportId, newDetail);
    }
}
