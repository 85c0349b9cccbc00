package uk.attendance.absence;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import uk.attendance.register.AbsenceExpectations;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the register records for a pupil a parent reported absent, when it is taken with {@code N}: the report's code,
 * with the report as the reason. A code the parent proposed for the school to confirm (M for an appointment, R for
 * religious observance) is shown as expected but unconfirmed: the register keeps {@code N} until staff confirm it.
 * Withdrawn sessions, sessions awaiting a decision without a proposed code and further days of religious observance
 * are not expected. Ordered after decisions made by the school (e.g. on a leave request), which win.
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
        Map<String, String> reasons = new HashMap<>();
        for (AbsenceReportSessionRecord s : sessions.codedOrProposed(pupilIds, date, session)) {
            boolean confirmed = s.dispositionValue() == AbsenceReportDisposition.APPLY;
            String reason = reasons.computeIfAbsent(s.reportId() + (confirmed ? "" : "?"), id -> reports.findById(s.reportId())
                    .map(r -> confirmed ? AbsenceReportCodes.trailReason(r.id(), r.reasonValue(), r.decided())
                            : AbsenceReportCodes.awaitingConfirmation(r.id(), r.reasonValue()))
                    .orElseThrow());
            s.registerCode().ifPresent(code -> expected.putIfAbsent(s.pupilId(), new Expected(code, reason, confirmed)));
        }
        return expected;
    }
}
