package uk.attendance.casework.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SupportRecordRepository extends CrudRepository<SupportRecordRow, Long> {

    @Query("SELECT * FROM support_record WHERE pupil_id = :pupilId ORDER BY starts_on DESC, id DESC")
    List<SupportRecordRow> ofPupil(long pupilId);

    @Query("SELECT * FROM support_record WHERE school_id = :schoolId AND (:kind IS NULL OR kind = :kind)"
            + " ORDER BY id DESC LIMIT 500")
    List<SupportRecordRow> ofSchool(long schoolId, @Nullable String kind);

    @Query("SELECT * FROM support_record WHERE school_id = :schoolId AND (:kind IS NULL OR kind = :kind)"
            + " AND status = 'ACTIVE' AND next_review_on <= :dueBy ORDER BY next_review_on, id LIMIT 500")
    List<SupportRecordRow> reviewsDue(long schoolId, @Nullable String kind, LocalDate dueBy);

    @Query("SELECT COUNT(*) > 0 FROM support_record WHERE pupil_id = :pupilId AND starts_on <= :onOrBefore")
    boolean anyFor(long pupilId, LocalDate onOrBefore);

    /** Open records reviewed on or before {@code until} whose reminder for that review is not yet queued. */
    @Query("SELECT * FROM support_record WHERE status = 'ACTIVE' AND next_review_on BETWEEN :from AND :until"
            + " AND (reminded_for IS NULL OR reminded_for <> next_review_on) ORDER BY id LIMIT 500")
    List<SupportRecordRow> reviewsToRemind(LocalDate from, LocalDate until);

    @Query("UPDATE support_record SET reminded_for = :reviewOn WHERE id = :id AND next_review_on = :reviewOn")
    int markReminded(long id, LocalDate reviewOn);
}
