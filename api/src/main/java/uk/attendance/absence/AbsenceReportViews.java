package uk.attendance.absence;

import uk.attendance.evidence.EvidenceFileRecord;
import uk.attendance.evidence.EvidenceService;
import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.AbsenceReport;
import uk.attendance.contract.model.AbsenceReportEvent;
import uk.attendance.contract.model.AbsenceReportEventAction;
import uk.attendance.contract.model.AbsenceReportMessage;
import uk.attendance.contract.model.AbsenceReportMessageFrom;
import uk.attendance.contract.model.AbsenceReportReason;
import uk.attendance.contract.model.AbsenceReportSession;
import uk.attendance.contract.model.AbsenceReportSessionStatus;
import uk.attendance.contract.model.AbsenceReportSkippedDay;
import uk.attendance.contract.model.AbsenceReportStatus;
import uk.attendance.contract.model.Session;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.RegisterCode;
import uk.attendance.school.CalendarService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static uk.attendance.platform.ContractTimes.utc;
import static uk.attendance.platform.ContractTimes.hhmm;

/** A report as the family and the school see it: each session read against the register as it stands now. */
@Singleton
class AbsenceReportViews {
    private final AbsenceReportSessionRepository sessions;
    private final AbsenceReportEventRepository events;
    private final AbsenceReportBook book;
    private final CalendarService calendars;
    private final EvidenceService evidence;

    AbsenceReportViews(AbsenceReportSessionRepository sessions, AbsenceReportEventRepository events, AbsenceReportBook book,
                       CalendarService calendars, EvidenceService evidence) {
        this.sessions = sessions;
        this.events = events;
        this.book = book;
        this.calendars = calendars;
        this.evidence = evidence;
    }

    AbsenceReport view(Caller caller, AbsenceReportRecord report) {
        return views(caller, List.of(report)).get(0);
    }

