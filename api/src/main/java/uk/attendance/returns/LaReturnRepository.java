package uk.attendance.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LaReturnRepository extends CrudRepository<LaReturnRow, Long> {

    /** The stored returns a fresh evaluation from {@code from} may match: their period reaches into it. */
    @Query("SELECT * FROM la_return WHERE school_id = :schoolId AND period_end >= :from ORDER BY id")
    List<LaReturnRow> reachingInto(long schoolId, LocalDate from);

    /** A second reader storing the same return at the same time stores nothing (unique pupil, kind, start). */
    @Query("INSERT IGNORE INTO la_return (school_id, pupil_id, kind, period_start, period_end, due_on, send_by,"
            + " sickness_trigger, status, created_at) VALUES (:schoolId, :pupilId, :kind, :periodStart, :periodEnd, :dueOn,"
            + " :sendBy, :sicknessTrigger, 'DUE', :createdAt)")
    int insertIgnore(long schoolId, long pupilId, String kind, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn,
                     @Nullable LocalDate sendBy, @Nullable String sicknessTrigger, LocalDateTime createdAt);

    @Query("UPDATE la_return SET period_end = :periodEnd, due_on = :dueOn, send_by = :sendBy,"
            + " sickness_trigger = :sicknessTrigger WHERE id = :id AND status = 'DUE'")
    int refreshDue(long id, LocalDate periodEnd, LocalDate dueOn, @Nullable LocalDate sendBy, @Nullable String sicknessTrigger);

    @Query("DELETE FROM la_return WHERE id = :id AND status = 'DUE'")
    int withdrawDue(long id);

    @Query("UPDATE la_return SET status = 'SENT', sent_at = :sentAt, sent_by_staff_id = :staffId, sent_by_name = :name,"
            + " sent_by_position = :position, sent_via = :via, sent_note = :note WHERE id = :id AND status = 'DUE'")
    int markSent(long id, LocalDateTime sentAt, long staffId, String name, String position, String via, @Nullable String note);

    /** Returns due from {@code from} to {@code asOf}, and any older one still due, oldest first. */
    @Query("SELECT * FROM la_return WHERE school_id = :schoolId"
            + " AND (due_on BETWEEN :from AND :asOf OR (status = 'DUE' AND due_on < :from))"
            + " AND (:status IS NULL OR status = :status) AND (:kind IS NULL OR kind = :kind)"
            + " ORDER BY due_on, id LIMIT 5000")
    List<LaReturnRow> listed(long schoolId, LocalDate from, LocalDate asOf, @Nullable String status, @Nullable String kind);
}
