package uk.attendance.overview;

import jakarta.inject.Singleton;
import uk.attendance.absence.AbsenceReportService;
import uk.attendance.caller.Caller;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.returns.AnticipatedIllness;
import uk.attendance.rules.AttendanceCalculator;
import uk.attendance.rules.returns.AttendanceReturn;
import uk.attendance.rules.returns.AttendanceReturnDue;
import uk.attendance.rules.AttendanceSummary;
import uk.attendance.rules.penalty.PenaltyThreshold;
import uk.attendance.rules.penalty.PenaltyThresholdStatus;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.returns.SicknessReturn;
import uk.attendance.rules.returns.SicknessReturnDue;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads marks, calendar and pupil facts, and asks the rules core for the figures the views show. */
@Singleton
public class OverviewService {
    private final PupilService pupils;
    private final SchoolService schools;
    private final CalendarService calendars;
    private final RegisterService register;
    private final SchoolFigures schoolFigures;
    private final AbsenceReportService absenceReports;
    private final Clock clock;

    OverviewService(PupilService pupils, SchoolService schools, CalendarService calendars, RegisterService register,
                    SchoolFigures schoolFigures, AbsenceReportService absenceReports, Clock clock) {
        this.pupils = pupils;
        this.schools = schools;
        this.calendars = calendars;
        this.register = register;
        this.schoolFigures = schoolFigures;
        this.absenceReports = absenceReports;
        this.clock = clock;
    }

    public record PupilSummary(PupilRecord pupil, AttendanceSummary summary, SchoolFigures.Figure school) {
    }

    record PupilCalendar(PupilRecord pupil, PupilPeriod period, SchoolCalendar calendar, List<SessionMark> marks) {
    }

    public record PupilPenalty(PupilRecord pupil, LocalDate asOf, boolean applies, PenaltyThresholdStatus status) {
    }

    record SchoolLine(PupilRecord pupil, AttendanceSummary summary, boolean thresholdReached) {
    }

    record ReturnLines(LocalDate asOf, List<Due<AttendanceReturnDue>> attendance, List<Due<SicknessReturnDue>> sickness) {
    }

    record Due<T>(PupilRecord pupil, T due) {
    }

    public PupilSummary summary(Caller caller, long pupilId, Optional<LocalDate> from, Optional<LocalDate> to) {
        return summaryOf(pupils.visibleTo(caller, pupilId), from, to);
    }

    /** The parent's summary of a pupil, for jobs acting for no caller (this academic year to date by default). */
    public PupilSummary summaryOf(PupilRecord pupil, Optional<LocalDate> from, Optional<LocalDate> to) {
        PupilPeriod period = PupilPeriod.of(pupil, from, to, today(pupil), false);
        // Counted by the register on the pupil's sessions only (rules.PupilSessions), as the calendar and penalty status are.
        Map<RegisterCode, Integer> counts = new java.util.EnumMap<>(RegisterCode.class);
        register.codeCountsOfPupil(pupil.id(), period.from(), period.to()).forEach((code, n) -> counts.put(code, Math.toIntExact(n)));
        AttendanceSummary summary = AttendanceCalculator.summariseCounts(counts, period.from(), period.to());
        return new PupilSummary(pupil, summary, schoolFigures.of(pupil.schoolId(), period.from(), period.to()));
    }

