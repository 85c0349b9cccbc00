package uk.attendance.pupil;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PupilAddressRepository extends CrudRepository<PupilAddressRecord, Long> {
    /** The current address of each pupil that has one (the newest row). */
    @Query("SELECT a.* FROM pupil_address a WHERE a.pupil_id IN (:pupilIds)"
            + " AND a.id = (SELECT MAX(b.id) FROM pupil_address b WHERE b.pupil_id = a.pupil_id)")
    List<PupilAddressRecord> findCurrentByPupilIdIn(Collection<Long> pupilIds);

    List<PupilAddressRecord> findByPupilIdOrderByIdDesc(long pupilId);
}
