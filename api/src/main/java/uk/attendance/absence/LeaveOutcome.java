package uk.attendance.absence;

/** What became of one requested session. */
enum LeaveOutcome {
    REQUESTED,
    APPROVED,
    NOT_APPROVED,
    WITHDRAWN
}
