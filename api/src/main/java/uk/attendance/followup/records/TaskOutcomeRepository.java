package uk.attendance.followup.records;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TaskOutcomeRepository extends CrudRepository<TaskOutcomeRecord, Long> {

    List<TaskOutcomeRecord> findByTaskIdInOrderById(Collection<Long> taskIds);

    /** The codes families gave on the day's calls, latest first. */
    @Query("SELECT t.pupil_id, t.id AS task_id, o.code, o.staff_name, o.staff_position FROM follow_up_task_outcome o"
            + " JOIN follow_up_task t ON t.id = o.task_id"
            + " WHERE t.school_day = :schoolDay AND t.pupil_id IN (:pupilIds) AND o.outcome = 'REACHED'"
            + " AND o.code IS NOT NULL ORDER BY o.id DESC")
    List<ReachedCode> reachedOn(LocalDate schoolDay, Collection<Long> pupilIds);

    @Introspected
    record ReachedCode(long pupilId, long taskId, String code, String staffName, String staffPosition) {
    }
}
