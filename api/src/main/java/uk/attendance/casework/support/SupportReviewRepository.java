package uk.attendance.casework.support;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SupportReviewRepository extends CrudRepository<SupportReviewRow, Long> {

    @Query("SELECT * FROM support_review WHERE support_record_id IN (:recordIds) ORDER BY reviewed_on, id")
    List<SupportReviewRow> ofRecords(Collection<Long> recordIds);
}
