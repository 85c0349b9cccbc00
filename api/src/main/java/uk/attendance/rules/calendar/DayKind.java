package uk.attendance.rules.calendar;

public enum DayKind {
    SCHOOL_DAY,
    WEEKEND,
    /** Outside every term. */
    HOLIDAY,
    HALF_TERM,
    BANK_HOLIDAY,
    INSET,
    PLANNED_CLOSURE,
    /** Sessions are still planned (register kept, coded Y4). */
    UNEXPECTED_CLOSURE
}
