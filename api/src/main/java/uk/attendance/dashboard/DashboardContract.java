package uk.attendance.dashboard;

import uk.attendance.contract.model.ChartData;
import uk.attendance.contract.model.ChartDataSeriesInner;
import uk.attendance.contract.model.ChartDataUnit;
import uk.attendance.contract.model.DashboardFigures;
import uk.attendance.contract.model.DashboardFiguresDimension;
import uk.attendance.contract.model.DashboardSchoolRow;
import uk.attendance.contract.model.DashboardWeek;
import uk.attendance.contract.model.NationalAbsenceRate;
import uk.attendance.contract.model.NationalAbsenceRatePeriod;
import uk.attendance.contract.model.NationalAbsenceRatePhase;
import uk.attendance.contract.model.SchoolDashboard;
import uk.attendance.contract.model.TrustDashboard;
import uk.attendance.platform.CsvWriter;
import uk.attendance.rules.Ratio;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolYear;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The dashboards as the contract has them, JSON and CSV from the same values (so every number agrees). */
final class DashboardContract {
    private DashboardContract() {
    }

    static SchoolDashboard school(SchoolRecord school, DashboardService.Dashboard d) {
        DashboardService.Period p = d.period();
        SchoolDashboard out = new SchoolDashboard(school.id(), school.name(), p.year().label(), p.week(),
                p.weeks().monday(p.week()), p.weeks().lastDayOf(p.week()), figures(d.totals()),
                d.groups().stream().map(DashboardContract::figures).toList(), weeks(d), charts(d, false),
                national(d.national()));
        out.setComputedAt(d.computedAt().map(i -> i.atZone(ZoneOffset.UTC)).orElse(null));
        out.setLastYear(d.lastYear().map(DashboardContract::figures).orElse(null));
        return out;
    }

    static TrustDashboard trust(long trustId, DashboardService.Dashboard d) {
        DashboardService.Period p = d.period();
        TrustDashboard out = new TrustDashboard(trustId, p.year().label(), p.week(), p.weeks().monday(p.week()),
                p.weeks().lastDayOf(p.week()), figures(d.totals()), d.schools().stream().map(DashboardContract::school).toList(),
                d.groups().stream().map(DashboardContract::figures).toList(), weeks(d), charts(d, true),
                national(d.national()));
        out.setComputedAt(d.computedAt().map(i -> i.atZone(ZoneOffset.UTC)).orElse(null));
        out.setLastYear(d.lastYear().map(DashboardContract::figures).orElse(null));
        return out;
    }

    static DashboardFigures figures(Figures f) {
        DashboardFigures out = new DashboardFigures(DashboardFiguresDimension.fromValue(f.dimension().name()), f.value(),
                f.label(), f.pupils(), f.possible(), f.attended(), f.authorised(), f.unauthorised(), f.persistent(),
                f.severe());
        out.setAttendancePercent(f.attendancePercent().orElse(null));
        out.setAbsencePercent(f.absencePercent().orElse(null));
        out.setAuthorisedPercent(f.authorisedPercent().orElse(null));
        out.setUnauthorisedPercent(f.unauthorisedPercent().orElse(null));
        out.setPersistentAbsencePercent(f.persistentPercent().orElse(null));
        out.setSevereAbsencePercent(f.severePercent().orElse(null));
        return out;
    }

    private static DashboardSchoolRow school(DashboardService.SchoolFigures s) {
        DashboardSchoolRow row = new DashboardSchoolRow(s.school().id(), s.school().name(), figures(s.figures()));
        row.setLastYearAttendancePercent(s.lastYear().flatMap(Figures::attendancePercent).orElse(null));
        row.setLastYearPersistentAbsencePercent(s.lastYear().flatMap(Figures::persistentPercent).orElse(null));
        return row;
    }

