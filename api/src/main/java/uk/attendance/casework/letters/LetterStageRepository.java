package uk.attendance.casework.letters;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LetterStageRepository extends CrudRepository<LetterStageRecord, Long> {
    List<LetterStageRecord> findBySchoolId(long schoolId);

    Optional<LetterStageRecord> findBySchoolIdAndStage(long schoolId, LetterStage stage);
}
