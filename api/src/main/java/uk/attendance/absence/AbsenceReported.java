package uk.attendance.absence;

import java.time.LocalDate;

/**
 * A parent reported an absence (published in the report's transaction): the family got in touch, so the morning
 * follow-up stops chasing the child for the days it covers.
 */
public record AbsenceReported(long reportId, long pupilId, long schoolId, LocalDate firstDay, LocalDate lastDay) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }
}
