package uk.attendance.patterns;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.AbsencePattern;
import uk.attendance.contract.model.AbsencePatternKind;
import uk.attendance.contract.model.AcademicYearInput;
import uk.attendance.contract.model.ChartData;
import uk.attendance.contract.model.LastYearPersistentAbsence;
import uk.attendance.contract.model.LastYearPersistentAbsentee;
import uk.attendance.contract.model.LatenessLine;
import uk.attendance.contract.model.LatenessList;
import uk.attendance.contract.model.PatternPupil;
import uk.attendance.contract.model.PatternPupils;
import uk.attendance.contract.model.SessionAbsence;
import uk.attendance.contract.model.Term;
import uk.attendance.contract.model.TrustAbsencePatterns;
import uk.attendance.contract.model.WeekdayAbsence;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolYear;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Patterns and watch lists through HTTP on marks imported as a MIS would (fixture calendar 2025-26, half-term
 * 27-31 Oct; a 2024-25 calendar added for last year). Expected figures come from the marks the test wrote or from an
 * SQL aggregate over {@code mark}, never from the code under test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.clock.fixed", value = "2025-11-20T07:00:00Z")
class PatternsHttpTest {
    private static final LocalDate THIS_YEAR_FIRST = LocalDate.parse("2025-09-03");
    private static final LocalDate THIS_YEAR_LAST = LocalDate.parse("2025-11-19");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    CalendarService calendars;
    @Inject
    DataSource dataSource;

