package uk.attendance.parttime;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PartTimeTimetableRepository extends CrudRepository<PartTimeTimetableRow, Long> {

    @Query("SELECT * FROM part_time_timetable WHERE pupil_id = :pupilId ORDER BY starts_on DESC, id DESC")
    List<PartTimeTimetableRow> ofPupil(long pupilId);

    /** Not ended, proposed end today or later (ACTIVE as shown), soonest end first. */
    @Query("SELECT * FROM part_time_timetable WHERE school_id = :schoolId AND status = 'ACTIVE'"
            + " AND proposed_end_on >= :today ORDER BY proposed_end_on, id LIMIT 500")
    List<PartTimeTimetableRow> activeAtSchool(long schoolId, LocalDate today);

    /** Not ended, past the proposed end (EXPIRED as shown), the most recently expired first. */
    @Query("SELECT * FROM part_time_timetable WHERE school_id = :schoolId AND status = 'ACTIVE'"
            + " AND proposed_end_on < :today ORDER BY proposed_end_on DESC, id DESC LIMIT 500")
    List<PartTimeTimetableRow> expiredAtSchool(long schoolId, LocalDate today);

    @Query("SELECT * FROM part_time_timetable WHERE school_id = :schoolId AND status = 'ENDED'"
            + " ORDER BY ended_on DESC, id DESC LIMIT 500")
    List<PartTimeTimetableRow> endedAtSchool(long schoolId);

    /** The agreements of these pupils that apply on the date (started, not past their end or early end). */
    @Query("SELECT * FROM part_time_timetable WHERE pupil_id IN (:pupilIds) AND starts_on <= :date"
            + " AND COALESCE(ended_on, proposed_end_on) >= :date ORDER BY id")
    List<PartTimeTimetableRow> applyingOn(Collection<Long> pupilIds, LocalDate date);

    /** The pupil's agreements whose days meet {@code [from, to]}. */
    @Query("SELECT * FROM part_time_timetable WHERE pupil_id = :pupilId AND starts_on <= :to"
            + " AND COALESCE(ended_on, proposed_end_on) >= :from ORDER BY id")
    List<PartTimeTimetableRow> overlapping(long pupilId, LocalDate from, LocalDate to);

    /** Open agreements (not ended) whose proposed end is on or after {@code from}: those a reminder may be due for. */
    @Query("SELECT * FROM part_time_timetable WHERE status = 'ACTIVE' AND proposed_end_on >= :from ORDER BY id")
    List<PartTimeTimetableRow> openFrom(LocalDate from);

    @Query("SELECT * FROM part_time_timetable WHERE id = :id FOR UPDATE")
    Optional<PartTimeTimetableRow> lock(long id);
}