    public PupilCalendar calendar(Caller caller, long pupilId, Optional<LocalDate> from, Optional<LocalDate> to) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        PupilPeriod period = PupilPeriod.month(pupil, from, to, today(pupil));
        return new PupilCalendar(pupil, period, calendars.calendarOf(pupil.schoolId()),
                register.sessionMarks(pupil.id(), period.from(), period.to()));
    }

    public PupilPenalty penalty(Caller caller, long pupilId, Optional<LocalDate> asOf) {
        return penaltyOf(pupils.visibleTo(caller, pupilId), asOf);
    }

    /** The parent's penalty-notice status of a pupil, for jobs acting for no caller. */
    public PupilPenalty penaltyOf(PupilRecord pupil, Optional<LocalDate> asOf) {
        LocalDate date = PupilPeriod.asOf(pupil, asOf, today(pupil));
        PupilFacts facts = facts(pupil);
        LocalDate since = pupil.admissionDate().isAfter(PenaltyThreshold.FRAMEWORK_START) ? pupil.admissionDate() : PenaltyThreshold.FRAMEWORK_START;
        PenaltyThresholdStatus status = PenaltyThreshold.evaluate(calendars.calendarOf(pupil.schoolId()),
                register.unauthorisedSessionMarks(pupil.id(), since, date), facts, date);
        return new PupilPenalty(pupil, date, facts.compulsorySchoolAge().includes(date), status);
    }

    /** The penalty-notice status's headline as the parent's app shows it (GET …/attendance/penalty-notice), in plain English. */
    public static String penaltyHeadline(PupilPenalty penalty) {
        PenaltyThresholdStatus s = penalty.status();
        if (!penalty.applies()) {
            return PenaltyExplanation.notApplicable();
        }
        int used = PenaltyThreshold.THRESHOLD_SESSIONS - s.sessionsLeft();
        return PenaltyExplanation.headline(PenaltyExplanation.level(s.reached(), used), used, s.sessionsLeft(), s.provisional());
    }

    /** Every pupil on roll on {@code asOf} with this academic year's figures, lowest attendance first. */
    public List<SchoolLine> schoolLines(Caller caller, long schoolId, Optional<LocalDate> asOf) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        LocalDate date = schoolAsOf(school, asOf);
        LocalDate yearStart = SchoolYear.containing(date).firstDay();
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        Map<Long, List<SessionMark>> marks = register.sessionMarksOfSchool(school.id(), penaltyHistoryStart(yearStart), date);
        List<SchoolLine> lines = new ArrayList<>();
        for (PupilRecord pupil : pupils.ofSchool(school.id(), Optional.empty(), Optional.of(date))) {
            List<SessionMark> own = marks.getOrDefault(pupil.id(), List.of());
            LocalDate from = pupil.admissionDate().isAfter(yearStart) ? pupil.admissionDate() : yearStart;
            PupilFacts facts = facts(pupil);
            AttendanceSummary summary = AttendanceCalculator.summarise(own, facts, from, date);
            boolean reached = PenaltyThreshold.evaluate(calendar, own, facts, date).reached();
            lines.add(new SchoolLine(pupil, summary, reached));
        }
        lines.sort((a, b) -> Long.compare(a.summary().attended() * b.summary().possible(), b.summary().attended() * a.summary().possible()));
        return lines;
    }

    public ReturnLines returnsDue(Caller caller, long schoolId, Optional<LocalDate> asOf) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        LocalDate date = schoolAsOf(school, asOf);
        LocalDate yearStart = SchoolYear.containing(date).firstDay();
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        Map<Long, List<SessionMark>> marks = register.sessionMarksOfSchool(school.id(), yearStart, date);
        Map<Long, List<AnticipatedIllness>> reported = absenceReports.anticipatedIllness(school.id(), yearStart);
        List<Due<AttendanceReturnDue>> attendance = new ArrayList<>();
        List<Due<SicknessReturnDue>> sickness = new ArrayList<>();
        for (PupilRecord pupil : pupils.ofSchool(school.id(), Optional.empty(), Optional.empty())) {
            List<SessionMark> own = marks.get(pupil.id());
            List<AnticipatedIllness> anticipated = reported.getOrDefault(pupil.id(), List.of());
            if (own == null && anticipated.isEmpty()) {
                continue;
            }
            PupilFacts facts = facts(pupil);
            List<SessionMark> recorded = own == null ? List.of() : own;
            AttendanceReturn.evaluate(calendar, recorded, facts, yearStart, date).forEach(d -> attendance.add(new Due<>(pupil, d)));
            SicknessReturn.evaluate(calendar, recorded, facts, anticipated, yearStart, date).forEach(d -> sickness.add(new Due<>(pupil, d)));
        }
        attendance.sort((a, b) -> a.due().dueOn().compareTo(b.due().dueOn()));
        sickness.sort((a, b) -> a.due().dueOn().compareTo(b.due().dueOn()));
        return new ReturnLines(date, attendance, sickness);
    }

    /** Threshold windows reach back up to 10 school weeks, and earlier events consume sessions: a year back is plenty. */
    private static LocalDate penaltyHistoryStart(LocalDate yearStart) {
        LocalDate yearBefore = yearStart.minusYears(1);
        return yearBefore.isBefore(PenaltyThreshold.FRAMEWORK_START) ? PenaltyThreshold.FRAMEWORK_START : yearBefore;
    }

    private LocalDate schoolAsOf(SchoolRecord school, Optional<LocalDate> asOf) {
        LocalDate today = LocalDate.now(clock.withZone(school.zone()));
        LocalDate date = asOf.orElse(today);
        if (date.isAfter(today)) {
            throw uk.attendance.platform.ApiProblem.invalid("asOf", "is after today (" + today + ")");
        }
        return date;
    }

    private LocalDate today(PupilRecord pupil) {
        return LocalDate.now(clock.withZone(schools.find(pupil.schoolId()).map(SchoolRecord::zone)
                .orElse(java.time.ZoneId.of("Europe/London"))));
    }

    static PupilFacts facts(PupilRecord pupil) {
        return new PupilFacts(pupil.dateOfBirth(), pupil.admissionDate(), Optional.ofNullable(pupil.leavingDate()));
    }
}
