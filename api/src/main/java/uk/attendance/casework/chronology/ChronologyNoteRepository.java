package uk.attendance.casework.chronology;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ChronologyNoteRepository extends CrudRepository<ChronologyNoteRow, Long> {

    @Query("SELECT * FROM chronology_note WHERE pupil_id = :pupilId ORDER BY created_at DESC, id DESC")
    List<ChronologyNoteRow> ofPupil(long pupilId);
}
