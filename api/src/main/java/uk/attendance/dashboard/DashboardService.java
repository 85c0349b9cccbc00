package uk.attendance.dashboard;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The school and trust dashboards, from the precomputed figures ({@link FigureComputer}). */
@Singleton
public class DashboardService {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final SchoolService schools;
    private final FigureReader reader;
    private final NationalRates national;
    private final Clock clock;

    DashboardService(SchoolService schools, FigureReader reader, NationalRates national, Clock clock) {
        this.schools = schools;
        this.reader = reader;
        this.national = national;
        this.clock = clock;
    }

    /** Which year and week a dashboard shows. */
    record Period(SchoolYear year, int week) {
        AcademicWeeks weeks() {
            return new AcademicWeeks(year);
        }
    }

    record SchoolFigures(SchoolRecord school, Figures figures, Optional<Figures> lastYear) {
    }

    record Dashboard(Period period, Optional<Instant> computedAt, Figures totals, Optional<Figures> lastYear,
                     List<Figures> groups, List<SchoolFigures> schools, List<WeekFigures> weeks,
                     List<WeekFigures> lastYearWeeks, List<NationalRates.Rate> national) {
    }


    Dashboard school(Caller caller, long schoolId, Optional<SchoolYear> year, Optional<LocalDate> asOf) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        return build(List.of(school), false, period(year, asOf));
    }

    Dashboard trust(Caller caller, Optional<SchoolYear> year, Optional<LocalDate> asOf) {
        if (!caller.isTrustAdmin()) {
            throw ApiProblem.forbidden("The trust dashboard is for trust admins");
        }
        List<SchoolRecord> all = schools.inTrust(caller.trustId());
        return build(all, true, period(year, asOf));
    }

    SchoolRecord schoolOf(Caller caller, long schoolId) {
        return schools.forStaff(caller, schoolId);
    }

    Period period(Optional<SchoolYear> year, Optional<LocalDate> asOf) {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        SchoolYear chosen = year.orElseGet(() -> SchoolYear.containing(asOf.orElse(today)));
        if (asOf.isPresent() && !chosen.includes(asOf.get())) {
            throw ApiProblem.invalid("asOf", "must fall within the academic year " + chosen.label()
                    + " (" + chosen.firstDay() + " to " + chosen.lastDay() + ")");
        }
        AcademicWeeks weeks = new AcademicWeeks(chosen);
        LocalDate day = asOf.orElse(today);
        if (asOf.isEmpty() && day.isBefore(chosen.firstDay())) {
            throw ApiProblem.invalid("academicYear", chosen.label() + " has not started yet");
        }
        int week = chosen.includes(day) ? weeks.weekOf(day) : weeks.lastWeek();
        return new Period(chosen, week);
    }

    private Dashboard build(List<SchoolRecord> list, boolean trustWide, Period period) {
        List<Long> ids = list.stream().map(SchoolRecord::id).toList();
        int year = period.year().startYear();
        List<Figures> groups = reader.groups(ids, year, period.week()).stream()
                .filter(f -> !trustWide || f.dimension().trustWide())
                .sorted(ORDER).toList();
        Figures totals = groups.stream().filter(f -> f.dimension() == Dimension.ALL).findFirst()
                .orElse(Figures.none(Dimension.ALL, "ALL"));
        Optional<Figures> lastYear = reader.groups(ids, year - 1, period.week()).stream()
                .filter(f -> f.dimension() == Dimension.ALL).findFirst();
        List<SchoolFigures> bySchool = List.of();
        if (trustWide) {
            Map<Long, Figures> now = reader.bySchool(ids, year, period.week());
            Map<Long, Figures> before = reader.bySchool(ids, year - 1, period.week());
            bySchool = list.stream().map(s -> new SchoolFigures(s, now.getOrDefault(s.id(), Figures.none(Dimension.ALL, "ALL")),
                    Optional.ofNullable(before.get(s.id())))).toList();
        }
        List<WeekFigures> weeks = reader.weeks(ids, year).stream().filter(w -> w.week() <= period.week()).toList();
        List<WeekFigures> lastYearWeeks = reader.weeks(ids, year - 1).stream().filter(w -> w.week() <= period.week()).toList();
        return new Dashboard(period, reader.computedAt(ids, year), totals, lastYear.filter(f -> f.possible() > 0),
                groups.stream().filter(f -> f.dimension() != Dimension.ALL).toList(), bySchool, weeks, lastYearWeeks,
                national.all());
    }

    private static final Comparator<Figures> ORDER = Comparator.comparing(Figures::dimension)
            .thenComparing(f -> f.value(), DashboardService::naturalOrder);

    /** Year groups and registration groups in number order (Year 2 before Year 10). */
    private static int naturalOrder(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
