package uk.attendance.casework.letters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LetterRepository extends CrudRepository<LetterRecord, Long> {

    /** A school's letters, newest first, optionally of one status and stage ({@code before}: ids below it, paging). */
    @Query("SELECT * FROM letter WHERE school_id = :schoolId AND (:status IS NULL OR status = :status)"
            + " AND (:stage IS NULL OR stage = :stage) AND (:before IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit")
    List<LetterRecord> ofSchool(long schoolId, @Nullable String status, @Nullable String stage, @Nullable Long before,
                                int limit);

    @Query("SELECT * FROM letter WHERE pupil_id = :pupilId AND (:status IS NULL OR status = :status) ORDER BY id DESC")
    List<LetterRecord> ofPupil(long pupilId, @Nullable String status);

    /** The school's letters proposed on or after {@code since}, whatever became of them (they count for the re-send period). */
    @Query("SELECT * FROM letter WHERE school_id = :schoolId AND proposed_on >= :since")
    List<LetterRecord> proposedSince(long schoolId, LocalDate since);

    boolean existsByPupilIdAndStageAndProposedOn(long pupilId, LetterStage stage, LocalDate proposedOn);

    @Query("UPDATE letter SET subject = :subject, body = :body, edited_by_staff_id = :staffId, edited_at = :at"
            + " WHERE id = :id AND status = 'PROPOSED'")
    int edit(long id, String subject, String body, long staffId, LocalDateTime at);

    @Query("UPDATE letter SET status = 'SENT', sent_by_staff_id = :staffId, sent_at = :at, recipients = :recipients"
            + " WHERE id = :id AND status = 'PROPOSED'")
    int markSent(long id, long staffId, LocalDateTime at, int recipients);

    @Query("UPDATE letter SET status = 'DISMISSED', dismissed_by_staff_id = :staffId, dismissed_at = :at,"
            + " dismissed_reason = :reason WHERE id = :id AND status = 'PROPOSED'")
    int dismiss(long id, long staffId, LocalDateTime at, String reason);
}
