package uk.attendance.staff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StaffRepository extends CrudRepository<StaffRecord, Long> {
    @io.micronaut.data.annotation.Query("SELECT id FROM staff_user WHERE active = FALSE")
    List<Long> inactiveIds();

    /** The trust's accounts, locked: two administrators switching each other off cannot both succeed. */
    @io.micronaut.data.annotation.Query("SELECT * FROM staff_user WHERE trust_id = :trustId ORDER BY id FOR UPDATE")
    List<StaffRecord> lockTrust(long trustId);

    boolean existsByEmail(String email);

    Optional<StaffRecord> findByEmail(String email);

    List<StaffRecord> findByTrustIdOrderByName(long trustId);

    List<StaffRecord> findBySchoolIdOrderByName(long schoolId);
}
