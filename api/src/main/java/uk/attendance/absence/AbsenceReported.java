package uk.attendance.absence;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published (synchronously, in the report's transaction) when a family reports an absence or extends a report to more
 * days: the family has been in touch about the pupil on {@code days}, so the morning follow-up closes the pupil's open
 * call tasks of those days and tells whoever held them.
 *
 * @param reason what the report says, in words for staff (e.g. "illness")
 */
public record AbsenceReported(long reportId, long pupilId, long schoolId, Set<LocalDate> days, String reason) {
}
