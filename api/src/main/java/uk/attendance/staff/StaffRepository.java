package uk.attendance.staff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StaffRepository extends CrudRepository<StaffRecord, Long> {
    boolean existsByEmail(String email);

    Optional<StaffRecord> findByEmail(String email);

    List<StaffRecord> findByTrustIdOrderByName(long trustId);

    List<StaffRecord> findBySchoolIdOrderByName(long schoolId);
}
