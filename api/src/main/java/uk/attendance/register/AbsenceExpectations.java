package uk.attendance.register;

import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What another feature already knows about a pupil's absence from a session before its register is taken:
 * a parent's absence report (I, M, R), an approved leave request (C, C1, J1, S, R, M), a declined one (G).
 * When the register is taken and the pupil is absent ({@code N}), the register records this code instead,
 * with the reason; a pupil marked present is present. Implementations are ordered with {@code @Order}:
 * the first that knows a pupil wins.
 */
public interface AbsenceExpectations {

    /** @return for each pupil the feature knows about, the code to record if absent from this session */
    Map<Long, Expected> forSession(Collection<Long> pupilIds, LocalDate date, Session session);

    /** A code to record for an absent pupil and why (the mark's reason, e.g. "absence report 12: illness"). */
    record Expected(RegisterCode code, String reason) {
    }
}
