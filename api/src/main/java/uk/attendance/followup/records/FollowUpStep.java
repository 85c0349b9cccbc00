package uk.attendance.followup.records;

/**
 * The steps of a school morning's follow-up of unexplained absences (policy 000, policy 002 §6a). Each step is done at
 * most once per pupil and day (the unique keys of {@code follow_up_action} and {@code follow_up_task}); the
 * school-wide steps are recorded in {@code follow_up_run} once they have run.
 */
public enum FollowUpStep {
    /** Unmarked pupils marked {@code N} (or the code already known) when the morning register closes. */
    REGISTER_CLOSE,
    /** Texts to the families of pupils still unexplained at the text time (09:30), inviting a reply. */
    TEXT,
    /** Call tasks for pupils still unexplained at the call time (10:00). */
    CALL,
    /** The social worker of an unexplained pupil told that morning. */
    SOCIAL_WORKER,
    /** A home-visit task on the third consecutive school day of absence with no word from the family. */
    HOME_VISIT
}
