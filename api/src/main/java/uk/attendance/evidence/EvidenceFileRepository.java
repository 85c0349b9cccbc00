package uk.attendance.evidence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface EvidenceFileRepository extends CrudRepository<EvidenceFileRecord, Long> {

    @Query("SELECT * FROM evidence_file WHERE id IN (SELECT evidence_id FROM evidence_attachment WHERE subject = :subject) ORDER BY created_at, id")
    List<EvidenceFileRecord> attachedTo(String subject);

    @Query("SELECT * FROM evidence_file WHERE id IN (SELECT evidence_id FROM evidence_attachment WHERE pupil_id = :pupilId) ORDER BY created_at DESC, id DESC")
    List<EvidenceFileRecord> ofPupil(long pupilId);
}
