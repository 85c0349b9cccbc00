package uk.attendance.leave;

/** What became of one requested session. */
enum LeaveOutcome {
    REQUESTED,
    APPROVED,
    NOT_APPROVED,
    WITHDRAWN
}
