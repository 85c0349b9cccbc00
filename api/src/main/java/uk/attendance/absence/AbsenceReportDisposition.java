package uk.attendance.absence;

/** What a report asks of one of its sessions. */
enum AbsenceReportDisposition {
    /** the report's code applies: recorded now if the register shows N, or when the register is taken */
    APPLY,
    /** staff decide the code */
    AWAITING_DECISION,
    /** a further day of religious observance: only one day may be R, the rest needs a leave request */
    NEEDS_LEAVE_REQUEST,
    /** withdrawn by the family before the register was taken */
    WITHDRAWN;

    /** The report holds the session: no other report of the child may cover it. */
    boolean claims() {
        return this == APPLY || this == AWAITING_DECISION;
    }
}
