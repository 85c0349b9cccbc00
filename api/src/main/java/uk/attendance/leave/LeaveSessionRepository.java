package uk.attendance.leave;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LeaveSessionRepository extends CrudRepository<LeaveSessionRecord, Long> {

    @Query("SELECT * FROM leave_request_session WHERE leave_request_id IN (:requestIds) ORDER BY leave_request_id, session_date, session")
    List<LeaveSessionRecord> ofRequests(Collection<Long> requestIds);

    /** Sessions of a pupil still asked for or granted: another request may not ask for them again. */
    @Query("""
            SELECT * FROM leave_request_session WHERE pupil_id = :pupilId AND session_date BETWEEN :fromDay AND :toDay
              AND outcome IN ('REQUESTED', 'APPROVED') ORDER BY session_date, session""")
    List<LeaveSessionRecord> activeOfPupil(long pupilId, LocalDate fromDay, LocalDate toDay);

    /** Decided sessions of these pupils, the latest decision first. */
    @Query("""
            SELECT s.pupil_id, s.leave_request_id, s.outcome, s.code, r.leave_type, r.decided_by_name, r.decided_by_position
            FROM leave_request_session s JOIN leave_request r ON r.id = s.leave_request_id
            WHERE s.session_date = :date AND s.session = :session AND s.pupil_id IN (:pupilIds)
              AND s.outcome IN ('APPROVED', 'NOT_APPROVED')
            ORDER BY s.decided_at DESC, s.id DESC""")
    List<LeaveExpectationRow> decided(Collection<Long> pupilIds, LocalDate date, Session session);
}
