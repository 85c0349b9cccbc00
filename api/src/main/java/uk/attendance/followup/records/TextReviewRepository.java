package uk.attendance.followup.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TextReviewRepository extends CrudRepository<TextReviewRecord, Long> {

    /** A school's items in one status, newest first ({@code before}: only ids below it, for paging). */
    @Query("SELECT * FROM text_review WHERE school_id = :schoolId AND status = :status"
            + " AND (:before IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit")
    List<TextReviewRecord> ofSchool(long schoolId, String status, @Nullable Long before, int limit);

    Optional<TextReviewRecord> findByIdAndSchoolId(long id, long schoolId);

    /** Marks an open item done; an item already done is left as it is (the first hand and note stand). */
    @Query("UPDATE text_review SET status = 'DONE', handled_by_staff_id = :staffId, handled_at = :at, note = :note"
            + " WHERE id = :id AND status = 'OPEN'")
    int markDone(long id, long staffId, LocalDateTime at, @Nullable String note);
}
