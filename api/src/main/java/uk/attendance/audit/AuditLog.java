package uk.attendance.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The audit of every change to a pupil, their addresses and contacts, and staff accounts: who, when, each field before
 * and after. A row is written in the caller's transaction, so it exists exactly when the change does. The values are
 * personal data: they are never logged, and only the DSL, headteacher and trust admins read them.
 */
@Singleton
public class AuditLog {
    private static final Argument<List<Change>> CHANGES = Argument.listOf(Change.class);
    private final AuditRepository rows;
    private final ChangeFeed feed;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditRepository rows, ChangeFeed feed, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.feed = feed;
        this.json = json;
        this.clock = clock;
    }

    /** What changed: the record, the pupil it belongs to (if any), its school (none for trust-wide staff) and trust. */
    public record Entry(Entity entity, long entityId, @Nullable Long pupilId, @Nullable Long schoolId, long trustId,
                        String action, List<Change> changes) {
        public Entry {
            changes = changes.stream().filter(Change::changed).toList();
        }
    }

    /** One audit row as read back. {@code actorKind} is STAFF, PARENT or SYSTEM. */
    public record Item(long id, Entity entity, long entityId, @Nullable Long pupilId, String action, List<Change> changes,
                       String actorKind, @Nullable Long actorId, String actorName, LocalDateTime at) {
    }

    /**
     * Writes the entry (an entry whose fields all kept their values writes nothing) and, once the transaction commits,
     * tells this instance's {@link ChangeListener}s; other instances learn of it from the table.
     */
    public void record(Caller actor, Entry entry) {
        if (entry.changes().isEmpty()) {
            return;
        }
        String name = actor.name().isBlank() ? actor.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + actor.id()
                : actor.name();
        rows.save(new AuditRecord(null, entry.trustId(), entry.schoolId(), entry.entity().name(), entry.entityId(),
                entry.pupilId(), entry.action(), write(entry.changes()), actor.kind().name(), actor.id(),
                name, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
        feed.afterCommit(new RecordChanged(entry.entity(), entry.entityId(), entry.pupilId(), entry.schoolId()));
    }

    /** A pupil's audit (the pupil, their addresses and contact links), newest first, before the row {@code before}. */
    public List<Item> ofPupil(long pupilId, Optional<Long> before, int limit) {
        return rows.ofPupil(pupilId, before.orElse(Long.MAX_VALUE), limit).stream().map(this::item).toList();
    }

    /** One record's audit, newest first. */
    public List<Item> of(Entity entity, long entityId, Optional<Long> before, int limit) {
        return rows.ofEntity(entity.name(), entityId, before.orElse(Long.MAX_VALUE), limit).stream().map(this::item).toList();
    }

    private Item item(AuditRecord r) {
        return new Item(r.id(), Entity.valueOf(r.entityType()), r.entityId(), r.pupilId(), r.action(), read(r.changes()),
                r.actorKind(), r.actorId(), r.actorName(), r.at());
    }

    private String write(List<Change> changes) {
        try {
            return json.writeValueAsString(CHANGES, changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Change> read(String text) {
        try {
            return json.readValue(text, CHANGES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
