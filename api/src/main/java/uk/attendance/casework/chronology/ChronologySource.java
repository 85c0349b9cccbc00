package uk.attendance.casework.chronology;

import java.util.List;

/**
 * A feature that has items for a pupil's chronology (letters, support, penalty cases). The chronology collects every
 * implementation, so it does not depend on the features that feed it.
 */
public interface ChronologySource {
    /** The pupil's items, in any order, each marked for whom it is ({@link ChronologyEntry#forFamily}, DSL-only). */
    List<ChronologyEntry> forChronology(long pupilId);
}
