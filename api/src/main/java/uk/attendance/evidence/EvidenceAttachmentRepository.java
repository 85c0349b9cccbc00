package uk.attendance.evidence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface EvidenceAttachmentRepository extends CrudRepository<EvidenceAttachmentRecord, Long> {
    List<EvidenceAttachmentRecord> findByEvidenceId(long evidenceId);

    boolean existsByEvidenceIdAndPupilIdAndSubject(long evidenceId, long pupilId, String subject);
}
