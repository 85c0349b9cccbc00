package uk.attendance.pupil;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PupilContactRepository extends CrudRepository<PupilContactRecord, Long> {
    List<PupilContactRecord> findByPupilIdInOrderByPriority(java.util.Collection<Long> pupilIds);

    boolean existsByPupilIdAndContactId(long pupilId, long contactId);

    java.util.Optional<PupilContactRecord> findByPupilIdAndContactId(long pupilId, long contactId);
}
