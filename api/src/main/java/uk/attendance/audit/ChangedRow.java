package uk.attendance.audit;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** What the change feed reads of an audit row: which record changed, never the values. */
@Introspected
record ChangedRow(long id, String entityType, long entityId, @Nullable Long pupilId, @Nullable Long schoolId) {
}
