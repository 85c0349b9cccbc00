package uk.attendance.pupil;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ContactRepository extends CrudRepository<ContactRecord, Long> {
    Optional<ContactRecord> findByTrustIdAndMobile(long trustId, String mobile);

    List<ContactRecord> findByIdIn(java.util.Collection<Long> ids);

    Optional<ContactRecord> findFirstByMobileOrderById(String mobile);

    List<ContactRecord> findByMobileOrderById(String mobile);
}
