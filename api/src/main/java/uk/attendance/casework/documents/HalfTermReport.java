package uk.attendance.casework.documents;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A half-termly attendance report to print: the half-term's figures, the previous half-term's (null when the pupil
 * was not on roll then or the calendar has none) and the academic year's to the end of this half-term.
 */
public record HalfTermReport(String language, String schoolName, String pupilName, String pupilFirstName,
                             String registrationGroup, LocalDate writtenOn, HalfTerm halfTerm, DocumentFigures thisHalfTerm,
                             @Nullable HalfTerm previousHalfTerm, @Nullable DocumentFigures previous,
                             DocumentFigures yearToDate) {
    /** Percentage points (1-dp figures) by which attendance must rise for the "significantly improved" note. */
    public static final BigDecimal SIGNIFICANT_RISE = new BigDecimal("5.0");

    /**
     * Attendance at least {@link #SIGNIFICANT_RISE} points above the previous half-term's, or out of persistent absence
     * (absent 10 % or more in the previous half-term, not in this one). False without a previous half-term.
     */
    public boolean significantlyImproved() {
        if (previous == null || previous.attendancePercent() == null || thisHalfTerm.attendancePercent() == null) {
            return false;
        }
        return thisHalfTerm.attendancePercent().subtract(previous.attendancePercent()).compareTo(SIGNIFICANT_RISE) >= 0
                || (previous.persistentAbsence() && !thisHalfTerm.persistentAbsence());
    }
}
