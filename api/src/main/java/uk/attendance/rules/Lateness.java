package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Lateness coding (rule book §2, convention 6). The register closes {@code registerMinutes} after it
 * opens (at most 30 minutes). Arrival before the register opens is on time; from opening until just
 * before close is L; from close until just before the session ends is U; at or after the session end
 * there is no arrival code.
 */
public final class Lateness {
    public static final int MAX_REGISTER_MINUTES = 30;

    private Lateness() {
    }

    public static void validateRegisterMinutes(int registerMinutes) {
        if (registerMinutes < 1 || registerMinutes > MAX_REGISTER_MINUTES) {
            throw new IllegalArgumentException("The register must stay open between 1 and " + MAX_REGISTER_MINUTES
                    + " minutes, got " + registerMinutes);
        }
    }

    public static LocalTime registerCloses(LocalTime registerOpens, int registerMinutes) {
        validateRegisterMinutes(registerMinutes);
        return registerOpens.plusMinutes(registerMinutes);
    }

    public static ArrivalOutcome arrivalOutcome(LocalTime arrival, LocalTime registerOpens, int registerMinutes,
                                                LocalTime sessionEnds) {
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(sessionEnds, "sessionEnds");
        LocalTime closes = registerCloses(registerOpens, registerMinutes);
        if (!sessionEnds.isAfter(closes)) {
            throw new IllegalArgumentException("The session must end after the register closes at " + closes
                    + ", got " + sessionEnds);
        }
        if (!arrival.isBefore(sessionEnds)) {
            return ArrivalOutcome.AFTER_SESSION_END;
        }
        // In the room when the register opens is present (REG24: L is "absent when the register began").
        if (!arrival.isAfter(registerOpens)) {
            return ArrivalOutcome.ON_TIME;
        }
        return arrival.isBefore(closes) ? ArrivalOutcome.LATE_BEFORE_CLOSE : ArrivalOutcome.LATE_AFTER_CLOSE;
    }

    /** The register code for the arrival; empty when the pupil arrived after the session ended. */
    public static Optional<RegisterCode> codeForArrival(LocalTime arrival, LocalTime registerOpens, int registerMinutes,
                                                        LocalTime sessionEnds, Session session) {
        return arrivalOutcome(arrival, registerOpens, registerMinutes, sessionEnds).code(session);
    }

    /**
     * The lateness code only: L or U; empty when the pupil was on time or arrived after the session ended.
     * Prefer {@link #arrivalOutcome}, which tells those two apart.
     */
    public static Optional<RegisterCode> codeForArrival(LocalTime arrival, LocalTime registerOpens, int registerMinutes,
                                                        LocalTime sessionEnds) {
        return switch (arrivalOutcome(arrival, registerOpens, registerMinutes, sessionEnds)) {
            case LATE_BEFORE_CLOSE -> Optional.of(RegisterCode.L);
            case LATE_AFTER_CLOSE -> Optional.of(RegisterCode.U);
            case ON_TIME, AFTER_SESSION_END -> Optional.empty();
        };
    }
}
