package uk.attendance.absence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AbsenceReportSessionRepository extends CrudRepository<AbsenceReportSessionRecord, Long> {

    @Query("SELECT * FROM absence_report_session WHERE report_id = :reportId ORDER BY session_date, session")
    List<AbsenceReportSessionRecord> ofReport(long reportId);

    @Query("SELECT * FROM absence_report_session WHERE report_id IN (:reportIds) ORDER BY session_date, session")
    List<AbsenceReportSessionRecord> ofReports(Collection<Long> reportIds);

    /** Sessions of the pupil held by a live report (coded, or awaiting a decision). */
    @Query("SELECT * FROM absence_report_session WHERE pupil_id = :pupilId AND session_date BETWEEN :from AND :to"
            + " AND disposition IN ('APPLY', 'AWAITING_DECISION')")
    List<AbsenceReportSessionRecord> claimedBetween(long pupilId, LocalDate from, LocalDate to);

    @Query("SELECT * FROM absence_report_session WHERE session_date = :date AND session = :session"
            + " AND pupil_id IN (:pupilIds) AND disposition = 'APPLY'")
    List<AbsenceReportSessionRecord> applyingTo(Collection<Long> pupilIds, LocalDate date, Session session);

    /** Sessions a report gives a code (recorded when the register is taken) or proposes one for staff to confirm. */
    @Query("SELECT * FROM absence_report_session WHERE session_date = :date AND session = :session"
            + " AND pupil_id IN (:pupilIds) AND (disposition = 'APPLY' OR disposition = 'AWAITING_DECISION' AND code IS NOT NULL)")
    List<AbsenceReportSessionRecord> codedOrProposed(Collection<Long> pupilIds, LocalDate date, Session session);

    @Query("SELECT * FROM absence_report_session WHERE school_id = :schoolId AND session_date = :date AND session = :session"
            + " AND disposition IN (:dispositions)")
    List<AbsenceReportSessionRecord> ofSchoolSession(long schoolId, LocalDate date, Session session,
                                                      Collection<String> dispositions);

    @Query("SELECT * FROM absence_report_session WHERE pupil_id = :pupilId AND session_date = :date AND session = :session"
            + " AND disposition = 'APPLY'")
    List<AbsenceReportSessionRecord> applyingToPupil(long pupilId, LocalDate date, Session session);
}
