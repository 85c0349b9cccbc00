package uk.attendance.followup.records;

/** What came of one call (or visit). */
public enum CallOutcome {
    /** A contact gave the reason for the absence, recorded as a register code. */
    REACHED,
    /** The contact did not answer: try the next one. */
    NO_ANSWER,
    /** Something about the call worries the caller: the DSL takes it from here. */
    CONCERN
}
