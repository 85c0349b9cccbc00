package uk.attendance.absence;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import uk.attendance.register.AbsenceExpectations;
import uk.attendance.rules.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the register records for a pupil a parent reported absent, when it is taken with {@code N}: the report's code,
 * with the report as the reason. Withdrawn sessions, sessions awaiting a staff decision and further days of religious
 * observance are not expected. Ordered after decisions made by the school (e.g. on a leave request), which win.
 */
@Singleton
@Order(20)
class AbsenceReportExpectations implements AbsenceExpectations {
    private final AbsenceReportSessionRepository sessions;
    private final AbsenceReportRepository reports;

    AbsenceReportExpectations(AbsenceReportSessionRepository sessions, AbsenceReportRepository reports) {
        this.sessions = sessions;
        this.reports = reports;
    }

    @Override
    public Map<Long, Expected> forSession(Collection<Long> pupilIds, LocalDate date, Session session) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Expected> expected = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        for (AbsenceReportSessionRecord s : sessions.applyingTo(pupilIds, date, session)) {
            String reason = reasons.computeIfAbsent(s.reportId(), id -> reports.findById(id)
                    .map(r -> AbsenceReportCodes.trailReason(r.id(), r.reasonValue(), r.decided()))
                    .orElseThrow());
            s.registerCode().ifPresent(code -> expected.putIfAbsent(s.pupilId(), new Expected(code, reason)));
        }
        return expected;
    }
}
