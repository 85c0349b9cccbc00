package uk.attendance.overview;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.AttendanceApi;
import uk.attendance.contract.model.AttendanceCalendar;
import uk.attendance.contract.model.AttendanceDay;
import uk.attendance.contract.model.AttendanceReturnLine;
import uk.attendance.contract.model.AttendanceSummary;
import uk.attendance.contract.model.Band;
import uk.attendance.contract.model.Category;
import uk.attendance.contract.model.CodeShare;
import uk.attendance.contract.model.CountedSession;
import uk.attendance.contract.model.DayKind;
import uk.attendance.contract.model.Fraction;
import uk.attendance.contract.model.ListPupilsByAttendanceConcernParameter;
import uk.attendance.contract.model.PenaltyNoticeStatus;
import uk.attendance.contract.model.PenaltyNoticeStatusLevel;
import uk.attendance.contract.model.PupilAttendanceLine;
import uk.attendance.contract.model.ReturnsDue;
import uk.attendance.contract.model.SchoolFigure;
import uk.attendance.contract.model.SchoolWeek;
import uk.attendance.contract.model.Session;
import uk.attendance.contract.model.SessionCode;
import uk.attendance.contract.model.SessionCounts;
import uk.attendance.contract.model.SicknessReturnLine;
import uk.attendance.contract.model.SicknessReturnLineTrigger;
import uk.attendance.rules.calendar.CalendarDay;
import uk.attendance.rules.penalty.PenaltyThreshold;
import uk.attendance.rules.penalty.PenaltyThresholdStatus;
import uk.attendance.rules.Ratio;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.returns.SicknessTrigger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class OverviewController implements AttendanceApi {
    private final OverviewService overview;
    private final PenaltyCaseLine penaltyCases;
    private final CurrentCaller caller;

    OverviewController(OverviewService overview, PenaltyCaseLine penaltyCases, CurrentCaller caller) {
        this.overview = overview;
        this.penaltyCases = penaltyCases;
        this.caller = caller;
    }

    @Override
    public AttendanceSummary getAttendanceSummary(Long pupilId, LocalDate from, LocalDate to) {
        var result = overview.summary(caller.get(), pupilId, Optional.ofNullable(from), Optional.ofNullable(to));
        var s = result.summary();
        AttendanceSummary body = new AttendanceSummary(pupilId, s.from(), s.to(),
                new SessionCounts(s.possible(), s.attended(), s.present(), s.approvedActivity(), s.authorised(), s.unauthorised(),
                        s.notPossible() + s.administrative(), s.lateBeforeClose(), s.lateAfterClose()),
                s.persistentAbsence(), s.severeAbsence(), s.daysMissed(), s.weeksMissed(), s.learningHoursLost(),
                breakdown(s), schoolFigure(result.school()))
                .attendancePercent(s.attendancePercent().orElse(null))
                .attendanceExact(s.attendance().map(r -> new Fraction((int) r.numerator(), (int) r.denominator())).orElse(null))
                .absencePercent(s.absencePercent().orElse(null))
                .authorisedPercent(s.authorisedPercent().orElse(null))
                .unauthorisedPercent(s.unauthorisedPercent().orElse(null));
        s.band().ifPresent(b -> body.band(new Band(b.label(), b.lowerBound(), b.colour(), b.description(), b.schoolAction())));
        return body;
    }

    @Override
    public AttendanceCalendar getAttendanceCalendar(Long pupilId, LocalDate from, LocalDate to) {
        var result = overview.calendar(caller.get(), pupilId, Optional.ofNullable(from), Optional.ofNullable(to));
        Map<String, RegisterCode> codes = new HashMap<>();
        for (SessionMark m : result.marks()) {
            codes.put(m.date() + m.session().name(), m.code());
        }
        List<AttendanceDay> days = new ArrayList<>();
        for (CalendarDay d : result.calendar().days(result.period().from(), result.period().to())) {
            AttendanceDay day = new AttendanceDay(d.date(), DayKind.fromValue(d.kind().name()), d.isSchoolDay())
                    .description(d.description().orElse(null));
            Optional.ofNullable(codes.get(d.date() + "AM")).ifPresent(c -> day.am(sessionCode(c)));
            Optional.ofNullable(codes.get(d.date() + "PM")).ifPresent(c -> day.pm(sessionCode(c)));
            days.add(day);
        }
        return new AttendanceCalendar(pupilId, result.period().from(), result.period().to(), days);
    }

    @Override
    public PenaltyNoticeStatus getPenaltyNoticeStatus(Long pupilId, LocalDate asOf) {
        var who = caller.get();
        var result = overview.penalty(who, pupilId, Optional.ofNullable(asOf));
        PenaltyThresholdStatus s = result.status();
        int used = PenaltyThreshold.THRESHOLD_SESSIONS - s.sessionsLeft();
        PenaltyNoticeStatusLevel level = result.applies() ? PenaltyExplanation.level(s.reached(), used) : PenaltyNoticeStatusLevel.NONE;
        String headline = result.applies() ? PenaltyExplanation.headline(level, used, s.sessionsLeft(), s.provisional())
                : PenaltyExplanation.notApplicable();
        PenaltyNoticeStatus body = new PenaltyNoticeStatus(pupilId, result.asOf(), result.applies(),
                s.window().stream().map(w -> new SchoolWeek(w.monday(), w.sunday(), w.sessions(), w.isSchoolWeek())).toList(),
                s.countedSessions().stream().map(c -> new CountedSession(c.date(), Session.fromValue(c.session().name()),
                        c.code().symbol(), c.code().meaning(), c.consumed())).toList(),
                s.count(), s.sessionsLeft(), s.reached(), s.provisional(), level, headline, PenaltyExplanation.FRAMEWORK);
        if (!s.window().isEmpty()) {
            body.windowStart(s.window().get(0).monday()).windowEnd(s.window().get(s.window().size() - 1).sunday());
        }
        s.reachedOn().ifPresent(e -> body.reachedOn(e.date()).reachedSession(Session.fromValue(e.session().name())));
        penaltyCases.forCaller(who, pupilId).ifPresent(body::penaltyCase);
        return body;
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<PupilAttendanceLine> listPupilsByAttendance(Long schoolId, ListPupilsByAttendanceConcernParameter concern,
                                                            LocalDate asOf) {
        Predicate<OverviewService.SchoolLine> wanted = concern == null ? l -> true : switch (concern) {
            case PERSISTENT -> l -> l.summary().persistentAbsence();
            case SEVERE -> l -> l.summary().severeAbsence();
            case BELOW_96 -> l -> l.summary().attendance().map(r -> r.numerator() * 100 < 96 * r.denominator()).orElse(false);
            case THRESHOLD_REACHED -> OverviewService.SchoolLine::thresholdReached;
        };
        return overview.schoolLines(caller.get(), schoolId, Optional.ofNullable(asOf)).stream()
                .filter(wanted)
                .map(l -> new PupilAttendanceLine(l.pupil().id(), l.pupil().displayName(), l.pupil().yearGroup(),
                        l.pupil().registrationGroup(), l.summary().possible(), l.summary().persistentAbsence(),
                        l.summary().severeAbsence(), l.summary().unauthorised(), l.thresholdReached())
                        .attendancePercent(l.summary().attendancePercent().orElse(null))
                        .band(l.summary().band().map(b -> b.label()).orElse(null)))
                .toList();
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public ReturnsDue listReturnsDue(Long schoolId, LocalDate asOf) {
        var result = overview.returnsDue(caller.get(), schoolId, Optional.ofNullable(asOf));
        return new ReturnsDue(result.asOf(),
                result.attendance().stream().map(d -> new AttendanceReturnLine(d.pupil().id(), d.pupil().displayName(),
                        d.due().dueOn(), d.due().firstDay(), d.due().lastDay(), d.due().schoolDays())).toList(),
                result.sickness().stream().map(d -> new SicknessReturnLine(d.pupil().id(), d.pupil().displayName(),
                        d.due().dueOn(), trigger(d.due().trigger()), d.due().periodStart(), d.due().periodEnd())).toList());
    }

    private static SicknessReturnLineTrigger trigger(SicknessTrigger trigger) {
        return switch (trigger) {
            case ANTICIPATED_15_DAYS -> SicknessReturnLineTrigger.ANTICIPATED;
            default -> trigger.name().startsWith("CUMULATIVE") ? SicknessReturnLineTrigger.CUMULATIVE : SicknessReturnLineTrigger.CONSECUTIVE;
        };
    }

    /** Each code used in the range, its share of all sessions recorded there (the shares add up to 100). */
    private static List<CodeShare> breakdown(uk.attendance.rules.AttendanceSummary s) {
        long total = s.codeCounts().values().stream().mapToLong(Integer::longValue).sum();
        List<CodeShare> shares = new ArrayList<>();
        s.codeCounts().forEach((code, count) -> {
            if (count > 0) {
                shares.add(new CodeShare(code.symbol(), code.meaning(), Category.fromValue(code.category().name()), count,
                        new Ratio(count, total).displayPercent(), code.category().colour()));
            }
        });
        return shares;
    }

    private static SchoolFigure schoolFigure(SchoolFigures.Figure f) {
        SchoolFigure figure = new SchoolFigure((int) f.possible());
        if (f.possible() > 0) {
            figure.attendancePercent(new Ratio(f.attended(), f.possible()).displayPercent());
        }
        return figure;
    }

    private static SessionCode sessionCode(RegisterCode c) {
        return new SessionCode(c.symbol(), c.meaning(), Category.fromValue(c.category().name()), c.category().colour());
    }
}
