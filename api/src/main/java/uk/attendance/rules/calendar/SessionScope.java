package uk.attendance.rules.calendar;

/** Which sessions of each day a closure covers. */
public enum SessionScope {
    ALL_DAY,
    AM_ONLY,
    PM_ONLY;

    public boolean covers(Session session) {
        return switch (this) {
            case ALL_DAY -> true;
            case AM_ONLY -> session == Session.AM;
            case PM_ONLY -> session == Session.PM;
        };
    }
}