    TrustRecord trust;
    SchoolRecord school;
    SchoolRecord sister;
    PupilRecord mondayFriday;
    PupilRecord afternoons;
    PupilRecord lateL;
    PupilRecord lateU;
    PupilRecord paLastYear;
    PupilRecord exactlyTenPerCent;
    PupilRecord notPaLastYear;
    PupilRecord sisterPupil;
    String officer;
    String teacher;
    String sisterOfficer;
    String admin;
    String otherTrustAdmin;

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        sister = fixtures.school(trust);
        calendars.replaceYear(school.id(), SchoolYear.parse("2024-25").orElseThrow(), new AcademicYearInput(List.of(
                new Term("Autumn", LocalDate.parse("2024-09-02"), LocalDate.parse("2024-12-20")),
                new Term("Spring", LocalDate.parse("2025-01-06"), LocalDate.parse("2025-04-04")),
                new Term("Summer", LocalDate.parse("2025-04-22"), LocalDate.parse("2025-07-22")))));
        LocalDate admitted = LocalDate.parse("2025-09-01");
        LocalDate admittedLastYear = LocalDate.parse("2024-09-02");
        mondayFriday = fixtures.pupil(school, "4B", admitted);
        afternoons = fixtures.pupil(school, "4B", admitted);
        lateL = fixtures.pupil(school, "4C", admitted);
        lateU = fixtures.pupil(school, "4C", admitted);
        paLastYear = fixtures.pupil(school, "5A", admittedLastYear);
        exactlyTenPerCent = fixtures.pupil(school, "5A", admittedLastYear);
        notPaLastYear = fixtures.pupil(school, "5A", admittedLastYear);
        sisterPupil = fixtures.pupil(sister, "3A", admitted);
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        sisterOfficer = fixtures.token(fixtures.staff(trust, Optional.of(sister), Roles.ATTENDANCE_OFFICER));
        admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));
        TrustRecord otherTrust = fixtures.trust();
        otherTrustAdmin = fixtures.token(fixtures.staff(otherTrust, Optional.empty(), Roles.TRUST_ADMIN));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDate d : schoolDays(THIS_YEAR_FIRST, THIS_YEAR_LAST)) {
            boolean monFri = d.getDayOfWeek() == DayOfWeek.MONDAY || d.getDayOfWeek() == DayOfWeek.FRIDAY;
            // absent (O) every Monday and Friday, present otherwise
            day(rows, mondayFriday, d, monFri ? "O" : "/", monFri ? "O" : "\\");
            // absent every Tuesday and Wednesday afternoon
            boolean tueWed = d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.WEDNESDAY;
            day(rows, afternoons, d, "/", tueWed ? "O" : "\\");
            // late before the register closed on 3-6 Nov (and once on 15 Sep, before the 6-week window)
            day(rows, lateL, d, Set.of("2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-09-15")
                    .contains(d.toString()) ? "L" : "/", "\\");
            // late after it closed on 10-12 Nov
            day(rows, lateU, d, Set.of("2025-11-10", "2025-11-11", "2025-11-12").contains(d.toString()) ? "U" : "/", "\\");
            // ill on one day this year
            String ill = d.toString().equals("2025-10-08") ? "I" : null;
            day(rows, paLastYear, d, ill == null ? "/" : ill, ill == null ? "\\" : ill);
            // ill on six Wednesdays and Thursdays in September: 12 of 102 sessions, persistently absent still
            boolean poorly = Set.of("2025-09-10", "2025-09-11", "2025-09-17", "2025-09-18", "2025-09-24", "2025-09-25")
                    .contains(d.toString());
            day(rows, exactlyTenPerCent, d, poorly ? "I" : "/", poorly ? "I" : "\\");
            day(rows, notPaLastYear, d, "/", "\\");
            day(rows, sisterPupil, d, monFri ? "O" : "/", "\\");
        }
        // last year, 2 Sep - 11 Oct 2024: 30 days, 60 sessions each
        for (LocalDate d : schoolDays(LocalDate.parse("2024-09-02"), LocalDate.parse("2024-10-11"))) {
            // 8 absent: 52/60 = 86.7 %
            boolean ill = Set.of("2024-09-09", "2024-09-16", "2024-09-23", "2024-09-30").contains(d.toString());
            day(rows, paLastYear, d, ill ? "I" : "/", ill ? "I" : "\\");
            // 6 absent: exactly 90.0 %, persistent absence
            boolean away = Set.of("2024-09-10", "2024-09-17", "2024-09-24").contains(d.toString());
            day(rows, exactlyTenPerCent, d, away ? "G" : "/", away ? "G" : "\\");
            // 5 absent: 91.7 %, not persistent absence
            boolean off = Set.of("2024-09-11", "2024-09-18").contains(d.toString());
            String third = d.toString().equals("2024-09-25") ? "M" : "/";
            day(rows, notPaLastYear, d, off ? "I" : third, off ? "I" : "\\");
        }
        importMarks(school, rows.stream().filter(r -> !r.get("pupilId").equals(sisterPupil.id())).toList());
        importMarks(sister, rows.stream().filter(r -> r.get("pupilId").equals(sisterPupil.id())).toList());
    }

    @AfterAll
    void markMonthsKeptInStep() throws SQLException {
        uk.attendance.register.MarkMonthsConsistency.assertKeptInStep(dataSource);
    }

    @Test
    void theSchoolsWeekdaysAndSessionsAreTheMarksCountedBySql() throws SQLException {
        AbsencePattern p = get("/schools/" + school.id() + "/attendance/patterns", officer, AbsencePattern.class);
        assertEquals(LocalDate.parse("2025-09-01"), p.getFrom());
        assertEquals(LocalDate.parse("2025-11-20"), p.getTo());
        Map<String, long[]> sql = sqlCounts(school.id(), LocalDate.parse("2025-09-01"), LocalDate.parse("2025-11-20"));
        List<DayOfWeek> days = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertEquals(5, p.getWeekdays().size());
        long possible = 0;
        long absent = 0;
        for (int i = 0; i < 5; i++) {
            WeekdayAbsence w = p.getWeekdays().get(i);
            assertEquals(days.get(i).name(), w.getDay().getValue());
            long[] am = sql.get((days.get(i).getValue() + 1) + " AM");
            long[] pm = sql.get((days.get(i).getValue() + 1) + " PM");
            assertEquals(am[0] + pm[0], w.getPossibleSessions(), w.getDay().getValue());
            assertEquals(am[1] + pm[1], w.getAuthorisedSessions(), w.getDay().getValue());
            assertEquals(am[2] + pm[2], w.getUnauthorisedSessions(), w.getDay().getValue());
            assertEquals(am[1] + pm[1] + am[2] + pm[2], w.getAbsentSessions());
            assertEquals(percent(am[1] + pm[1] + am[2] + pm[2], am[0] + pm[0]), w.getAbsencePercent());
            assertEquals(percent(am[1] + am[2], am[0]), w.getAmAbsencePercent());
            assertEquals(percent(pm[1] + pm[2], pm[0]), w.getPmAbsencePercent());
            possible += w.getPossibleSessions();
            absent += w.getAbsentSessions();
        }
        for (SessionAbsence s : p.getSessions()) {
            long[] sum = new long[3];
            for (DayOfWeek d : days) {
                long[] c = sql.get((d.getValue() + 1) + " " + s.getSession().getValue());
                for (int k = 0; k < 3; k++) {
                    sum[k] += c[k];
                }
            }
            assertEquals(sum[0], s.getPossibleSessions());
            assertEquals(sum[1] + sum[2], s.getAbsentSessions());
            assertEquals(percent(sum[1] + sum[2], sum[0]), s.getAbsencePercent());
        }
        assertEquals(possible, p.getPossibleSessions());
        assertEquals(absent, p.getAbsentSessions());
        // Mondays and Fridays stand out: the Monday-and-Friday pupil's 2 sessions a day
        assertTrue(p.getWeekdays().get(0).getAbsencePercent().compareTo(p.getWeekdays().get(3).getAbsencePercent()) > 0);

        // the CSV holds the same table, row for row
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("Breakdown", "Label", "Possible sessions", "Absent sessions", "Authorised absent sessions",
                "Unauthorised absent sessions", "Absence %", "AM absence %", "PM absence %"));
        for (WeekdayAbsence w : p.getWeekdays()) {
            String label = w.getDay().getValue().charAt(0) + w.getDay().getValue().substring(1).toLowerCase();
            expected.add(List.of("Weekday", label, s(w.getPossibleSessions()), s(w.getAbsentSessions()), s(w.getAuthorisedSessions()),
                    s(w.getUnauthorisedSessions()), s(w.getAbsencePercent()), s(w.getAmAbsencePercent()), s(w.getPmAbsencePercent())));
        }
        for (SessionAbsence x : p.getSessions()) {
            expected.add(List.of("Session", x.getSession().getValue(), s(x.getPossibleSessions()), s(x.getAbsentSessions()),
                    s(x.getAuthorisedSessions()), s(x.getUnauthorisedSessions()), s(x.getAbsencePercent()), "", ""));
        }
        assertEquals(expected, csv("/schools/" + school.id() + "/attendance/patterns/csv", officer,
                "absence-pattern-" + school.id() + "-2025-09-01-2025-11-20.csv"));

        // and the chart: Monday to Friday, all sessions, AM and PM
        ChartData chart = get("/schools/" + school.id() + "/attendance/patterns/chart", officer, ChartData.class);
        assertEquals(List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"), chart.getLabels());
        assertEquals(List.of("All sessions", "AM", "PM"), chart.getSeries().stream().map(x -> x.getName()).toList());
        assertEquals(p.getWeekdays().stream().map(WeekdayAbsence::getAbsencePercent).toList(), chart.getSeries().get(0).getValues());
        assertEquals(p.getWeekdays().stream().map(WeekdayAbsence::getAmAbsencePercent).toList(), chart.getSeries().get(1).getValues());
        assertEquals(p.getWeekdays().stream().map(WeekdayAbsence::getPmAbsencePercent).toList(), chart.getSeries().get(2).getValues());
    }

    @Test
    void aRangeCutsTheFigures() throws SQLException {
        AbsencePattern p = get("/schools/" + school.id() + "/attendance/patterns?from=2025-11-03&to=2025-11-07", officer,
                AbsencePattern.class);
        Map<String, long[]> sql = sqlCounts(school.id(), LocalDate.parse("2025-11-03"), LocalDate.parse("2025-11-07"));
        long[] mondayAm = sql.get("2 AM");
        assertEquals(mondayAm[0] + sql.get("2 PM")[0], p.getWeekdays().get(0).getPossibleSessions());
        assertEquals(7 * 2, p.getWeekdays().get(0).getPossibleSessions()); // seven pupils of this school, one Monday
    }

    @Test
    void pupilsAbsentOnMondaysAndFridaysOrAfternoonsAreFlagged() {
        PatternPupils list = get("/schools/" + school.id() + "/attendance/patterns/pupils", officer, PatternPupils.class);
        assertEquals(6, list.getMinAbsentSessions());
        Map<Long, PatternPupil> byId = new HashMap<>();
        list.getPupils().forEach(p -> byId.put(p.getPupilId(), p));
        assertEquals(Set.of(mondayFriday.id(), afternoons.id()), byId.keySet());

        List<LocalDate> days = schoolDays(THIS_YEAR_FIRST, THIS_YEAR_LAST);
        long mondays = days.stream().filter(d -> d.getDayOfWeek() == DayOfWeek.MONDAY).count();
        long fridays = days.stream().filter(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY).count();
        long tuesWeds = days.stream().filter(d -> d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.WEDNESDAY).count();
        PatternPupil mf = byId.get(mondayFriday.id());
        assertEquals(List.of(AbsencePatternKind.MONDAY_FRIDAY), mf.getPatterns());
        assertEquals(2L * days.size(), mf.getPossibleSessions());
        assertEquals(2 * (mondays + fridays), mf.getAbsentSessions());
        assertEquals(2 * mondays, mf.getMondayAbsentSessions());
        assertEquals(2 * fridays, mf.getFridayAbsentSessions());
        assertEquals(0L, mf.getTuesdayAbsentSessions());
        assertEquals(new BigDecimal("100.0"), mf.getMondayFridayPercent());
        assertEquals(new BigDecimal("50.0"), mf.getAfternoonPercent());
        assertEquals(percent(2 * (mondays + fridays), 2L * days.size()), mf.getAbsencePercent());

        PatternPupil pm = byId.get(afternoons.id());
        assertEquals(List.of(AbsencePatternKind.AFTERNOON), pm.getPatterns());
        assertEquals(tuesWeds, pm.getPmAbsentSessions());
        assertEquals(0L, pm.getAmAbsentSessions());
        assertEquals(new BigDecimal("100.0"), pm.getAfternoonPercent());

        // not flagged: late pupils (L is present; 3 U are too few), the pupil absent on Wednesdays and Thursdays
        assertFalse(byId.containsKey(lateL.id()));
        assertFalse(byId.containsKey(lateU.id()));
        assertFalse(byId.containsKey(exactlyTenPerCent.id()));
        // most absent first
        assertEquals(mondayFriday.id(), list.getPupils().get(0).getPupilId());

        // one pattern only
        PatternPupils afternoonsOnly = get("/schools/" + school.id() + "/attendance/patterns/pupils?pattern=AFTERNOON", officer,
                PatternPupils.class);
        assertEquals(List.of(afternoons.id()), afternoonsOnly.getPupils().stream().map(PatternPupil::getPupilId).toList());

        // the CSV holds the same lines
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("Pupil id", "Name", "Year group", "Registration group", "Possible sessions", "Absent sessions",
                "Absence %", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Monday and Friday %", "AM absent sessions",
                "PM absent sessions", "Afternoon %", "Patterns"));
        for (PatternPupil p : list.getPupils()) {
            expected.add(List.of(s(p.getPupilId()), p.getName(), s(p.getYearGroup()), p.getRegistrationGroup(), s(p.getPossibleSessions()),
                    s(p.getAbsentSessions()), s(p.getAbsencePercent()), s(p.getMondayAbsentSessions()), s(p.getTuesdayAbsentSessions()),
                    s(p.getWednesdayAbsentSessions()), s(p.getThursdayAbsentSessions()), s(p.getFridayAbsentSessions()),
                    s(p.getMondayFridayPercent()), s(p.getAmAbsentSessions()), s(p.getPmAbsentSessions()), s(p.getAfternoonPercent()),
                    String.join(" ", p.getPatterns().stream().map(AbsencePatternKind::getValue).toList())));
        }
        assertEquals(expected, csv("/schools/" + school.id() + "/attendance/patterns/pupils/csv", officer,
                "absence-pattern-pupils-" + school.id() + "-2025-09-01-2025-11-20.csv"));
    }

    @Test
    void frequentLatenessListsLAndUSeparately() {
        LatenessList list = get("/schools/" + school.id() + "/attendance/lateness?weeks=6&minSessions=3", officer, LatenessList.class);
        // six school weeks ending with the week of 20 Nov, half-term skipped: from Monday 6 Oct
        assertEquals(LocalDate.parse("2025-10-06"), list.getFrom());
        assertEquals(LocalDate.parse("2025-11-20"), list.getTo());
        assertEquals(6, list.getSchoolWeeks());
        assertEquals(List.of(lateL.id(), lateU.id()), list.getPupils().stream().map(LatenessLine::getPupilId).toList());
        long windowSessions = 2L * schoolDays(LocalDate.parse("2025-10-06"), THIS_YEAR_LAST).size();
        LatenessLine l = list.getPupils().get(0);
        assertEquals(4L, l.getLateSessions()); // the L of 15 Sep is outside the window
        assertEquals(0L, l.getLateAfterCloseSessions());
        assertEquals(windowSessions, l.getPossibleSessions());
        assertEquals(lateL.registrationGroup(), l.getRegistrationGroup());
        assertEquals(lateL.firstName() + " " + lateL.lastName(), l.getName());
        LatenessLine u = list.getPupils().get(1);
        assertEquals(0L, u.getLateSessions());
        assertEquals(3L, u.getLateAfterCloseSessions());

        // only U counted; a longer window reaches the September L; a higher bar leaves U out
        assertEquals(List.of(lateU.id()), get("/schools/" + school.id() + "/attendance/lateness?code=U", officer, LatenessList.class)
                .getPupils().stream().map(LatenessLine::getPupilId).toList());
        LatenessList longer = get("/schools/" + school.id() + "/attendance/lateness?weeks=39&minSessions=4", officer, LatenessList.class);
        assertEquals(List.of(lateL.id()), longer.getPupils().stream().map(LatenessLine::getPupilId).toList());
        assertEquals(5L, longer.getPupils().get(0).getLateSessions());
        // 39 school weeks: 11 this year, 14 of last summer term, 13 of spring, and the last week of last autumn term
        assertEquals(LocalDate.parse("2024-12-16"), longer.getFrom());

        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("Pupil id", "Name", "Year group", "Registration group", "Possible sessions", "Late (L)",
                "Late after register closed (U)"));
        for (LatenessLine x : list.getPupils()) {
            expected.add(List.of(s(x.getPupilId()), x.getName(), s(x.getYearGroup()), x.getRegistrationGroup(), s(x.getPossibleSessions()),
                    s(x.getLateSessions()), s(x.getLateAfterCloseSessions())));
        }
        assertEquals(expected, csv("/schools/" + school.id() + "/attendance/lateness/csv?weeks=6&minSessions=3", officer,
                "lateness-" + school.id() + "-2025-10-06-2025-11-20.csv"));
    }

    @Test
    void lastYearsPersistentAbsenteesWithBothYears() {
        LastYearPersistentAbsence list = get("/schools/" + school.id() + "/attendance/persistent-absence-last-year", officer,
                LastYearPersistentAbsence.class);
        assertEquals("2024-25", list.getLastYear());
        assertEquals(LocalDate.parse("2025-09-01"), list.getThisYearFrom());
        assertEquals(LocalDate.parse("2025-11-20"), list.getAsOf());
        assertEquals(List.of(paLastYear.id(), exactlyTenPerCent.id()),
                list.getPupils().stream().map(LastYearPersistentAbsentee::getPupilId).toList());
        long thisYear = 2L * schoolDays(THIS_YEAR_FIRST, THIS_YEAR_LAST).size();
        LastYearPersistentAbsentee pa = list.getPupils().get(0);
        assertEquals(60L, pa.getLastYearPossibleSessions());
        assertEquals(8L, pa.getLastYearAbsentSessions());
        assertEquals(new BigDecimal("86.7"), pa.getLastYearAttendancePercent());
        assertEquals(thisYear, pa.getThisYearPossibleSessions());
        assertEquals(2L, pa.getThisYearAbsentSessions());
        assertEquals(percent(thisYear - 2, thisYear), pa.getThisYearAttendancePercent());
        assertFalse(pa.getStillPersistentAbsence());
        LastYearPersistentAbsentee boundary = list.getPupils().get(1);
        assertEquals(new BigDecimal("90.0"), boundary.getLastYearAttendancePercent());
        assertEquals(12L, boundary.getThisYearAbsentSessions());
        assertEquals(12 * 10 >= thisYear, boundary.getStillPersistentAbsence());
        assertTrue(boundary.getStillPersistentAbsence());

        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("Pupil id", "Name", "Year group", "Registration group", "Last year possible sessions",
                "Last year absent sessions", "Last year attendance %", "This year possible sessions", "This year absent sessions",
                "This year attendance %", "Still persistently absent"));
        for (LastYearPersistentAbsentee x : list.getPupils()) {
            expected.add(List.of(s(x.getPupilId()), x.getName(), s(x.getYearGroup()), x.getRegistrationGroup(),
                    s(x.getLastYearPossibleSessions()), s(x.getLastYearAbsentSessions()), s(x.getLastYearAttendancePercent()),
                    s(x.getThisYearPossibleSessions()), s(x.getThisYearAbsentSessions()), s(x.getThisYearAttendancePercent()),
                    x.getStillPersistentAbsence() ? "yes" : "no"));
        }
        assertEquals(expected, csv("/schools/" + school.id() + "/attendance/persistent-absence-last-year/csv", officer,
                "persistent-absence-2024-25-" + school.id() + ".csv"));
    }

    @Test
    void staffSeeOnlyTheirSchoolAndATrustAdminSeesTheTrust() {
        for (String path : List.of("patterns", "patterns/csv", "patterns/chart", "patterns/pupils", "patterns/pupils/csv",
                "lateness", "lateness/csv", "persistent-absence-last-year", "persistent-absence-last-year/csv")) {
            String uri = "/schools/" + school.id() + "/attendance/" + path;
            assertEquals(404, status(uri, sisterOfficer), uri);
            assertEquals(404, status(uri, otherTrustAdmin), uri);
            assertEquals(403, status(uri, teacher), uri);
            assertEquals(200, status(uri, admin), uri);
        }
        assertEquals(403, status("/trust/attendance/patterns", officer));
        assertEquals(403, status("/trust/attendance/patterns/csv", officer));

        TrustAbsencePatterns trustView = get("/trust/attendance/patterns", admin, TrustAbsencePatterns.class);
        Map<Long, AbsencePattern> bySchool = new HashMap<>();
        trustView.getSchools().forEach(p -> bySchool.put(p.getSchoolId(), p));
        assertEquals(Set.of(school.id(), sister.id()), bySchool.keySet());
        // the sister school's one pupil: absent every Monday and Friday morning
        List<LocalDate> days = schoolDays(THIS_YEAR_FIRST, THIS_YEAR_LAST);
        long mondays = days.stream().filter(d -> d.getDayOfWeek() == DayOfWeek.MONDAY).count();
        AbsencePattern sisterPattern = bySchool.get(sister.id());
        assertEquals(2 * mondays, sisterPattern.getWeekdays().get(0).getPossibleSessions());
        assertEquals(mondays, sisterPattern.getWeekdays().get(0).getAbsentSessions());
        assertEquals(new BigDecimal("100.0"), sisterPattern.getWeekdays().get(0).getAmAbsencePercent());
        assertEquals(new BigDecimal("0.0"), sisterPattern.getWeekdays().get(0).getPmAbsencePercent());
        assertEquals(get("/schools/" + school.id() + "/attendance/patterns", officer, AbsencePattern.class).getWeekdays(),
                bySchool.get(school.id()).getWeekdays());
        // another trust's admin sees none of these schools
        assertTrue(get("/trust/attendance/patterns", otherTrustAdmin, TrustAbsencePatterns.class).getSchools().isEmpty());

        List<List<String>> rows = csv("/trust/attendance/patterns/csv", admin, "trust-absence-pattern-2025-09-01-2025-11-20.csv");
        assertEquals(1 + trustView.getSchools().size(), rows.size());
        for (int i = 0; i < trustView.getSchools().size(); i++) {
            AbsencePattern p = trustView.getSchools().get(i);
            List<String> expected = new ArrayList<>(List.of(s(p.getSchoolId()), p.getSchoolName(), s(p.getPossibleSessions()),
                    s(p.getAbsentSessions()), s(p.getAbsencePercent())));
            p.getWeekdays().forEach(w -> expected.add(s(w.getAbsencePercent())));
            p.getSessions().forEach(x -> expected.add(s(x.getAbsencePercent())));
            assertEquals(expected, rows.get(i + 1));
        }
    }

    @Test
    void badParametersAreNamed() {
        assertEquals(400, status("/schools/" + school.id() + "/attendance/patterns?from=2025-11-10&to=2025-11-01", officer));
        assertEquals(400, status("/schools/" + school.id() + "/attendance/patterns?from=2024-01-01&to=2025-11-01", officer));
        assertEquals(400, status("/schools/" + school.id() + "/attendance/lateness?weeks=40", officer));
        assertEquals(400, status("/schools/" + school.id() + "/attendance/lateness?minSessions=0", officer));
        assertEquals(400, status("/schools/" + school.id() + "/attendance/lateness?asOf=2025-11-21", officer));
        assertEquals(400, status("/schools/" + school.id() + "/attendance/patterns/pupils?minAbsentSessions=401", officer));
    }

    // ---- helpers

    /** Possible, authorised and unauthorised sessions by MySQL DAYOFWEEK (2 = Monday) and session, straight from mark. */
    private Map<String, long[]> sqlCounts(long schoolId, LocalDate from, LocalDate to) throws SQLException {
        String possible = "('/', '\\\\', 'L', 'K', 'V', 'P', 'W', 'B', 'C', 'C1', 'C2', 'E', 'I', 'J1', 'M', 'R', 'S', 'T', 'G', 'N', 'O', 'U')";
        String sql = "SELECT DAYOFWEEK(session_date), session, SUM(code IN " + possible + "),"
                + " SUM(code IN ('C', 'C1', 'C2', 'E', 'I', 'J1', 'M', 'R', 'S', 'T')), SUM(code IN ('G', 'N', 'O', 'U'))"
                + " FROM mark WHERE school_id = ? AND session_date BETWEEN ? AND ? GROUP BY DAYOFWEEK(session_date), session";
        Map<String, long[]> counts = new HashMap<>();
        for (int d = 2; d <= 6; d++) {
            counts.put(d + " AM", new long[3]);
            counts.put(d + " PM", new long[3]);
        }
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, schoolId);
            s.setObject(2, from);
            s.setObject(3, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getInt(1) + " " + r.getString(2), new long[]{r.getLong(3), r.getLong(4), r.getLong(5)});
                }
            }
        }
        return counts;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static String s(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private <T> T get(String uri, String token, Class<T> type) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), type);
    }

    private int status(String uri, String token) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), byte[].class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** The CSV's rows and cells (no cell of these tables holds a comma or a quote), after checking its headers. */
    private List<List<String>> csv(String uri, String token, String fileName) {
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), byte[].class);
        assertEquals("text/csv;charset=utf-8", response.getContentType().orElseThrow().toString().replace(" ", "").toLowerCase());
        assertEquals("attachment; filename=\"" + fileName + "\"", response.header("Content-Disposition"));
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.endsWith("\r\n"));
        List<List<String>> rows = new ArrayList<>();
        for (String line : body.split("\r\n")) {
            assertFalse(line.contains("\""), line);
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    private void day(List<Map<String, Object>> rows, PupilRecord pupil, LocalDate d, String am, String pm) {
        rows.add(Map.of("pupilId", pupil.id(), "date", d.toString(), "session", "AM", "code", am));
        rows.add(Map.of("pupilId", pupil.id(), "date", d.toString(), "session", "PM", "code", pm));
    }

    private void importMarks(SchoolRecord s, List<Map<String, Object>> rows) {
        for (int i = 0; i < rows.size(); i += 5000) {
            http.toBlocking().exchange(HttpRequest.POST("/schools/" + s.id() + "/marks/import",
                    Map.of("marks", rows.subList(i, Math.min(rows.size(), i + 5000)))).bearerAuth(admin));
        }
    }

    /** Monday to Friday, without the fixture calendar's autumn half-term (27-31 Oct 2025). */
    private static List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean halfTerm = !d.isBefore(LocalDate.parse("2025-10-27")) && !d.isAfter(LocalDate.parse("2025-10-31"));
            if (!weekend && !halfTerm) {
                days.add(d);
            }
        }
        return days;
    }
}
