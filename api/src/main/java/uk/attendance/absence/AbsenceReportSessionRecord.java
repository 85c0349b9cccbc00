package uk.attendance.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Optional;

/** One school session a report covers and what it asks of the register there. */
@MappedEntity("absence_report_session")
record AbsenceReportSessionRecord(
        @Id @GeneratedValue Long id,
        long reportId,
        long pupilId,
        long schoolId,
        LocalDate sessionDate,
        Session session,
        String disposition,
        @Nullable String code) {

    AbsenceReportDisposition dispositionValue() {
        return AbsenceReportDisposition.valueOf(disposition);
    }

    Optional<RegisterCode> registerCode() {
        return Optional.ofNullable(code).flatMap(RegisterCode::fromSymbol);
    }

    AbsenceReportSessionRecord with(AbsenceReportDisposition newDisposition, @Nullable RegisterCode newCode) {
        return new AbsenceReportSessionRecord(id, reportId, pupilId, schoolId, sessionDate, session, newDisposition.name(),
                newCode == null ? null : newCode.symbol());
    }

    String key() {
        return sessionDate + " " + session;
    }
}
