package uk.attendance.register;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MarkRepository extends CrudRepository<MarkRecord, Long> {
    Optional<MarkRecord> findByPupilIdAndSessionDateAndSession(long pupilId, LocalDate sessionDate, Session session);

    @Query("SELECT * FROM mark WHERE pupil_id = :pupilId AND session_date BETWEEN :from AND :to ORDER BY session_date, session")
    List<MarkRecord> findForPupil(long pupilId, LocalDate from, LocalDate to);

    @Query("SELECT pupil_id, session_date, session, code FROM mark WHERE school_id = :schoolId AND session_date BETWEEN :from AND :to")
    List<MarkCode> codesOfSchool(long schoolId, LocalDate from, LocalDate to);

    @Query("SELECT session_date, session, code, COUNT(*) AS marks FROM mark WHERE school_id = :schoolId"
            + " AND session_date IN (:dates) GROUP BY session_date, session, code")
    List<SessionCodeCount> countBySessionAndCode(long schoolId, Collection<LocalDate> dates);

    @Query("SELECT * FROM mark WHERE school_id = :schoolId AND code = 'N' AND session_date <= :lastDate"
            + " ORDER BY session_date, session, id")
    List<MarkRecord> unexplainedOfSchool(long schoolId, LocalDate lastDate);

    @Query("SELECT * FROM mark WHERE id IN (:ids) AND code = 'N' ORDER BY id FOR UPDATE")
    List<MarkRecord> lockUnexplained(Collection<Long> ids);

    List<MarkRecord> findBySessionDateAndSessionAndPupilIdIn(LocalDate sessionDate, Session session, Collection<Long> pupilIds);

    List<MarkRecord> findByPupilIdInAndSessionDateBetween(Collection<Long> pupilIds, LocalDate from, LocalDate to);

    @Query("SELECT pupil_id, session_date, session, code FROM mark"
            + " WHERE school_id = :schoolId AND session_date = :date AND session = :session AND code = 'N'")
    List<MarkCode> unexplainedOfSession(long schoolId, LocalDate date, Session session);

    @Query("SELECT * FROM mark WHERE pupil_id = :pupilId AND session_date = :date AND session = :session FOR UPDATE")
    Optional<MarkRecord> lockSession(long pupilId, LocalDate date, Session session);

    /** Locks these pupils' marks of one session, in pupil order. */
    @Query("SELECT pupil_id, code FROM mark WHERE pupil_id IN (:pupilIds) AND session_date = :date AND session = :session"
            + " ORDER BY pupil_id FOR UPDATE")
    List<PupilCode> lockSessions(Collection<Long> pupilIds, LocalDate date, String session);
}
