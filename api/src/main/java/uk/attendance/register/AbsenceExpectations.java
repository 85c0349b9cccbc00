package uk.attendance.register;

import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What another feature already knows about a pupil's absence from a session before its register is taken:
 * a parent's absence report (I; M or R once staff confirm), an approved leave request (C, C1, J1, S, R, M), a declined
 * one (G for a holiday, else O). When the register is taken and the pupil is absent ({@code N}), the register records
 * this code instead, with the reason, once it is confirmed; a pupil marked present is present. Implementations are ordered with {@code @Order}:
 * the first that knows a pupil wins.
 */
public interface AbsenceExpectations {

    /** @return for each pupil the feature knows about, the code to record if absent from this session */
    Map<Long, Expected> forSession(Collection<Long> pupilIds, LocalDate date, Session session);

    /**
     * A code to record for an absent pupil and why (the mark's reason, e.g. "absence report 12: illness").
     *
     * @param confirmed false for a code a parent proposed that staff have still to confirm (an appointment's M): the
     *                  register shows it as expected but records {@code N} until then
     */
    record Expected(RegisterCode code, String reason, boolean confirmed) {
        public Expected(RegisterCode code, String reason) {
            this(code, reason, true);
        }
    }
}
