package uk.attendance.patterns;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.MarkMonth;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolWeek;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Absence patterns and watch lists of a school, counted from the register's precomputed month rows
 * ({@link RegisterService#markMonthsOfSchool}) on each pupil's own sessions: one read of a school's months a request.
 */
@Singleton
public class PatternService {
    static final int MAX_RANGE_DAYS = 400;
    private static final ZoneId TRUST_ZONE = ZoneId.of("Europe/London");

    private final SchoolService schools;
    private final PupilService pupils;
    private final CalendarService calendars;
    private final RegisterService register;
    private final Clock clock;

    PatternService(SchoolService schools, PupilService pupils, CalendarService calendars, RegisterService register, Clock clock) {
        this.schools = schools;
        this.pupils = pupils;
        this.calendars = calendars;
        this.register = register;
        this.clock = clock;
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    public record SchoolPattern(SchoolRecord school, Period period, SessionTally tally) {
    }

    public record PupilPattern(PupilRecord pupil, SessionTally tally, Set<AbsencePatternKind> patterns) {
    }

    public record PatternPupils(Period period, int minAbsentSessions, List<PupilPattern> pupils) {
    }

    public record LateLine(PupilRecord pupil, SessionTally tally) {
    }

    public record LateList(SchoolRecord school, Period period, int schoolWeeks, int minSessions, Optional<RegisterCode> code,
                           List<LateLine> pupils) {
    }

    public record LastYearLine(PupilRecord pupil, SessionTally.Counts lastYear, SessionTally.Counts thisYear) {
    }

    public record LastYearList(SchoolRecord school, SchoolYear lastYear, LocalDate thisYearFrom, LocalDate asOf,
                               List<LastYearLine> pupils) {
    }

    public SchoolPattern schoolPattern(Caller caller, long schoolId, Optional<LocalDate> from, Optional<LocalDate> to) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        return patternOf(school, period(from, to, today(school.zone())));
    }

    /** Every school of the caller's trust (a trust administrator's), by name. */
    public TrustPattern trustPatterns(Caller caller, Optional<LocalDate> from, Optional<LocalDate> to) {
        if (!caller.isTrustAdmin()) {
            throw ApiProblem.forbidden("Trust administrators only");
        }
        Period period = period(from, to, today(TRUST_ZONE));
        return new TrustPattern(period, schools.inTrust(caller.trustId()).stream().map(s -> patternOf(s, period)).toList());
    }

    public record TrustPattern(Period period, List<SchoolPattern> schools) {
    }

    private SchoolPattern patternOf(SchoolRecord school, Period period) {
        SessionTally tally = new SessionTally();
        register.markMonthsOfSchool(school.id(), period.from(), period.to()).forEach(tally::add);
        return new SchoolPattern(school, period, tally);
    }

    public PatternPupils patternPupils(Caller caller, long schoolId, Optional<LocalDate> from, Optional<LocalDate> to,
                                       Optional<Integer> minAbsentSessions, Optional<AbsencePatternKind> only) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        int min = bounded("minAbsentSessions", minAbsentSessions, AbsencePatterns.DEFAULT_MIN_ABSENT_SESSIONS, 1, 400);
        Period period = period(from, to, today(school.zone()));
        Map<Long, SessionTally> tallies = byPupil(register.markMonthsOfSchool(school.id(), period.from(), period.to()));
        List<PupilPattern> lines = new ArrayList<>();
        for (PupilRecord pupil : pupils.ofSchool(school.id(), Optional.empty(), Optional.of(period.to()))) {
            SessionTally tally = tallies.get(pupil.id());
            if (tally == null) {
                continue;
            }
            Set<AbsencePatternKind> kinds = AbsencePatterns.of(tally, min);
            if (!kinds.isEmpty() && only.map(kinds::contains).orElse(true)) {
                lines.add(new PupilPattern(pupil, tally, kinds));
            }
        }
        lines.sort(Comparator.comparingLong((PupilPattern p) -> -p.tally().total().absent()).thenComparing(p -> byName(p.pupil())));
        return new PatternPupils(period, min, lines);
    }

    public LateList lateness(Caller caller, long schoolId, Optional<LocalDate> asOf, Optional<Integer> weeks,
                             Optional<Integer> minSessions, Optional<RegisterCode> only) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        int w = bounded("weeks", weeks, FrequentLateness.DEFAULT_WEEKS, 1, FrequentLateness.MAX_WEEKS);
        int min = bounded("minSessions", minSessions, FrequentLateness.DEFAULT_MIN_SESSIONS, 1, FrequentLateness.MAX_MIN_SESSIONS);
        LocalDate date = asOf(school, asOf);
        List<SchoolWeek> window = calendars.calendarOf(school.id()).schoolWeeksEndingWith(date, w);
        Period period = new Period(window.isEmpty() ? date : window.get(0).monday(), date);
        Map<Long, SessionTally> tallies = byPupil(register.markMonthsOfSchool(school.id(), period.from(), period.to()));
        List<LateLine> lines = new ArrayList<>();
        for (PupilRecord pupil : pupils.ofSchool(school.id(), Optional.empty(), Optional.of(date))) {
            SessionTally tally = tallies.get(pupil.id());
            if (tally != null && FrequentLateness.listed(tally.late(), tally.lateAfterClose(), only, min)) {
                lines.add(new LateLine(pupil, tally));
            }
        }
        lines.sort(Comparator.comparingLong((LateLine l) -> -(l.tally().late() + l.tally().lateAfterClose()))
                .thenComparing(l -> byName(l.pupil())));
        return new LateList(school, period, window.size(), min, only, lines);
    }

    public LastYearList lastYearPersistentAbsence(Caller caller, long schoolId, Optional<LocalDate> asOf) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        LocalDate date = asOf(school, asOf);
        SchoolYear thisYear = SchoolYear.containing(date);
        SchoolYear lastYear = new SchoolYear(thisYear.startYear() - 1);
        // years start on 1 September, a month boundary: a month row belongs wholly to one year
        Map<Long, SessionTally> last = new HashMap<>();
        Map<Long, SessionTally> current = new HashMap<>();
        for (MarkMonth row : register.markMonthsOfSchool(school.id(), lastYear.firstDay(), date)) {
            (row.month().isBefore(thisYear.firstDay()) ? last : current).computeIfAbsent(row.pupilId(), id -> new SessionTally()).add(row);
        }
        List<LastYearLine> lines = new ArrayList<>();
        for (PupilRecord pupil : pupils.ofSchool(school.id(), Optional.empty(), Optional.of(date))) {
            SessionTally.Counts then = Optional.ofNullable(last.get(pupil.id())).map(SessionTally::total).orElse(null);
            if (then != null && then.persistentAbsence()) {
                SessionTally.Counts now = Optional.ofNullable(current.get(pupil.id())).orElseGet(SessionTally::new).total();
                lines.add(new LastYearLine(pupil, then, now));
            }
        }
        lines.sort(Comparator.comparing((LastYearLine l) -> attendanceOrder(l.lastYear())).thenComparing(l -> byName(l.pupil())));
        return new LastYearList(school, lastYear, thisYear.firstDay(), date, lines);
    }

    /** Lowest attendance first: attended/possible compared exactly as a fraction. */
    private static java.math.BigDecimal attendanceOrder(SessionTally.Counts c) {
        return java.math.BigDecimal.valueOf(c.attended()).divide(java.math.BigDecimal.valueOf(c.possible()), 12,
                java.math.RoundingMode.HALF_UP);
    }

    private static Map<Long, SessionTally> byPupil(List<MarkMonth> rows) {
        Map<Long, SessionTally> tallies = new HashMap<>();
        for (MarkMonth row : rows) {
            tallies.computeIfAbsent(row.pupilId(), id -> new SessionTally()).add(row);
        }
        return tallies;
    }

    private static String byName(PupilRecord pupil) {
        return pupil.lastName() + " " + pupil.firstName() + " " + pupil.id();
    }

    /** The academic year to date by default; {@code to} alone starts on the 1 September before it. */
    static Period period(Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today) {
        LocalDate end = to.orElseGet(() -> from.map(f -> SchoolYear.containing(f).lastDay()).filter(d -> d.isBefore(today)).orElse(today));
        LocalDate start = from.orElseGet(() -> SchoolYear.containing(end).firstDay());
        if (end.isBefore(start)) {
            throw ApiProblem.invalid(to.isPresent() ? "to" : "from", "from (" + start + ") must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_RANGE_DAYS) {
            throw ApiProblem.invalid("to", "the range may cover at most " + MAX_RANGE_DAYS + " days");
        }
        return new Period(start, end);
    }

    private LocalDate asOf(SchoolRecord school, Optional<LocalDate> asOf) {
        LocalDate today = today(school.zone());
        LocalDate date = asOf.orElse(today);
        if (date.isAfter(today)) {
            throw ApiProblem.invalid("asOf", "is after today (" + today + ")");
        }
        return date;
    }

    private static int bounded(String field, Optional<Integer> value, int fallback, int min, int max) {
        int v = value.orElse(fallback);
        if (v < min || v > max) {
            throw ApiProblem.invalid(field, "must be between " + min + " and " + max);
        }
        return v;
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
