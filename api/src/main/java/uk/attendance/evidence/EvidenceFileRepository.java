package uk.attendance.evidence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import uk.attendance.caller.Caller;

import java.time.LocalDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface EvidenceFileRepository extends CrudRepository<EvidenceFileRecord, Long> {

    @Query("SELECT * FROM evidence_file WHERE id IN (SELECT evidence_id FROM evidence_attachment WHERE subject = :subject) ORDER BY created_at, id")
    List<EvidenceFileRecord> attachedTo(String subject);

    @Query("SELECT * FROM evidence_file WHERE id IN (SELECT evidence_id FROM evidence_attachment WHERE pupil_id = :pupilId) ORDER BY created_at DESC, id DESC")
    List<EvidenceFileRecord> ofPupil(long pupilId);

    List<EvidenceFileRecord> findByUploaderKindAndUploaderIdAndCreatedAtGreaterThanOrderByCreatedAt(
            Caller.Kind uploaderKind, long uploaderId, LocalDateTime since);

    @Query("SELECT * FROM evidence_file f WHERE f.created_at < :cutoff"
            + " AND NOT EXISTS (SELECT 1 FROM evidence_attachment a WHERE a.evidence_id = f.id) ORDER BY f.id LIMIT 500")
    List<EvidenceFileRecord> unattachedBefore(LocalDateTime cutoff);

    @Query("SELECT id FROM evidence_file WHERE id = :id FOR UPDATE")
    java.util.Optional<Long> lock(long id);

    /** @return 1 when deleted; 0 when it has been attached meanwhile (or is gone) */
    @Query("DELETE FROM evidence_file WHERE id = :id"
            + " AND NOT EXISTS (SELECT 1 FROM evidence_attachment WHERE evidence_id = :id)")
    int deleteIfUnattached(long id);
}
