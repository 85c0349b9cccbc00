package uk.attendance.rules.calendar;

public enum ClosureKind {
    HALF_TERM,
    BANK_HOLIDAY,
    INSET,
    PLANNED_CLOSURE,
    /** Whole site closed unexpectedly: sessions stay planned and are marked Y4. */
    UNEXPECTED_CLOSURE;

    /** Planned closures remove pupil sessions; an unexpected closure keeps them (register kept, coded Y4). */
    public boolean removesSessions() {
        return this != UNEXPECTED_CLOSURE;
    }
}
