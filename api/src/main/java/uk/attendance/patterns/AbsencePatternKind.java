package uk.attendance.patterns;

/** How a pupil's absences concentrate ({@link AbsencePatterns}). */
public enum AbsencePatternKind {
    MONDAY_FRIDAY,
    AFTERNOON
}
