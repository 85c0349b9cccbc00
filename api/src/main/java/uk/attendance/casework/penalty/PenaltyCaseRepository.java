package uk.attendance.casework.penalty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PenaltyCaseRepository extends CrudRepository<PenaltyCaseRow, Long> {

    @Query("SELECT * FROM penalty_case WHERE pupil_id = :pupilId ORDER BY id DESC")
    List<PenaltyCaseRow> ofPupil(long pupilId);

    @Query("SELECT * FROM penalty_case WHERE school_id = :schoolId AND (:stage IS NULL OR stage = :stage)"
            + " ORDER BY id DESC LIMIT 500")
    List<PenaltyCaseRow> ofSchool(long schoolId, @Nullable String stage);

    @Query("SELECT * FROM penalty_case WHERE pupil_id = :pupilId ORDER BY id DESC LIMIT 1")
    Optional<PenaltyCaseRow> latestOfPupil(long pupilId);

    @Query("SELECT * FROM penalty_case WHERE pupil_id = :pupilId AND contact_id = :contactId ORDER BY id DESC LIMIT 1")
    Optional<PenaltyCaseRow> latestOfPupilAndParent(long pupilId, long contactId);

    @Query("SELECT COUNT(*) > 0 FROM penalty_case WHERE pupil_id = :pupilId AND contact_id = :contactId"
            + " AND stage NOT IN ('PAID', 'WITHDRAWN')")
    boolean anyOpen(long pupilId, long contactId);

    /** Issue dates of the notices this parent had for this child (withdrawn notices do not count), the case itself excepted. */
    @Query("SELECT issued_on FROM penalty_case WHERE pupil_id = :pupilId AND contact_id = :contactId AND id <> :exceptCase"
            + " AND issued_on IS NOT NULL AND stage <> 'WITHDRAWN'")
    List<LocalDate> noticesIssued(long pupilId, long contactId, long exceptCase);

    /** Locks the case row for one step (two staff recording the same step at once: the second sees the first's stage). */
    @Query("SELECT * FROM penalty_case WHERE id = :id FOR UPDATE")
    Optional<PenaltyCaseRow> lock(long id);
}
