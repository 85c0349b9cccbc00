package uk.attendance.absence;

import io.micronaut.context.event.ApplicationEventPublisher;
import uk.attendance.evidence.EvidenceService;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.absence.AbsenceReportPlanner.Planned;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.AbsenceReportEventAction;
import uk.attendance.contract.model.AbsenceReportInput;
import uk.attendance.contract.model.AbsenceReportReason;
import uk.attendance.contract.model.AbsenceReportStatus;
import uk.attendance.contract.model.AbsenceReportUpdate;
import uk.attendance.contract.model.AbsenceReportWithdrawal;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.rules.returns.AnticipatedIllness;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parents' absence reports: made for one or several children, changed ("still ill, back Thursday") and withdrawn by
 * the family; and what they mean for the morning follow-up. Staff decisions and questions are in {@link AbsenceReportInbox}.
 */
@Singleton
public class AbsenceReportService {
    private static final Logger LOG = LoggerFactory.getLogger(AbsenceReportService.class);
    /** Longer absences are a conversation with the school, not a report from the phone. */
    static final int MAX_DAYS = 62;

    private final AbsenceReportRepository reports;
    private final AbsenceReportSessionRepository sessions;
    private final AbsenceReportBook book;
    private final AbsenceReportSettingsStore settings;
    private final PupilService pupils;
    private final CalendarService calendars;
    private final TransactionOperations<Connection> tx;
    private final EvidenceService evidence;
    private final ApplicationEventPublisher<AbsenceReported> reported;

    AbsenceReportService(AbsenceReportRepository reports, AbsenceReportSessionRepository sessions, AbsenceReportBook book,
                         AbsenceReportSettingsStore settings, PupilService pupils, CalendarService calendars,
                         TransactionOperations<Connection> tx, EvidenceService evidence,
                         ApplicationEventPublisher<AbsenceReported> reported) {
        this.evidence = evidence;
        this.reported = reported;
        this.reports = reports;
        this.sessions = sessions;
        this.book = book;
        this.settings = settings;
        this.pupils = pupils;
        this.calendars = calendars;
        this.tx = tx;
    }

    // ---- For the morning follow-up (issue 5) --------------------------------------------------------------------

    /**
     * The pupils of a school whose absence from this session a parent's report explains: the report gives the session
     * a code (accepted at once, or decided by staff). The follow-up leaves them alone (no text, no call): their
     * register shows the code, or will when the register is taken with {@code N}.
     */
    public Set<Long> pupilsWithAcceptedReport(long schoolId, LocalDate date, Session session) {
        return pupilIds(sessions.ofSchoolSession(schoolId, date, session, List.of(AbsenceReportDisposition.APPLY.name())));
    }

    /**
     * The pupils of a school whose family reported the absence from this session, with the code still to be decided
     * by staff (an OTHER reason, illness under review, or a question to the family). The family has been in touch and
     * staff have the report in their inbox: a text asking for a reason would be wrong; whether staff still call is the
     * follow-up's choice.
     */
    public Set<Long> pupilsWithReportAwaitingDecision(long schoolId, LocalDate date, Session session) {
        return pupilIds(sessions.ofSchoolSession(schoolId, date, session, List.of(AbsenceReportDisposition.AWAITING_DECISION.name())));
    }

    /** Whether a parent's report explains the pupil's absence from the session (see {@link #pupilsWithAcceptedReport}). */
    public boolean explained(long pupilId, LocalDate date, Session session) {
        return !sessions.applyingToPupil(pupilId, date, session).isEmpty();
    }

    /**
     * Accepted illness reports of a school's pupils that run on or after {@code from}, as the rules core's anticipated
     * illness: a parent's report of 15 or more school days off sick is reasonable grounds for a sickness return
     * (rule book §4, convention 9).
     */
    public Map<Long, List<AnticipatedIllness>> anticipatedIllness(long schoolId, LocalDate from) {
        SchoolRecord school = book.school(schoolId);
        return reports.acceptedIllnessOfSchool(schoolId, from).stream().collect(Collectors.groupingBy(
                AbsenceReportRecord::pupilId,
                Collectors.mapping(r -> new AnticipatedIllness(AbsenceReportBook.schoolDate(school, r.createdAt()),
                        r.firstDay(), r.lastDay()), Collectors.toList())));
    }

