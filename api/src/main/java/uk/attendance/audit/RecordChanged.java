package uk.attendance.audit;

import io.micronaut.core.annotation.Nullable;

/** A record changed, on this instance or another: drop whatever is kept in memory about it. */
public record RecordChanged(Entity entity, long entityId, @Nullable Long pupilId, @Nullable Long schoolId) {
}
