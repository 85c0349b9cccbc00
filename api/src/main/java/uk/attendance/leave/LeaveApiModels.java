package uk.attendance.leave;

import uk.attendance.evidence.EvidenceFileRecord;
import uk.attendance.contract.model.DayKind;
import uk.attendance.contract.model.LeaveAttendance;
import uk.attendance.contract.model.LeaveEvent;
import uk.attendance.contract.model.LeaveEventEvent;
import uk.attendance.contract.model.LeavePenaltyOutlook;
import uk.attendance.contract.model.LeavePreview;
import uk.attendance.contract.model.LeaveRefusedOutlook;
import uk.attendance.contract.model.LeaveRequest;
import uk.attendance.contract.model.LeaveSession;
import uk.attendance.contract.model.LeaveSessionOutcome;
import uk.attendance.contract.model.LeaveSessionRef;
import uk.attendance.contract.model.Session;
import uk.attendance.contract.model.SkippedDay;
import uk.attendance.rules.AttendanceSummary;
import uk.attendance.rules.penalty.PenaltyThreshold;


import static uk.attendance.platform.ContractTimes.utc;

/** Leave requests and previews as the contract shows them. */
final class LeaveApiModels {
    private LeaveApiModels() {
    }

    static uk.attendance.rules.calendar.Session session(Session session, uk.attendance.rules.calendar.Session otherwise) {
        return session == null ? otherwise : uk.attendance.rules.calendar.Session.valueOf(session.getValue());
    }

    static Session session(uk.attendance.rules.calendar.Session session) {
        return Session.fromValue(session.name());
    }

    static LeaveRequest request(LeaveView v) {
        LeaveRequestRecord r = v.request();
        LeaveRequest body = new LeaveRequest(r.id(), r.pupilId(), v.pupil().displayName(), r.schoolId(), r.leaveType(),
                LeaveCodes.of(r.leaveType()).symbol(), r.firstDay(), session(r.firstSession()), r.lastDay(),
                session(r.lastSession()), r.reason(), r.status(), (int) v.schoolDays(),
                v.sessions().stream().map(s -> new LeaveSession(s.sessionDate(), session(s.session()),
                        LeaveSessionOutcome.fromValue(s.outcome().name())).code(s.code())).toList(),
                utc(r.requestedAt()), r.requestedByName(),
                v.events().stream().map(e -> new LeaveEvent(LeaveEventEvent.fromValue(e.event().name()), utc(e.happenedAt()),
                        e.byName(), e.byPosition()).note(e.note())).toList());
        body.evidence(v.evidence().stream().map(EvidenceFileRecord::toContract).toList());
        if (r.decidedAt() != null) {
            body.decidedAt(utc(r.decidedAt())).decidedBy(r.decidedByName()).decisionReason(r.decisionReason());
        }
        return body;
    }

    static LeavePreview preview(LeavePreviews.Preview p) {
        LeaveDraft d = p.draft();
        LeaveForecast f = p.forecast();
        LeavePeriod period = d.period();
        LeavePenaltyOutlook penalty = new LeavePenaltyOutlook(f.applies(), f.applies() && f.reachedAt().isPresent(),
                PenaltyThreshold.THRESHOLD_SESSIONS - f.before().sessionsLeft(), f.before().sessionsLeft(),
                LeaveExplanation.headline(f));
        if (f.applies()) {
            f.reachedAt().ifPresent(e -> penalty.reachedOn(e.date()).reachedSession(session(e.session())));
        }
        LeavePreview body = new LeavePreview(d.pupil().id(), d.type(), LeaveCodes.of(d.type()).symbol(), period.firstDay(),
                session(period.firstSession()), period.lastDay(), session(period.lastSession()), (int) d.schoolDays(),
                d.sessions().stream().map(s -> new LeaveSessionRef(s.date(), session(s.session()))).toList(),
                d.skipped().stream().map(s -> new SkippedDay(s.date(), DayKind.fromValue(s.kind().name()), s.description())
                        .session(s.session().map(LeaveApiModels::session).orElse(null))).toList(),
                attendance(f.ifApproved()), new LeaveRefusedOutlook(uk.attendance.contract.model.LeaveRefusedOutlookCode.fromValue(f.refusedAs().symbol()), attendance(f.ifRefused()), penalty),
                LeaveExplanation.summary(d), LeaveExplanation.sentences(d, f));
        f.current().ifPresent(c -> body.current(attendance(c)));
        return body;
    }

    private static LeaveAttendance attendance(AttendanceSummary s) {
        return new LeaveAttendance(s.from(), s.to(), s.possible(), s.attended(), s.persistentAbsence())
                .attendancePercent(s.attendancePercent().orElse(null));
    }
}
