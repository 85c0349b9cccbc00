package uk.attendance.followup.records;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface FollowUpActionRepository extends CrudRepository<FollowUpActionRecord, Long> {

    @Query("SELECT * FROM follow_up_action WHERE school_id = :schoolId AND school_day = :schoolDay ORDER BY id")
    List<FollowUpActionRecord> ofSchool(long schoolId, LocalDate schoolDay);

    @Query("SELECT * FROM follow_up_action WHERE pupil_id = :pupilId AND school_day BETWEEN :from AND :to"
            + " ORDER BY school_day DESC, id DESC")
    List<FollowUpActionRecord> ofPupilBetween(long pupilId, LocalDate from, LocalDate to);

    @Query("UPDATE follow_up_action SET outcome = :outcome, detail = :detail WHERE id = :id")
    void settle(long id, String outcome, @Nullable String detail);

    /** A text's outcome, once its outbox message is settled: only from the outcomes given (TEXTED is never undone). */
    @Query("UPDATE follow_up_action SET outcome = :outcome WHERE pupil_id = :pupilId AND school_day = :schoolDay"
            + " AND step = :step AND outcome IN (:from)")
    int settleStep(long pupilId, LocalDate schoolDay, String step, String outcome, List<String> from);

    boolean existsByPupilIdAndSchoolDayAndStep(long pupilId, LocalDate schoolDay, FollowUpStep step);

    @Query("SELECT pupil_id FROM follow_up_action WHERE pupil_id IN (:pupilIds) AND school_day = :schoolDay AND step = :step")
    List<Long> pupilsWithStep(java.util.Collection<Long> pupilIds, LocalDate schoolDay, String step);

    /** The school-wide steps that have run on a day (in no particular order). */
    @Query("SELECT step, ran_at FROM follow_up_run WHERE school_id = :schoolId AND school_day = :schoolDay")
    List<StepRun> runsOf(long schoolId, LocalDate schoolDay);

    @Introspected
    record StepRun(String step, LocalDateTime ranAt) {
    }
}
