package uk.attendance.school;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TrustRepository extends CrudRepository<TrustRecord, Long> {

    java.util.List<TrustRecord> findAllOrderById();
}
