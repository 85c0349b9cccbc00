package uk.attendance.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** One change of a pupil, an address, a contact link or a staff account; {@code changes} is a JSON list of {@link Change}. */
@MappedEntity("audit_event")
record AuditRecord(@Id @GeneratedValue Long id, long trustId, @Nullable Long schoolId, String entityType, long entityId,
                   @Nullable Long pupilId, String action, String changes, String actorKind, @Nullable Long actorId,
                   String actorName, LocalDateTime at) {
}
