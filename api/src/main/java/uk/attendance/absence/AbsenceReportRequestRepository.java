package uk.attendance.absence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AbsenceReportRequestRepository extends CrudRepository<AbsenceReportRequestRecord, Long> {
    Optional<AbsenceReportRequestRecord> findByParentIdAndIdempotencyKey(long parentId, String idempotencyKey);

    int deleteByParentIdAndIdempotencyKeyAndCreatedAtLessThan(long parentId, String idempotencyKey, LocalDateTime before);

    @Query("UPDATE absence_report_request SET response_status = :status, response_body = :body WHERE id = :id")
    int complete(long id, int status, String body);
}
