package uk.attendance.returns;

/** The four returns a school makes to its local authority (registration regulations 2024, r13). */
public enum ReturnKind {
    ATTENDANCE, SICKNESS, NEW_PUPIL, DELETION;

    /** Attendance and sickness returns cover a period (matched by overlap); the others a single date. */
    boolean coversPeriod() {
        return this == ATTENDANCE || this == SICKNESS;
    }
}
