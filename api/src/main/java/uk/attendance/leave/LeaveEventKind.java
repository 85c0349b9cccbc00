package uk.attendance.leave;

enum LeaveEventKind {
    SUBMITTED,
    APPROVED,
    PARTLY_APPROVED,
    DECLINED,
    WITHDRAWN,
    REGISTER_UPDATED,
    PARENT_NOTIFIED,
    PARENT_NOT_REACHED
}
