package uk.attendance.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StaffSignInFailureRepository extends CrudRepository<StaffSignInFailureRecord, Long> {
    long countByEmailAndFailedAtGreaterThan(String email, LocalDateTime since);

    long countByClientAndFailedAtGreaterThan(String client, LocalDateTime since);
}
