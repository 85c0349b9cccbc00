package uk.attendance.followup.records;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface FollowUpTaskRepository extends CrudRepository<FollowUpTaskRecord, Long> {

    /** The task, locked until the caller's transaction ends (claims and outcomes on one task queue up). */
    @Query("SELECT * FROM follow_up_task WHERE id = :id FOR UPDATE")
    Optional<FollowUpTaskRecord> lock(long id);

    boolean existsByPupilIdAndSchoolDayAndKind(long pupilId, LocalDate schoolDay, TaskKind kind);

    @Query("SELECT * FROM follow_up_task WHERE school_id = :schoolId AND school_day = :schoolDay ORDER BY id")
    List<FollowUpTaskRecord> ofSchool(long schoolId, LocalDate schoolDay);

    @Query("SELECT * FROM follow_up_task WHERE pupil_id = :pupilId AND school_day = :schoolDay"
            + " AND state IN ('OPEN', 'CLAIMED') ORDER BY id FOR UPDATE")
    List<FollowUpTaskRecord> lockActiveOf(long pupilId, LocalDate schoolDay);

    @Query("SELECT * FROM follow_up_task WHERE claimed_by_staff_id = :staffId AND state = 'CLAIMED' ORDER BY school_day, id")
    List<FollowUpTaskRecord> heldBy(long staffId);

    @Query("SELECT * FROM follow_up_task WHERE pupil_id = :pupilId AND school_day BETWEEN :from AND :to"
            + " ORDER BY school_day DESC, id DESC")
    List<FollowUpTaskRecord> ofPupilBetween(long pupilId, LocalDate from, LocalDate to);

    List<FollowUpTaskRecord> findByPupilIdOrderById(long pupilId);
}
