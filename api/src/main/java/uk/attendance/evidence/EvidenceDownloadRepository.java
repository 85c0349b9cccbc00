package uk.attendance.evidence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface EvidenceDownloadRepository extends CrudRepository<EvidenceDownloadRecord, Long> {

    @Query("SELECT * FROM evidence_download WHERE evidence_id = :evidenceId ORDER BY downloaded_at DESC, id DESC")
    List<EvidenceDownloadRecord> newestFirst(long evidenceId);

    /** The uploader's own downloads of a file being purged (only while it is attached to nothing). */
    @Query("DELETE FROM evidence_download WHERE evidence_id = :evidenceId"
            + " AND NOT EXISTS (SELECT 1 FROM evidence_attachment WHERE evidence_id = :evidenceId)")
    int deleteIfUnattached(long evidenceId);
}
