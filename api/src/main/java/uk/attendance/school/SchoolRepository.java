package uk.attendance.school;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SchoolRepository extends CrudRepository<SchoolRecord, Long> {
    List<SchoolRecord> findByTrustIdOrderByName(long trustId);

    boolean existsByUrn(int urn);

    Optional<SchoolRecord> findByUrn(int urn);
}