    /** The weeks with possible sessions this year or in the same week last year, up to the week shown. */
    static List<DashboardWeek> weeks(DashboardService.Dashboard d) {
        Map<Integer, WeekFigures> now = byWeek(d.weeks());
        Map<Integer, WeekFigures> before = byWeek(d.lastYearWeeks());
        AcademicWeeks calendar = d.period().weeks();
        List<DashboardWeek> out = new ArrayList<>();
        for (int w = 1; w <= d.period().week(); w++) {
            WeekFigures n = now.get(w);
            WeekFigures b = before.get(w);
            if (n == null && b == null) {
                continue;
            }
            DashboardWeek week = new DashboardWeek(w, calendar.monday(w), n == null ? 0L : n.possible());
            if (n != null) {
                week.setAttendancePercent(percent(n.attended(), n.possible()));
                week.setAbsencePercent(percent(n.authorised() + n.unauthorised(), n.possible()));
                week.setUnauthorisedPercent(percent(n.unauthorised(), n.possible()));
                week.setPersistentAbsencePercent(percent(n.persistentToDate(), n.pupilsToDate()));
            }
            if (b != null) {
                week.setLastYearAttendancePercent(percent(b.attended(), b.possible()));
                week.setLastYearPersistentAbsencePercent(percent(b.persistentToDate(), b.pupilsToDate()));
            }
            out.add(week);
        }
        return out;
    }

    private static Map<Integer, WeekFigures> byWeek(List<WeekFigures> weeks) {
        Map<Integer, WeekFigures> map = new LinkedHashMap<>();
        weeks.forEach(w -> map.put(w.week(), w));
        return map;
    }

    static BigDecimal percent(long n, long of) {
        return of == 0 ? null : new Ratio(n, of).displayPercent();
    }

    static List<ChartData> charts(DashboardService.Dashboard d, boolean trust) {
        List<DashboardWeek> weeks = weeks(d);
        List<String> labels = weeks.stream().map(w -> w.getWeekCommencing().toString()).toList();
        List<ChartData> charts = new ArrayList<>();
        List<ChartDataSeriesInner> attendance = new ArrayList<>(List.of(
                new ChartDataSeriesInner("This year", weeks.stream().map(DashboardWeek::getAttendancePercent).toList()),
                new ChartDataSeriesInner("Same week last year",
                        weeks.stream().map(DashboardWeek::getLastYearAttendancePercent).toList())));
        d.national().stream().filter(r -> r.period().equals("FULL_YEAR") && r.phase().equals("ALL")
                        && r.overallAbsence().isPresent()).findFirst()
                .ifPresent(r -> attendance.add(new ChartDataSeriesInner("National " + new SchoolYear(r.startYear()).label()
                        + " (all state-funded schools, pupils aged 5-15)", weeks.stream()
                        .map(w -> BigDecimal.valueOf(100).subtract(r.overallAbsence().get())).toList())));
        charts.add(new ChartData("Attendance by week", ChartDataUnit.PERCENT, labels, attendance));
        charts.add(new ChartData("Persistent absence to date by week", ChartDataUnit.PERCENT, labels, List.of(
                new ChartDataSeriesInner("This year", weeks.stream().map(DashboardWeek::getPersistentAbsencePercent).toList()),
                new ChartDataSeriesInner("Same week last year",
                        weeks.stream().map(DashboardWeek::getLastYearPersistentAbsencePercent).toList()))));
        if (trust) {
            List<DashboardService.SchoolFigures> schools = d.schools();
            charts.add(new ChartData("Attendance by school", ChartDataUnit.PERCENT,
                    schools.stream().map(s -> s.school().name()).toList(), List.of(
                    new ChartDataSeriesInner("This year", schools.stream()
                            .map(s -> s.figures().attendancePercent().orElse(null)).toList()),
                    new ChartDataSeriesInner("Same week last year", schools.stream()
                            .map(s -> s.lastYear().flatMap(Figures::attendancePercent).orElse(null)).toList()))));
        }
        return charts;
    }

