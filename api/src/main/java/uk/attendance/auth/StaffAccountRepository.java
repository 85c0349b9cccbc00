package uk.attendance.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StaffAccountRepository extends GenericRepository<StaffAccountRecord, Long> {
    // The column's collation is case-insensitive, so Jo@School.org finds jo@school.org.
    Optional<StaffAccountRecord> findByEmail(String email);

    Optional<StaffAccountRecord> findById(long id);
}
