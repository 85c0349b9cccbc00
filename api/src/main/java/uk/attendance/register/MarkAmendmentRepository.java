package uk.attendance.register;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MarkAmendmentRepository extends CrudRepository<MarkAmendmentRecord, Long> {
    List<MarkAmendmentRecord> findByMarkIdOrderById(long markId);

    @Query("SELECT a.* FROM mark_amendment a JOIN mark m ON m.id = a.mark_id WHERE m.pupil_id = :pupilId ORDER BY a.id")
    List<MarkAmendmentRecord> ofPupil(long pupilId);
}
