package uk.attendance.followup.records;

/** What a follow-up task asks staff to do. */
public enum TaskKind {
    CALL,
    HOME_VISIT
}
