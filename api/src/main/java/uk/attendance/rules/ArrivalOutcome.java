package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import java.util.Optional;

/** How an arrival time relates to the register and the session (rule book §2, convention 6). */
public enum ArrivalOutcome {
    /** Arrived before the register opened: present, {@code /} or {@code \}. */
    ON_TIME,
    /** Arrived while the register was open: L, counts as present. */
    LATE_BEFORE_CLOSE,
    /** Arrived after the register closed but before the session ended: U, counts as unauthorised absence. */
    LATE_AFTER_CLOSE,
    /** Arrived after the session ended: no arrival code; the session is an absence coded by its reason. */
    AFTER_SESSION_END;

    public Optional<RegisterCode> code(Session session) {
        return switch (this) {
            case ON_TIME -> Optional.of(RegisterCode.presentFor(session));
            case LATE_BEFORE_CLOSE -> Optional.of(RegisterCode.L);
            case LATE_AFTER_CLOSE -> Optional.of(RegisterCode.U);
            case AFTER_SESSION_END -> Optional.empty();
        };
    }
}
