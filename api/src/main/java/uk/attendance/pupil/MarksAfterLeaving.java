package uk.attendance.pupil;

import java.time.LocalDate;
import java.util.List;

/**
 * The register's marks of a pupil after a date, asked before a leaving date is set: a pupil is not on roll after it,
 * and the register never deletes marks. Implemented by the register feature, which owns them.
 */
public interface MarksAfterLeaving {

    /** The dates after {@code date} on which the pupil has marks, oldest first, with their sessions (AM, PM). */
    List<MarkedDate> after(long pupilId, LocalDate date);

    record MarkedDate(LocalDate date, List<String> sessions) {
        public MarkedDate {
            sessions = List.copyOf(sessions);
        }
    }
}
