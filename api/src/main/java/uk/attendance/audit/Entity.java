package uk.attendance.audit;

/** The kinds of record the audit follows. */
public enum Entity {
    PUPIL, PUPIL_ADDRESS, PUPIL_CONTACT, STAFF
}
