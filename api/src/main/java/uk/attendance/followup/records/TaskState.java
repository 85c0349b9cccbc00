package uk.attendance.followup.records;

/** Where a task stands: open and claimed tasks are still to be done; the others are finished. */
public enum TaskState {
    OPEN,
    CLAIMED,
    /** The family was reached and the reason recorded. */
    DONE,
    /** A concern went to the designated safeguarding lead. */
    ESCALATED,
    /** No longer needed: the family got in touch some other way. */
    CLOSED;

    public boolean isActive() {
        return this == OPEN || this == CLAIMED;
    }
}
