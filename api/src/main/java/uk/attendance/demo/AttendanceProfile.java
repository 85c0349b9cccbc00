package uk.attendance.demo;

/**
 * How often a demo pupil misses school. The PERSISTENT and SEVERE patterns are fixed (every 7th and
 * 3 of every 5 school days) so those pupils stay under 90 % and 50 % whatever the date.
 */
enum AttendanceProfile {
    STRONG(0.004, 0.005, 0.000, 0.000),
    TYPICAL(0.010, 0.020, 0.002, 0.002),
    CONCERN(0.008, 0.040, 0.005, 0.003),
    PERSISTENT(0.030, 0.060, 0.015, 0.010),
    SEVERE(0.000, 0.150, 0.040, 0.000);

    /** Chance a school day starts a 1–3 day illness. */
    final double illness;
    /** Chance of an L in the morning (a third of it in the afternoon). */
    final double late;
    /** Chance of arriving after the register closed (U). */
    final double veryLate;
    /** Chance of a whole unexplained day off (O, or N while still recent). */
    final double truancy;

    AttendanceProfile(double illness, double late, double veryLate, double truancy) {
        this.illness = illness;
        this.late = late;
        this.veryLate = veryLate;
        this.truancy = truancy;
    }
}
