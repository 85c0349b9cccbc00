package uk.attendance.leave;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import uk.attendance.register.AbsenceExpectations;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Decided leave for a session: approved → the leave's code, not approved → G, when the pupil is absent. Ordered first:
 * the headteacher's decision on leave asked for in advance wins over a parent's report of the same session.
 */
@Singleton
@Order(0)
class LeaveExpectations implements AbsenceExpectations {
    private final LeaveSessionRepository sessions;

    LeaveExpectations(LeaveSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Map<Long, Expected> forSession(Collection<Long> pupilIds, LocalDate date, Session session) {
        Map<Long, Expected> expected = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return expected;
        }
        // Latest decision first: should two requests ever cover a session, the later decision stands.
        for (LeaveExpectationRow row : sessions.decided(pupilIds, date, session)) {
            if (row.code() == null) {
                continue;
            }
            RegisterCode.fromSymbol(row.code()).ifPresent(code -> expected.putIfAbsent(row.pupilId(), new Expected(code,
                    LeaveReasons.forRegister(row.leaveRequestId(), LeaveOutcome.valueOf(row.outcome()), code,
                            row.decidedByName(), row.decidedByPosition()))));
        }
        return expected;
    }
}
