package uk.attendance.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ParentContactRepository extends GenericRepository<ParentContactRecord, Long> {
    // A number is unique per trust; should two trusts share a deployment and a parent, the oldest contact signs in.
    Optional<ParentContactRecord> findFirstByMobileOrderById(String mobile);

    Optional<ParentContactRecord> findById(long id);
}
