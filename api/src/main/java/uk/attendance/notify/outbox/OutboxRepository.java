package uk.attendance.notify.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRepository extends CrudRepository<OutboxRecord, Long> {

    /** Locks up to {@code limit} due rows that no other transaction holds; the locks last until the caller commits. */
    @Query("SELECT * FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= :now"
            + " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<OutboxRecord> claimDue(LocalDateTime now, int limit);

    @Query("SELECT * FROM outbox_message WHERE provider_ref = :providerRef FOR UPDATE")
    List<OutboxRecord> lockByProviderRef(String providerRef);

    /** A locking read: sees a row another transaction has just committed, which a plain read in ours may not. */
    @Query("SELECT id FROM outbox_message WHERE dedupe_key = :dedupeKey LOCK IN SHARE MODE")
    Optional<Long> idOfKey(String dedupeKey);

    Optional<OutboxRecord> findByDedupeKey(String dedupeKey);

    boolean existsByProviderRef(String providerRef);

    @Query("SELECT * FROM outbox_message WHERE school_id = :schoolId AND (:status IS NULL OR status = :status)"
            + " AND (:pupilId IS NULL OR pupil_id = :pupilId) AND (:before IS NULL OR id < :before)"
            + " ORDER BY id DESC LIMIT :limit")
    List<OutboxRecord> ofSchool(long schoolId, @Nullable String status, @Nullable Long pupilId, @Nullable Long before,
                                int limit);

    @Query("SELECT * FROM outbox_message WHERE pupil_id IN (:pupilIds) AND purpose = :purpose"
            + " AND created_at >= :from AND created_at < :to ORDER BY id")
    List<OutboxRecord> aboutPupils(Collection<Long> pupilIds, String purpose, LocalDateTime from, LocalDateTime to);

    /**
     * A pupil's messages, newest first; with {@code parentId}, only those to that parent (texts and pushes) and not
     * those cancelled before sending.
     */
    @Query("SELECT * FROM outbox_message WHERE pupil_id = :pupilId AND (:parentId IS NULL"
            + " OR (to_person_kind = 'PARENT' AND to_person_id = :parentId AND status <> 'CANCELLED'))"
            + " AND (:before IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit")
    List<OutboxRecord> ofPupil(long pupilId, @Nullable Long parentId, @Nullable Long before, int limit);

    @Query("SELECT * FROM outbox_message WHERE to_number = :toNumber AND purpose = :purpose AND status = 'SENT'"
            + " AND created_at >= :since ORDER BY id DESC LIMIT 20")
    List<OutboxRecord> sentTo(String toNumber, String purpose, LocalDateTime since);

    @Query("UPDATE outbox_message SET body = :body WHERE id = :id")
    int replaceBody(long id, String body);
}
