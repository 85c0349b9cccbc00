package uk.attendance.casework.letters;

/**
 * The graduated response's letters (attendance policy, annexes 5 to 7). The three attendance stages are ordered by
 * severity; U_LATE is proposed on its own count; the last two are started by staff only.
 */
public enum LetterStage {
    LETTER_1, LETTER_2, LETTER_3, U_LATE, LONG_TERM_ILLNESS, PART_TIME_TIMETABLE;

    /** Proposed when the pupil's attendance is below the stage's threshold. */
    public boolean byAttendance() {
        return this == LETTER_1 || this == LETTER_2 || this == LETTER_3;
    }

    /** The daily job may propose it (the others are started by staff). */
    public boolean proposable() {
        return byAttendance() || this == U_LATE;
    }

    /** Of two attendance stages, the more severe one (Letter 3 over Letter 2 over Letter 1). */
    public boolean moreSevereThan(LetterStage other) {
        return byAttendance() && other.byAttendance() && ordinal() > other.ordinal();
    }
}