    private static Set<Long> pupilIds(List<AbsenceReportSessionRecord> rows) {
        return rows.stream().map(AbsenceReportSessionRecord::pupilId).collect(Collectors.toUnmodifiableSet());
    }

    // ---- Reading ------------------------------------------------------------------------------------------------

    List<AbsenceReportRecord> ofFamily(Caller parent) {
        return reports.newestForFamilyOf(parent.id());
    }

    AbsenceReportRecord get(Caller caller, long reportId) {
        return book.visible(caller, reportId);
    }

    // ---- Reporting ----------------------------------------------------------------------------------------------

    static String evidenceSubject(long reportId) {
        return "absence-report:" + reportId;
    }

    /** One report per child, each applied to the child's register; all or nothing. */
    List<AbsenceReportRecord> create(Caller parent, AbsenceReportInput in) {
        return tx.executeWrite(status -> created(parent, in));
    }

    private record Draft(PupilRecord pupil, SchoolRecord school, LocalDate lastDay, List<Planned> planned,
                         Map<String, RegisterCode> marks) {
    }

    private List<AbsenceReportRecord> created(Caller parent, AbsenceReportInput in) {
        List<Long> ids = in.getPupilIds();
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                problems.add(new FieldProblem("pupilIds[" + i + "]", "pupil " + ids.get(i) + " appears twice", i));
            }
        }
        throwIfAny(problems);
        List<PupilRecord> children = ids.stream().map(id -> pupils.visibleTo(parent, id)).toList();
        checkFields(in, problems);
        throwIfAny(problems);
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            String forChild = children.size() > 1 ? "for pupilIds[" + i + "], " : "";
            draft(parent, children.get(i), forChild, in, problems).ifPresent(drafts::add);
        }
        throwIfAny(problems);
        drafts.forEach(d -> checkNotReportedYet(d.pupil(), d.planned(), in.getFirstDay(), d.lastDay(), Optional.empty()));
        return drafts.stream().map(d -> save(parent, in, d)).toList();
    }

    private static void checkFields(AbsenceReportInput in, List<FieldProblem> problems) {
        AbsenceReportReason reason = in.getReason();
        LocalDate first = in.getFirstDay();
        if (in.getLastDay() != null && in.getExpectedReturn() != null) {
            problems.add(new FieldProblem("expectedReturn", "give lastDay or expectedReturn, not both"));
        } else if (in.getLastDay() != null && in.getLastDay().isBefore(first)) {
            problems.add(new FieldProblem("lastDay", "is before firstDay (" + first + ")"));
        } else if (in.getExpectedReturn() != null && !in.getExpectedReturn().isAfter(first)) {
            problems.add(new FieldProblem("expectedReturn", "is the day the child is back, so it must be after firstDay (" + first + ")"));
        }
        if (reason == AbsenceReportReason.OTHER && blank(in.getOtherReason())) {
            problems.add(new FieldProblem("otherReason", "is required when the reason is OTHER: say briefly why the child is absent"));
        } else if (reason != AbsenceReportReason.OTHER && in.getOtherReason() != null) {
            problems.add(new FieldProblem("otherReason", "goes only with reason OTHER (use note for anything else the school should know)"));
        }
        if (reason == AbsenceReportReason.MEDICAL_APPOINTMENT) {
            if (in.getAppointmentTime() == null) {
                problems.add(new FieldProblem("appointmentTime", "is required for a medical or dental appointment (HH:mm)"));
            } else if (in.getAppointmentEnds() != null
                    && !LocalTime.parse(in.getAppointmentEnds()).isAfter(LocalTime.parse(in.getAppointmentTime()))) {
                problems.add(new FieldProblem("appointmentEnds", "must be after appointmentTime (" + in.getAppointmentTime() + ")"));
            }
        } else {
            if (in.getAppointmentTime() != null) {
                problems.add(new FieldProblem("appointmentTime", "goes only with reason MEDICAL_APPOINTMENT"));
            }
            if (in.getAppointmentEnds() != null) {
                problems.add(new FieldProblem("appointmentEnds", "goes only with reason MEDICAL_APPOINTMENT"));
            }
        }
    }

    private Optional<Draft> draft(Caller parent, PupilRecord pupil, String forChild, AbsenceReportInput in,
                                  List<FieldProblem> problems) {
        SchoolRecord school = book.school(pupil.schoolId());
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        LocalDate today = book.today(school);
        AbsenceReportReason reason = in.getReason();
        LocalDate first = in.getFirstDay();
        String dayField = in.getExpectedReturn() != null ? "expectedReturn" : "lastDay";
        int before = problems.size();
        if (first.isAfter(today.plusYears(1))) {
            problems.add(new FieldProblem("firstDay", forChild + "is more than a year ahead"));
        }
        LocalDate last = lastDay(calendar, first, Optional.ofNullable(in.getLastDay()), Optional.ofNullable(in.getExpectedReturn()));
        checkLength(first, last, dayField, forChild, problems);
        Optional<LocalTime> appointment = time(in.getAppointmentTime());
        Optional<LocalTime> appointmentEnds = time(in.getAppointmentEnds());
        if (reason == AbsenceReportReason.MEDICAL_APPOINTMENT) {
            checkAppointment(school, first, last, appointment.orElseThrow(), appointmentEnds, dayField, forChild, problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        boolean review = reason == AbsenceReportReason.ILLNESS && settings.illnessNeedsReview(school.id());
        List<Planned> planned = AbsenceReportPlanner.plan(calendar, school, pupil, reason, first, last, appointment,
                appointmentEnds, review);
        if (planned.isEmpty()) {
            problems.add(new FieldProblem("firstDay", forChild + noSession(calendar, pupil, reason, first, last, appointment)));
            return Optional.empty();
        }
        Map<String, RegisterCode> marks = book.marks(parent, pupil.id(), first, last);
        if (!checkPastDays(planned, marks, today, "firstDay", forChild, problems)) {
            return Optional.empty();
        }
        return Optional.of(new Draft(pupil, school, last, planned, marks));
    }

    /** The last day off: as given, or the school day before the return, or the first day alone. */
    private static LocalDate lastDay(SchoolCalendar calendar, LocalDate first, Optional<LocalDate> lastDay,
                                     Optional<LocalDate> expectedReturn) {
        if (expectedReturn.isPresent()) {
            LocalDate back = expectedReturn.get();
            LocalDate earliest = back.minusDays(MAX_DAYS + 1L).isAfter(first) ? back.minusDays(MAX_DAYS + 1L) : first;
            for (LocalDate d = back.minusDays(1); !d.isBefore(earliest); d = d.minusDays(1)) {
                if (calendar.isSchoolDay(d)) {
                    return d;
                }
            }
            return back.minusDays(1);
        }
        return lastDay.orElse(first);
    }

    private static void checkLength(LocalDate first, LocalDate last, String field, String forChild, List<FieldProblem> problems) {
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            problems.add(new FieldProblem(field, forChild + "a report covers at most " + MAX_DAYS
                    + " days: for a longer absence, speak to the school"));
        }
    }

    private static void checkAppointment(SchoolRecord school, LocalDate first, LocalDate last, LocalTime start,
                                         Optional<LocalTime> ends, String dayField, String forChild,
                                         List<FieldProblem> problems) {
        if (!last.equals(first)) {
            problems.add(new FieldProblem(dayField, forChild + "an appointment is on one day: report further days off "
                    + "(e.g. illness) separately"));
        }
        if (ends.isPresent() && !ends.get().isAfter(school.amRegisterOpens())) {
            problems.add(new FieldProblem("appointmentEnds", forChild + "the appointment is over before the morning register "
                    + "opens (" + school.amRegisterOpens() + "): no session is missed"));
        }
        if (!start.isBefore(school.pmSessionEnds())) {
            problems.add(new FieldProblem("appointmentTime", forChild + "the appointment starts after the school day ends ("
                    + school.pmSessionEnds() + "): no session is missed"));
        }
    }

    private static String noSession(SchoolCalendar calendar, PupilRecord pupil, AbsenceReportReason reason, LocalDate first,
                                    LocalDate last, Optional<LocalTime> appointment) {
        List<AbsenceReportPlanner.SkippedDay> skipped = AbsenceReportPlanner.skippedDays(calendar, pupil, first, last);
        String why = skipped.isEmpty() ? "" : " (" + AbsenceReportPlanner.reasons(skipped) + ")";
        if (reason == AbsenceReportReason.MEDICAL_APPOINTMENT) {
            return "the appointment at " + appointment.orElseThrow() + " on " + first + " falls in no school session" + why;
        }
        return (first.equals(last) ? first.toString() : first + " to " + last) + " has no school session" + why;
    }

    /**
     * A past day can be reported only while the register leaves it unexplained: at least one of its sessions is
     * {@code N} (or not registered yet). Sessions the register explains otherwise are kept as they are.
     */
    private static boolean checkPastDays(List<Planned> planned, Map<String, RegisterCode> marks, LocalDate today,
                                         String field, String forChild, List<FieldProblem> problems) {
        Map<LocalDate, List<Planned>> pastDays = new TreeMap<>();
        planned.stream().filter(p -> p.date().isBefore(today))
                .forEach(p -> pastDays.computeIfAbsent(p.date(), d -> new ArrayList<>()).add(p));
        for (var day : pastDays.entrySet()) {
            boolean unexplained = day.getValue().stream()
                    .map(p -> marks.get(p.key()))
                    .anyMatch(code -> code == null || code == RegisterCode.N);
            if (!unexplained) {
                String shown = day.getValue().stream().map(p -> p.session() + " " + marks.get(p.key()).symbol())
                        .collect(Collectors.joining(", "));
                problems.add(new FieldProblem(field, forChild + day.getKey() + " has passed and the register already "
                        + "explains it (" + shown + "): a past day can be reported only while it is unexplained (N). "
                        + "Please speak to the school."));
                return false;
            }
        }
        return true;
    }

    /** One live report per session of a child: a second answers 409 naming the first, which the family can update. */
    private void checkNotReportedYet(PupilRecord pupil, List<Planned> planned, LocalDate from, LocalDate to,
                                     Optional<Long> exceptReport) {
        Map<String, AbsenceReportSessionRecord> claimed = sessions.claimedBetween(pupil.id(), from, to).stream()
                .filter(s -> exceptReport.map(id -> s.reportId() != id).orElse(true))
                .collect(Collectors.toMap(AbsenceReportSessionRecord::key, Function.identity(), (a, b) -> a));
        planned.stream()
                .filter(p -> p.disposition().claims() && claimed.containsKey(p.key()))
                .findFirst()
                .ifPresent(p -> {
                    throw ApiProblem.conflict("Absence report " + claimed.get(p.key()).reportId() + " already covers "
                            + p.key() + " for pupil " + pupil.id() + ": update that report instead");
                });
    }

    private AbsenceReportRecord save(Caller parent, AbsenceReportInput in, Draft d) {
        AbsenceReportStatus status = d.planned().stream().anyMatch(p -> p.disposition() == AbsenceReportDisposition.APPLY)
                ? AbsenceReportStatus.ACCEPTED : AbsenceReportStatus.AWAITING_DECISION;
        var now = book.now();
        AbsenceReportRecord report = reports.save(new AbsenceReportRecord(null, d.pupil().id(), d.school().id(), parent.id(),
                parent.name(), in.getReason().getValue(), clean(in.getOtherReason()), time(in.getAppointmentTime()).orElse(null),
                time(in.getAppointmentEnds()).orElse(null), in.getFirstDay(), d.lastDay(), in.getExpectedReturn(),
                clean(in.getNote()), status.getValue(), null, now, now));
        List<AbsenceReportSessionRecord> rows = sessions.saveAll(d.planned().stream().map(p -> row(report, p)).toList());
        book.record(report, AbsenceReportEventAction.REPORTED, parent, Optional.of(describe(report)));
        book.applyToRegister(report, rows, d.marks(), AbsenceReportBook.authorOf(parent));
        evidence.attach(parent, Optional.ofNullable(in.getEvidenceIds()).orElse(List.of()), report.pupilId(),
                evidenceSubject(report.id()));
        reported.publishEvent(new AbsenceReported(report.id(), report.pupilId(), report.schoolId(), report.firstDay(),
                report.lastDay()));
        LOG.info("Absence report {} made by parent {} for pupil {}: {} sessions, {}", report.id(), parent.id(),
                d.pupil().id(), rows.size(), status);
        return report;
    }

    private static AbsenceReportSessionRecord row(AbsenceReportRecord report, Planned p) {
        return new AbsenceReportSessionRecord(null, report.id(), report.pupilId(), report.schoolId(), p.date(), p.session(),
                p.disposition().name(), p.code().map(RegisterCode::symbol).orElse(null));
    }

    private static String describe(AbsenceReportRecord r) {
        StringBuilder s = new StringBuilder(capitalised(AbsenceReportCodes.label(r.reasonValue()))).append(", ")
                .append(r.firstDay().equals(r.lastDay()) ? r.firstDay().toString() : r.firstDay() + " to " + r.lastDay());
        if (r.appointmentTime() != null) {
            s.append(" at ").append(r.appointmentTime());
            Optional.ofNullable(r.appointmentEnds()).ifPresent(e -> s.append(" to ").append(e));
        }
        Optional.ofNullable(r.expectedReturn()).ifPresent(back -> s.append(" (back ").append(back).append(")"));
        return s.toString();
    }

    // ---- Reported by text (issue 5) ------------------------------------------------------------------------------

    /** What a reply to the morning text became: report {@code reportId}, accepted or awaiting a staff decision. */
    /** A report as a pupil's chronology shows it (staff only: the reason is in it). */
    public record PupilReport(long id, LocalDateTime reportedAt, String reason, LocalDate firstDay, LocalDate lastDay,
                              String status) {
    }

    /** A pupil's absence reports, newest first (no access check: for the pupil's chronology). */
    public List<PupilReport> reportsOf(long pupilId) {
        return reports.findByPupilIdOrderByIdDesc(pupilId).stream()
                .map(r -> new PupilReport(r.id(), r.createdAt(), r.reason(), r.firstDay(), r.lastDay(), r.status()))
                .toList();
    }

    public record TextReport(long reportId, AbsenceReportStatus status) {
    }

    /**
     * A report made by a parent's reply to the school's morning text: for one child, today (both sessions; for an
     * appointment, the session of its time, or the morning when the reply gives none), with the reason read from the
     * reply ({@code OTHER}: the school decides, the reply is the reason). The reply is kept as the report's note. The
     * same checks and effects as a report from the app (a day already reported answers 409), in the caller's
     * transaction.
     *
     * @throws ApiProblem when the report cannot be made as the app would refuse it, or the contact has no parental
     *                    responsibility for the child
     */
    public TextReport reportByText(ContactRecord parent, long pupilId, AbsenceReportReason reason,
                                   Optional<LocalTime> appointment, String reply) {
        PupilRecord pupil = pupils.find(pupilId).orElseThrow(() -> ApiProblem.notFound("No pupil " + pupilId));
        if (!pupils.actsFor(parent.id(), pupilId)) {
            // an emergency contact gets the morning text but does not report for the child: staff read the reply
            throw ApiProblem.forbidden("The reply came from a contact who neither has parental responsibility for the child nor lives with them: "
                    + "no absence report is made");
        }
        SchoolRecord school = book.school(pupil.schoolId());
        Caller caller = new Caller(Caller.Kind.PARENT, parent.id(), parent.trustId(), Optional.empty(), Set.of(Roles.PARENT),
                (parent.firstName() + " " + parent.lastName()).strip(), "");
        AbsenceReportInput in = new AbsenceReportInput(List.of(pupilId), book.today(school), reason)
                .note(shorten("By text message: " + reply.strip(), 1000));
        if (reason == AbsenceReportReason.OTHER) {
            in.otherReason(shorten("Reply to the school's text: " + reply.strip(), 500));
        }
        if (reason == AbsenceReportReason.MEDICAL_APPOINTMENT) {
            in.appointmentTime(appointment.orElse(school.amRegisterOpens()).truncatedTo(ChronoUnit.MINUTES).toString());
        }
        AbsenceReportRecord report = tx.executeWrite(status -> created(caller, in)).get(0);
        return new TextReport(report.id(), report.statusValue());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    // ---- Changing ----------------------------------------------------------------------------------------------

    AbsenceReportRecord update(Caller parent, long reportId, AbsenceReportUpdate in) {
        return tx.executeWrite(status -> updated(parent, reportId, in));
    }

    private AbsenceReportRecord updated(Caller parent, long reportId, AbsenceReportUpdate in) {
        AbsenceReportRecord report = book.lockedFor(parent, reportId);
        if (report.statusValue() == AbsenceReportStatus.WITHDRAWN || report.statusValue() == AbsenceReportStatus.NOT_ACCEPTED) {
            throw ApiProblem.conflict("This report is " + (report.statusValue() == AbsenceReportStatus.WITHDRAWN
                    ? "withdrawn" : "not accepted by the school") + " and cannot be changed: make a new report");
        }
        boolean changesDays = in.getLastDay() != null || in.getExpectedReturn() != null;
        if (!changesDays && in.getNote() == null) {
            throw ApiProblem.invalid("lastDay", "nothing to change: give lastDay, expectedReturn or note");
        }
        if (in.getLastDay() != null && in.getExpectedReturn() != null) {
            throw ApiProblem.invalid("expectedReturn", "give lastDay or expectedReturn, not both");
        }
        LocalDate newLast = report.lastDay();
        LocalDate newReturn = report.expectedReturn();
        AbsenceReportStatus status = report.statusValue();
        List<AbsenceReportSessionRecord> current = book.sessionsOf(report.id());
        List<AbsenceReportSessionRecord> changed = new ArrayList<>();
        List<AbsenceReportSessionRecord> added = new ArrayList<>();
        Map<String, RegisterCode> marks = Map.of();
        if (changesDays) {
            Days days = newDays(parent, report, in, current);
            newLast = days.last();
            newReturn = in.getExpectedReturn();
            changed.addAll(days.changed());
            added.addAll(days.added());
            marks = days.marks();
            if (status == AbsenceReportStatus.ACCEPTED && Stream.concat(days.changed().stream(), days.added().stream())
                    .anyMatch(s -> s.dispositionValue() == AbsenceReportDisposition.AWAITING_DECISION)) {
                status = AbsenceReportStatus.AWAITING_DECISION;
            }
        }
        String newNote = in.getNote() == null ? report.note() : clean(in.getNote());
        book.update(changed);
        List<AbsenceReportSessionRecord> saved = added.isEmpty() ? List.of() : sessions.saveAll(added);
        if (book.sessionsOf(report.id()).stream().allMatch(s -> s.dispositionValue() == AbsenceReportDisposition.WITHDRAWN)) {
            status = AbsenceReportStatus.WITHDRAWN;
        }
        AbsenceReportRecord updated = book.update(report.withDays(newLast, newReturn, newNote, status, book.now()));
        book.record(updated, AbsenceReportEventAction.UPDATED, parent, Optional.of(describeChange(report, updated)));
        book.applyToRegister(updated, Stream.concat(changed.stream(), saved.stream()).toList(), new HashMap<>(marks),
                AbsenceReportBook.authorOf(parent));
        LOG.info("Absence report {} updated by parent {}", report.id(), parent.id());
        return updated;
    }

    private record Days(LocalDate last, List<AbsenceReportSessionRecord> changed, List<AbsenceReportSessionRecord> added,
                        Map<String, RegisterCode> marks) {
    }

    /** The sessions a new last day takes away (not yet registered) and adds or brings back (following the report). */
    private Days newDays(Caller parent, AbsenceReportRecord report, AbsenceReportUpdate in,
                         List<AbsenceReportSessionRecord> current) {
        String field = in.getExpectedReturn() != null ? "expectedReturn" : "lastDay";
        LocalDate first = report.firstDay();
        if (in.getExpectedReturn() != null && !in.getExpectedReturn().isAfter(first)) {
            throw ApiProblem.invalid("expectedReturn", "is the day the child is back, so it must be after the report's first day (" + first + ")");
        }
        if (in.getLastDay() != null && in.getLastDay().isBefore(first)) {
            throw ApiProblem.invalid("lastDay", "is before the report's first day (" + first + ")");
        }
        PupilRecord pupil = book.pupil(parent, report);
        SchoolRecord school = book.school(report.schoolId());
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        LocalDate today = book.today(school);
        LocalDate last = lastDay(calendar, first, Optional.ofNullable(in.getLastDay()), Optional.ofNullable(in.getExpectedReturn()));
        List<FieldProblem> problems = new ArrayList<>();
        checkLength(first, last, field, "", problems);
        if (report.reasonValue() == AbsenceReportReason.MEDICAL_APPOINTMENT && !last.equals(first)) {
            problems.add(new FieldProblem(field, "an appointment is on one day: report further days off (e.g. illness) separately"));
        }
        throwIfAny(problems);
        Map<String, RegisterCode> marks = book.marks(parent, pupil.id(), first,
                last.isAfter(report.lastDay()) ? last : report.lastDay());
        List<AbsenceReportSessionRecord> changed = new ArrayList<>();
        for (AbsenceReportSessionRecord s : current) {
            if (s.sessionDate().isAfter(last) && s.dispositionValue() != AbsenceReportDisposition.WITHDRAWN) {
                if (marks.containsKey(s.key())) {
                    throw ApiProblem.invalid(field, s.key() + " is already on the register: the report can end no earlier than "
                            + s.sessionDate());
                }
                changed.add(s.with(AbsenceReportDisposition.WITHDRAWN, null));
            }
        }
        // Added days follow the family's word while it stands; once staff decide (or are deciding), they decide these too.
        boolean staffDecide = report.awaitingDecision() || report.decided().isPresent();
        Map<String, AbsenceReportSessionRecord> byKey = current.stream()
                .collect(Collectors.toMap(AbsenceReportSessionRecord::key, Function.identity()));
        List<Planned> fresh = AbsenceReportPlanner.plan(calendar, school, pupil, report.reasonValue(), first, last,
                        Optional.ofNullable(report.appointmentTime()), Optional.ofNullable(report.appointmentEnds()), staffDecide)
                .stream()
                .filter(p -> !byKey.containsKey(p.key())
                        || byKey.get(p.key()).dispositionValue() == AbsenceReportDisposition.WITHDRAWN && !marks.containsKey(p.key()))
                .toList();
        checkPastDays(fresh, marks, today, field, "", problems);
        throwIfAny(problems);
        checkNotReportedYet(pupil, fresh, first, last, Optional.of(report.id()));
        List<AbsenceReportSessionRecord> added = new ArrayList<>();
        for (Planned p : fresh) {
            AbsenceReportSessionRecord existing = byKey.get(p.key());
            if (existing != null) {
                changed.add(existing.with(p.disposition(), p.code().orElse(null)));
            } else {
                added.add(row(report, p));
            }
        }
        return new Days(last, changed, added, marks);
    }

    private static String describeChange(AbsenceReportRecord before, AbsenceReportRecord after) {
        List<String> parts = new ArrayList<>();
        if (!before.lastDay().equals(after.lastDay())) {
            parts.add("Last day " + before.lastDay() + " → " + after.lastDay()
                    + Optional.ofNullable(after.expectedReturn()).map(back -> " (back " + back + ")").orElse(""));
        } else if (after.expectedReturn() != null && !after.expectedReturn().equals(before.expectedReturn())) {
            parts.add("Back " + after.expectedReturn() + " (last day " + after.lastDay() + ")");
        }
        if (!Objects.equals(before.note(), after.note())) {
            parts.add(after.note() == null ? "note removed" : "note changed");
        }
        return parts.isEmpty() ? "No change" : String.join("; ", parts);
    }

    AbsenceReportRecord withdraw(Caller parent, long reportId, AbsenceReportWithdrawal in) {
        return tx.executeWrite(status -> withdrawn(parent, reportId, in));
    }

    private AbsenceReportRecord withdrawn(Caller parent, long reportId, AbsenceReportWithdrawal in) {
        AbsenceReportRecord report = book.lockedFor(parent, reportId);
        if (report.statusValue() == AbsenceReportStatus.WITHDRAWN) {
            throw ApiProblem.conflict("This report is already withdrawn");
        }
        SchoolRecord school = book.school(report.schoolId());
        LocalDate from = in.getFrom();
        if (from.isBefore(book.today(school))) {
            throw ApiProblem.invalid("from", "is in the past: days gone by are on the register and cannot be withdrawn");
        }
        List<AbsenceReportSessionRecord> current = book.sessionsOf(report.id());
        Map<String, RegisterCode> marks = book.marks(parent, report.pupilId(), report.firstDay(), report.lastDay());
        List<AbsenceReportSessionRecord> withdrawn = current.stream()
                .filter(s -> !s.sessionDate().isBefore(from)
                        && s.dispositionValue() != AbsenceReportDisposition.WITHDRAWN
                        && !marks.containsKey(s.key()))
                .map(s -> s.with(AbsenceReportDisposition.WITHDRAWN, null))
                .toList();
        if (withdrawn.isEmpty()) {
            throw ApiProblem.invalid("from", "no session of this report from " + from + " is still to come");
        }
        book.update(withdrawn);
        Set<Long> gone = withdrawn.stream().map(AbsenceReportSessionRecord::id).collect(Collectors.toSet());
        // The report now ends on its last day still off; the child is back from the first day withdrawn.
        Optional<LocalDate> lastLeft = current.stream()
                .filter(s -> !gone.contains(s.id()) && s.dispositionValue() != AbsenceReportDisposition.WITHDRAWN)
                .map(AbsenceReportSessionRecord::sessionDate)
                .max(Comparator.naturalOrder());
        AbsenceReportRecord updated = book.update(lastLeft
                .map(last -> report.withDays(last, last.equals(report.lastDay()) ? report.expectedReturn() : from, report.note(),
                        report.statusValue(), book.now()))
                .orElseGet(() -> report.withStatus(AbsenceReportStatus.WITHDRAWN, book.now())));
        book.record(updated, AbsenceReportEventAction.WITHDRAWN, parent, Optional.of("Withdrawn from " + from + " ("
                + withdrawn.size() + (withdrawn.size() == 1 ? " session)" : " sessions)")
                + Optional.ofNullable(clean(in.getNote())).map(n -> ": " + n).orElse("")));
        LOG.info("Absence report {}: {} sessions withdrawn by parent {}", report.id(), withdrawn.size(), parent.id());
        return updated;
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    private static Optional<LocalTime> time(String hhmm) {
        return Optional.ofNullable(hhmm).map(LocalTime::parse);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String clean(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
