package uk.attendance.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.contract.model.AbsenceReportReason;
import uk.attendance.contract.model.AbsenceReportStatus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/** One child's absence report, as a parent made it and as it now stands. */
@MappedEntity("absence_report")
record AbsenceReportRecord(
        @Id @GeneratedValue Long id,
        long pupilId,
        long schoolId,
        long parentId,
        String reportedByName,
        String reason,
        @Nullable String otherReason,
        @Nullable LocalTime appointmentTime,
        @Nullable LocalTime appointmentEnds,
        LocalDate firstDay,
        LocalDate lastDay,
        @Nullable LocalDate expectedReturn,
        @Nullable String note,
        String status,
        @Nullable String decidedCode,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    AbsenceReportReason reasonValue() {
        return AbsenceReportReason.fromValue(reason);
    }

    AbsenceReportStatus statusValue() {
        return AbsenceReportStatus.fromValue(status);
    }

    boolean awaitingDecision() {
        return statusValue() == AbsenceReportStatus.AWAITING_DECISION || statusValue() == AbsenceReportStatus.QUESTION_ASKED;
    }

    Optional<String> decided() {
        return Optional.ofNullable(decidedCode);
    }

    AbsenceReportRecord withStatus(AbsenceReportStatus newStatus, LocalDateTime at) {
        return new AbsenceReportRecord(id, pupilId, schoolId, parentId, reportedByName, reason, otherReason, appointmentTime,
                appointmentEnds, firstDay, lastDay, expectedReturn, note, newStatus.getValue(), decidedCode, createdAt, at);
    }

    AbsenceReportRecord withDecision(AbsenceReportStatus newStatus, String code, LocalDateTime at) {
        return new AbsenceReportRecord(id, pupilId, schoolId, parentId, reportedByName, reason, otherReason, appointmentTime,
                appointmentEnds, firstDay, lastDay, expectedReturn, note, newStatus.getValue(), code, createdAt, at);
    }

    AbsenceReportRecord withDays(LocalDate newLastDay, @Nullable LocalDate newExpectedReturn, @Nullable String newNote,
                                 AbsenceReportStatus newStatus, LocalDateTime at) {
        return new AbsenceReportRecord(id, pupilId, schoolId, parentId, reportedByName, reason, otherReason, appointmentTime,
                appointmentEnds, firstDay, newLastDay, newExpectedReturn, newNote, newStatus.getValue(), decidedCode, createdAt, at);
    }
}
