package uk.attendance.school;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SchoolRepository extends CrudRepository<SchoolRecord, Long> {
    List<SchoolRecord> findByTrustIdOrderByName(long trustId);

    boolean existsByUrn(int urn);
}
