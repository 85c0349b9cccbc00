package uk.attendance.casework.penalty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A penalty-notice case for one pupil and one liable parent (contact): each step fills its columns and moves
 * {@code stage}; nothing is cleared. Dates are the school's, timestamps UTC.
 */
@MappedEntity("penalty_case")
record PenaltyCaseRow(
        @Id @GeneratedValue Long id,
        long schoolId,
        long pupilId,
        long contactId,
        Reason reason,
        Stage stage,
        LocalDate stageSince,
        @Nullable String note,
        @Nullable LocalDate improvementFrom,
        @Nullable LocalDate improveBy,
        @Nullable LocalDate laRequestedOn,
        @Nullable String laRequestNote,
        @Nullable LocalDate issuedOn,
        @Nullable LocalDate receivedOn,
        @Nullable Integer noticeNumber,
        @Nullable LocalDate paidOn,
        @Nullable BigDecimal amountPaid,
        @Nullable LocalDate withdrawnOn,
        @Nullable String withdrawalReason,
        LocalDateTime createdAt,
        String createdByName,
        LocalDateTime updatedAt,
        String updatedByName) {

    enum Reason { TERM_TIME_HOLIDAY, IRREGULAR_ATTENDANCE }

    /** As stored; {@code PAYMENT_OVERDUE} is not a stored stage but read from an unpaid notice's deadline. */
    enum Stage { OPEN, NOTICE_TO_IMPROVE, REQUESTED, ISSUED, PAID, WITHDRAWN }

    boolean settled() {
        return stage == Stage.PAID || stage == Stage.WITHDRAWN;
    }

    PenaltyCaseRow withStage(Stage next, LocalDate since, LocalDateTime at, String by) {
        return new PenaltyCaseRow(id, schoolId, pupilId, contactId, reason, next, since, note, improvementFrom, improveBy,
                laRequestedOn, laRequestNote, issuedOn, receivedOn, noticeNumber, paidOn, amountPaid, withdrawnOn,
                withdrawalReason, createdAt, createdByName, at, by);
    }

    PenaltyCaseRow withNoticeToImprove(LocalDate from, LocalDate by) {
        return new PenaltyCaseRow(id, schoolId, pupilId, contactId, reason, stage, stageSince, note, from, by,
                laRequestedOn, laRequestNote, issuedOn, receivedOn, noticeNumber, paidOn, amountPaid, withdrawnOn,
                withdrawalReason, createdAt, createdByName, updatedAt, updatedByName);
    }

    PenaltyCaseRow withLaRequest(LocalDate on, @Nullable String requestNote) {
        return new PenaltyCaseRow(id, schoolId, pupilId, contactId, reason, stage, stageSince, note, improvementFrom,
                improveBy, on, requestNote, issuedOn, receivedOn, noticeNumber, paidOn, amountPaid, withdrawnOn,
                withdrawalReason, createdAt, createdByName, updatedAt, updatedByName);
    }

    PenaltyCaseRow withNotice(LocalDate issued, LocalDate received, int number) {
        return new PenaltyCaseRow(id, schoolId, pupilId, contactId, reason, stage, stageSince, note, improvementFrom,
                improveBy, laRequestedOn, laRequestNote, issued, received, number, paidOn, amountPaid, withdrawnOn,
                withdrawalReason, createdAt, createdByName, updatedAt, updatedByName);
    }

    PenaltyCaseRow withPayment(LocalDate paid, BigDecimal amount) {
        return new PenaltyCaseRow(id, schoolId, pupilId, contactId, reason, stage, stageSince, note, improvementFrom,
                improveBy, laRequestedOn, laRequestNote, issuedOn, receivedOn, noticeNumber, paid, amount, withdrawnOn,
                withdrawalReason, createdAt, createdByName, updatedAt, updatedByName);
    }

    PenaltyCaseRow withWithdrawal(LocalDate on, String why) {
        return new PenaltyCaseRow(id, schoolId, pupilId, contactId, reason, stage, stageSince, note, improvementFrom,
                improveBy, laRequestedOn, laRequestNote, issuedOn, receivedOn, noticeNumber, paidOn, amountPaid, on,
                why, createdAt, createdByName, updatedAt, updatedByName);
    }
}
