package uk.attendance.casework.documents;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DocumentDownloadRepository extends CrudRepository<DocumentDownloadRecord, Long> {

    @Query("SELECT * FROM document_download WHERE school_id = :schoolId ORDER BY downloaded_at DESC, id DESC LIMIT 500")
    List<DocumentDownloadRecord> latestOfSchool(long schoolId);

    @Query("SELECT * FROM document_download WHERE pupil_id = :pupilId ORDER BY downloaded_at DESC, id DESC LIMIT 500")
    List<DocumentDownloadRecord> latestOfPupil(long pupilId);
}