    List<AbsenceReport> views(Caller caller, List<AbsenceReportRecord> reports) {
        if (reports.isEmpty()) {
            return List.of();
        }
        List<Long> ids = reports.stream().map(AbsenceReportRecord::id).toList();
        Map<Long, List<AbsenceReportSessionRecord>> sessionsOf = sessions.ofReports(ids)
                .stream().collect(Collectors.groupingBy(AbsenceReportSessionRecord::reportId));
        Map<Long, List<AbsenceReportEventRecord>> eventsOf = events.findByReportIdInOrderById(ids).stream()
                .collect(Collectors.groupingBy(AbsenceReportEventRecord::reportId));
        return reports.stream()
                .map(r -> view(caller, r, sessionsOf.getOrDefault(r.id(), List.of()), eventsOf.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private AbsenceReport view(Caller caller, AbsenceReportRecord r, List<AbsenceReportSessionRecord> rows,
                               List<AbsenceReportEventRecord> trail) {
        PupilRecord pupil = book.pupil(caller, r);
        LocalDate until = rows.stream().map(AbsenceReportSessionRecord::sessionDate).max(Comparator.naturalOrder())
                .filter(d -> d.isAfter(r.lastDay())).orElse(r.lastDay());
        Map<String, RegisterCode> marks = book.marks(caller, pupil.id(), r.firstDay(), until);
        List<AbsenceReportSession> sessionViews = rows.stream().map(s -> session(s, marks.get(s.key()))).toList();
        List<AbsenceReportSkippedDay> skipped = AbsenceReportPlanner
                .skippedDays(calendars.calendarOf(r.schoolId()), pupil, r.firstDay(), r.lastDay()).stream()
                .map(d -> new AbsenceReportSkippedDay(d.date(), d.reason()))
                .toList();
        List<AbsenceReportEventRecord> messages = trail.stream().filter(AbsenceReportEventRecord::isMessage).toList();
        boolean awaitingReply = !messages.isEmpty()
                && messages.get(messages.size() - 1).actionValue() == AbsenceReportEventAction.QUESTION_ASKED
                && r.statusValue() != AbsenceReportStatus.WITHDRAWN;
        return new AbsenceReport(r.id(), pupil.id(), pupil.displayName(), r.schoolId(), r.reasonValue(), r.firstDay(),
                r.lastDay(), r.statusValue(), awaitingReply, utc(r.createdAt()), r.reportedByName(), sessionViews, skipped,
                notices(r, rows, sessionViews, awaitingReply),
                messages.stream().map(AbsenceReportViews::message).toList(),
                trail.stream().map(AbsenceReportViews::event).toList())
                .otherReason(r.otherReason())
                .appointmentTime(hhmm(r.appointmentTime()))
                .appointmentEnds(hhmm(r.appointmentEnds()))
                .expectedReturn(r.expectedReturn())
                .note(r.note())
                .decidedCode(r.decidedCode())
                .proposedCode(AbsenceReportCodes.proposedCode(r.reasonValue()).map(RegisterCode::symbol).orElse(null))
                .evidence(evidence.attachedTo(AbsenceReportService.evidenceSubject(r.id())).stream()
                        .map(EvidenceFileRecord::toContract).toList());
    }

    private static AbsenceReportSession session(AbsenceReportSessionRecord s, RegisterCode mark) {
        AbsenceReportSessionStatus status = switch (s.dispositionValue()) {
            case WITHDRAWN -> AbsenceReportSessionStatus.WITHDRAWN;
            case NEEDS_LEAVE_REQUEST -> AbsenceReportSessionStatus.NEEDS_LEAVE_REQUEST;
            case AWAITING_DECISION -> AbsenceReportSessionStatus.AWAITING_DECISION;
            case APPLY -> mark == null ? AbsenceReportSessionStatus.AWAITING_REGISTER
                    : s.registerCode().filter(mark::equals).isPresent() ? AbsenceReportSessionStatus.RECORDED
                    : AbsenceReportSessionStatus.KEPT;
        };
        return new AbsenceReportSession(s.sessionDate(), Session.fromValue(s.session().name()), status)
                .code(s.code())
                .registerCode(mark == null ? null : mark.symbol());
    }

    private static List<String> notices(AbsenceReportRecord r, List<AbsenceReportSessionRecord> rows,
                                        List<AbsenceReportSession> views, boolean awaitingReply) {
        List<String> notices = new ArrayList<>();
        switch (r.statusValue()) {
            case AWAITING_DECISION -> notices.add(r.reasonValue() == AbsenceReportReason.ILLNESS && r.decidedCode() == null
                    ? "The school reviews illness reports before recording them: it will decide how to record this absence."
                    : AbsenceReportCodes.proposedCode(r.reasonValue())
                    .map(code -> "The school confirms " + AbsenceReportCodes.label(r.reasonValue()) + "s before recording them ("
                            + code.symbol() + "): until then the register shows the absence as not yet explained.")
                    .orElse("The school will decide how to record this absence."));
            case NOT_ACCEPTED -> notices.add("The school has not accepted the reason: the absence is recorded as unauthorised ("
                    + r.decidedCode() + ").");
            case WITHDRAWN -> notices.add("This report was withdrawn.");
            default -> {
            }
        }
        if (awaitingReply) {
            notices.add("The school has a question about this report: answer it in the app.");
        }
        List<LocalDate> needLeave = rows.stream()
                .filter(s -> s.dispositionValue() == AbsenceReportDisposition.NEEDS_LEAVE_REQUEST)
                .map(AbsenceReportSessionRecord::sessionDate).distinct().toList();
        if (!needLeave.isEmpty()) {
            Optional<LocalDate> observed = rows.stream()
                    .filter(s -> s.dispositionValue().claims() && "R".equals(s.code()))
                    .map(AbsenceReportSessionRecord::sessionDate).findFirst();
            notices.add("Only one day can be recorded as religious observance (code R)"
                    + observed.map(d -> ": " + d).orElse("") + ". The other days ("
                    + needLeave.stream().map(LocalDate::toString).collect(Collectors.joining(", "))
                    + ") need a leave of absence request, which the school decides.");
        }
        List<String> kept = views.stream().filter(v -> v.getStatus() == AbsenceReportSessionStatus.KEPT)
                .map(v -> v.getDate() + " " + v.getSession().getValue() + " (" + v.getRegisterCode() + ")").toList();
        if (!kept.isEmpty()) {
            notices.add("The register already shows these sessions otherwise, and they stay as they are: "
                    + String.join(", ", kept) + ".");
        }
        return notices;
    }

    private static AbsenceReportMessage message(AbsenceReportEventRecord e) {
        boolean fromParent = e.byKind().equals("PARENT");
        return new AbsenceReportMessage(fromParent ? AbsenceReportMessageFrom.PARENT : AbsenceReportMessageFrom.SCHOOL,
                e.byName(), e.details(), utc(e.happenedAt()))
                .byPosition(e.byPosition());
    }

    /** The history names who did what; the words of a message are in the thread. */
    private static AbsenceReportEvent event(AbsenceReportEventRecord e) {
        return new AbsenceReportEvent(utc(e.happenedAt()), e.actionValue(), e.byName(), e.byPosition())
                .details(e.isMessage() ? null : e.details());
    }
}
