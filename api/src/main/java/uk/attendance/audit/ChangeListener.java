package uk.attendance.audit;

/**
 * Told of every audited change: at once (after the commit) on the instance that made it, within about a second
 * ({@code attendance.changes.poll-interval}) on every other instance, read from the audit table.
 */
public interface ChangeListener {
    void changed(RecordChanged change);
}
