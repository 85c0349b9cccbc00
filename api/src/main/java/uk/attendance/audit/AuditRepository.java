package uk.attendance.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRepository extends CrudRepository<AuditRecord, Long> {
    int BATCH = 5000;

    @Query("SELECT * FROM audit_event WHERE pupil_id = :pupilId AND id < :before ORDER BY id DESC LIMIT :limit")
    List<AuditRecord> ofPupil(long pupilId, long before, int limit);

    @Query("SELECT * FROM audit_event WHERE entity_type = :entityType AND entity_id = :entityId AND id < :before"
            + " ORDER BY id DESC LIMIT :limit")
    List<AuditRecord> ofEntity(String entityType, long entityId, long before, int limit);

    @Query("SELECT id, entity_type, entity_id, pupil_id, school_id FROM audit_event WHERE id > :after ORDER BY id LIMIT " + BATCH + "")
    List<ChangedRow> after(long after);

    @Query("SELECT COALESCE(MAX(id), 0) FROM audit_event")
    long newestId();
}