    static List<NationalAbsenceRate> national(List<NationalRates.Rate> rates) {
        return rates.stream().map(r -> {
            NationalAbsenceRate out = new NationalAbsenceRate(new SchoolYear(r.startYear()).label(),
                    NationalAbsenceRatePeriod.fromValue(r.period()), NationalAbsenceRatePhase.fromValue(r.phase()),
                    r.source(), r.sourceUrl());
            out.setOverallAbsencePercent(r.overallAbsence().orElse(null));
            out.setAuthorisedPercent(r.authorised().orElse(null));
            out.setUnauthorisedPercent(r.unauthorised().orElse(null));
            out.setPersistentAbsencePercent(r.persistent().orElse(null));
            out.setSevereAbsencePercent(r.severe().orElse(null));
            out.setPublishedOn(r.publishedOn().orElse(null));
            return out;
        }).toList();
    }

    // ---- CSV: the same contract values, cell for cell ----

    private static final List<String> FIGURE_HEADER = List.of("dimension", "value", "label", "pupils", "possible sessions",
            "attended sessions", "authorised sessions", "unauthorised sessions", "attendance %", "absence %",
            "authorised %", "unauthorised %", "persistent absentees", "persistent absence %", "severe absentees",
            "severe absence %");

    private static List<Object> cells(DashboardFigures f) {
        return Arrays.asList(f.getDimension().getValue(), f.getValue(), f.getLabel(), f.getPupils(),
                f.getPossibleSessions(), f.getAttendedSessions(), f.getAuthorisedSessions(), f.getUnauthorisedSessions(),
                f.getAttendancePercent(), f.getAbsencePercent(), f.getAuthorisedPercent(), f.getUnauthorisedPercent(),
                f.getPersistentAbsentees(), f.getPersistentAbsencePercent(), f.getSevereAbsentees(),
                f.getSevereAbsencePercent());
    }

    /** The whole (school or trust) first, then each group. */
    static String groupsCsv(DashboardFigures totals, List<DashboardFigures> groups) {
        CsvWriter csv = new CsvWriter().row(FIGURE_HEADER);
        Stream.concat(Stream.of(totals), groups.stream()).forEach(f -> csv.row(cells(f)));
        return csv.toString();
    }

    static String weeksCsv(List<DashboardWeek> weeks) {
        CsvWriter csv = new CsvWriter().row("week", "week commencing", "possible sessions", "attendance %", "absence %",
                "unauthorised %", "persistent absence % to date", "last year attendance %",
                "last year persistent absence % to date");
        for (DashboardWeek w : weeks) {
            csv.row(w.getWeek(), w.getWeekCommencing().toString(), w.getPossibleSessions(), w.getAttendancePercent(),
                    w.getAbsencePercent(), w.getUnauthorisedPercent(), w.getPersistentAbsencePercent(),
                    w.getLastYearAttendancePercent(), w.getLastYearPersistentAbsencePercent());
        }
        return csv.toString();
    }

    /** The trust first (no school id), then each school. */
    static String schoolsCsv(TrustDashboard trust) {
        List<String> header = new ArrayList<>(List.of("school id", "school"));
        header.addAll(FIGURE_HEADER);
        header.addAll(List.of("last year attendance %", "last year persistent absence %"));
        CsvWriter csv = new CsvWriter().row(header);
        List<Object> first = new ArrayList<>(Arrays.asList(null, "Trust"));
        first.addAll(cells(trust.getTotals()));
        first.addAll(Arrays.asList(Optional.ofNullable(trust.getLastYear()).map(DashboardFigures::getAttendancePercent).orElse(null),
                Optional.ofNullable(trust.getLastYear()).map(DashboardFigures::getPersistentAbsencePercent).orElse(null)));
        csv.row(first);
        for (DashboardSchoolRow s : trust.getSchools()) {
            List<Object> row = new ArrayList<>(Arrays.asList(s.getSchoolId(), s.getSchoolName()));
            row.addAll(cells(s.getFigures()));
            row.addAll(Arrays.asList(s.getLastYearAttendancePercent(), s.getLastYearPersistentAbsencePercent()));
            csv.row(row);
        }
        return csv.toString();
    }
}
