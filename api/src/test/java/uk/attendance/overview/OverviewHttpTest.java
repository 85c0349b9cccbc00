package uk.attendance.overview;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worked cases from the rule book, through HTTP, on the fixture calendar for 2025-26 (INSET 1-2 Sep, half-term 27-31 Oct). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewHttpTest {

    @jakarta.inject.Inject
    javax.sql.DataSource markMonthsDataSource;

    @org.junit.jupiter.api.AfterAll
    void markMonthsKeptInStep() throws java.sql.SQLException {
        uk.attendance.register.MarkMonthsConsistency.assertKeptInStep(markMonthsDataSource);
    }
    private static final Argument<Map<String, Object>> JSON = Json.OBJECT;
    private static final Argument<List<Map<String, Object>>> JSON_LIST = Json.LIST;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;

    SchoolRecord school;
    PupilRecord eightyFive;
    PupilRecord holiday;
    PupilRecord fourG;
    PupilRecord truant;
    PupilRecord poorly;
    String parentOfEightyFive;
    String officer;
    String admin;

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        school = fixtures.school(trust);
        LocalDate admitted = LocalDate.parse("2025-09-01");
        eightyFive = fixtures.pupil(school, "5A", admitted);
        holiday = fixtures.pupil(school, "5A", admitted);
        fourG = fixtures.pupil(school, "5A", admitted);
        truant = fixtures.pupil(school, "5A", admitted);
        poorly = fixtures.pupil(school, "5A", admitted);
        parentOfEightyFive = fixtures.token(fixtures.parentOf(trust, eightyFive));
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));

        List<Map<String, Object>> rows = new ArrayList<>();
        // 3-16 Sep: 20 sessions; ill all of Fri 5 Sep, after the register closed on Wed 10 Sep AM -> 17/20 = 85.0 %.
        for (LocalDate d : schoolDays("2025-09-03", "2025-09-16")) {
            String am = d.toString().equals("2025-09-05") ? "I" : d.toString().equals("2025-09-10") ? "U" : "/";
            String pm = d.toString().equals("2025-09-05") ? "I" : "\\";
            rows.add(mark(eightyFive, d, "AM", am));
            rows.add(mark(eightyFive, d, "PM", pm));
        }
        rows.add(mark(eightyFive, LocalDate.parse("2025-10-24"), "AM", "/"));
        rows.add(mark(eightyFive, LocalDate.parse("2025-10-24"), "PM", "V"));
        // A week's holiday in term time: 10 sessions of G, 6-10 Oct -> threshold reached on Fri 10 Oct PM.
        for (LocalDate d : schoolDays("2025-10-06", "2025-10-10")) {
            rows.add(mark(holiday, d, "AM", "G"));
            rows.add(mark(holiday, d, "PM", "G"));
        }
        // Four sessions of G: a notice, 6 left.
        for (LocalDate d : schoolDays("2025-10-06", "2025-10-07")) {
            rows.add(mark(fourG, d, "AM", "G"));
            rows.add(mark(fourG, d, "PM", "G"));
        }
        // Ten continuous school days of O (3-14 Nov): an attendance return due on Fri 14 Nov.
        for (LocalDate d : schoolDays("2025-11-03", "2025-11-14")) {
            rows.add(mark(truant, d, "AM", "O"));
            rows.add(mark(truant, d, "PM", "O"));
        }
        // Fifteen school days of illness (17 Nov - 5 Dec): a sickness return due on Fri 5 Dec.
        for (LocalDate d : schoolDays("2025-11-17", "2025-12-05")) {
            rows.add(mark(poorly, d, "AM", "I"));
            rows.add(mark(poorly, d, "PM", "I"));
        }
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", rows)).bearerAuth(admin));
    }

    @Test
    void aParentSeesTheFiguresOfTheRuleBook() {
        Map<String, Object> s = get("/pupils/" + eightyFive.id() + "/attendance?from=2025-09-03&to=2025-09-16", parentOfEightyFive);
        @SuppressWarnings("unchecked") Map<String, Object> sessions = (Map<String, Object>) s.get("sessions");
        assertEquals(20, sessions.get("possible"));
        assertEquals(17, sessions.get("attended"));
        assertEquals(2, sessions.get("authorised"));
        assertEquals(1, sessions.get("unauthorised"));
        assertEquals(1, sessions.get("lateAfterClose"));
        assertEquals(85.0, ((Number) s.get("attendancePercent")).doubleValue());
        assertEquals(15.0, ((Number) s.get("absencePercent")).doubleValue());
        assertEquals(Map.of("numerator", 17, "denominator", 20), s.get("attendanceExact"));
        assertEquals(true, s.get("persistentAbsence"));
        assertEquals(false, s.get("severeAbsence"));
        assertEquals(1.5, ((Number) s.get("daysMissed")).doubleValue());
        assertEquals(7.5, ((Number) s.get("learningHoursLost")).doubleValue());
        @SuppressWarnings("unchecked") Map<String, Object> band = (Map<String, Object>) s.get("band");
        assertEquals(85.0, ((Number) band.get("lowerBound")).doubleValue());
        @SuppressWarnings("unchecked") List<Map<String, Object>> breakdown = (List<Map<String, Object>>) s.get("breakdown");
        assertEquals(4, breakdown.size(), breakdown.toString());
        Map<String, Object> illness = breakdown.stream().filter(b -> b.get("code").equals("I")).findFirst().orElseThrow();
        assertEquals(10.0, ((Number) illness.get("share")).doubleValue());
        assertEquals("AUTHORISED", illness.get("category"));
        @SuppressWarnings("unchecked") Map<String, Object> schoolFigure = (Map<String, Object>) s.get("school");
        assertTrue(((Number) schoolFigure.get("possibleSessions")).intValue() >= 20);
        assertNotNull(schoolFigure.get("attendancePercent"));
    }

    @Test
    void theDefaultRangeIsTheAcademicYearToDate() {
        Map<String, Object> s = get("/pupils/" + eightyFive.id() + "/attendance", parentOfEightyFive);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        assertEquals(uk.attendance.school.SchoolYear.containing(today).firstDay().toString(), s.get("from"));
        assertEquals(today.toString(), s.get("to"));
        @SuppressWarnings("unchecked") Map<String, Object> sessions = (Map<String, Object>) s.get("sessions");
        assertEquals(0, sessions.get("possible"), "the fixture calendar is 2025-26 only: nothing since");
        assertFalse(s.containsKey("attendancePercent"), "no possible sessions: no percentage");
        assertEquals(false, s.get("persistentAbsence"));
    }

    @Test
    void theCalendarShowsEveryDayWithItsCodesAndWhyThereIsNoSchool() {
        Map<String, Object> c = get("/pupils/" + eightyFive.id() + "/attendance/calendar?from=2025-10-24&to=2025-11-03", parentOfEightyFive);
        @SuppressWarnings("unchecked") List<Map<String, Object>> days = (List<Map<String, Object>>) c.get("days");
        assertEquals(11, days.size());
        assertEquals("SCHOOL_DAY", days.get(0).get("dayKind"));
        @SuppressWarnings("unchecked") Map<String, Object> pm = (Map<String, Object>) days.get(0).get("pm");
        assertEquals("V", pm.get("code"));
        assertEquals("APPROVED_EDUCATIONAL_ACTIVITY", pm.get("category"));
        assertEquals("WEEKEND", days.get(1).get("dayKind"));
        assertEquals("HALF_TERM", days.get(3).get("dayKind"));
        assertEquals(false, days.get(3).get("schoolDay"));
        assertEquals("SCHOOL_DAY", days.get(10).get("dayKind"));
        assertFalse(days.get(10).containsKey("am"), "no mark recorded that day");
    }

    @Test
    void withoutARangeTheCalendarShowsTheCurrentMonth() {
        Map<String, Object> c = get("/pupils/" + eightyFive.id() + "/attendance/calendar", parentOfEightyFive);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        assertEquals(today.withDayOfMonth(1).toString(), c.get("from"));
        assertEquals(today.withDayOfMonth(today.lengthOfMonth()).toString(), c.get("to"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> days = (List<Map<String, Object>>) c.get("days");
        assertEquals(today.lengthOfMonth(), days.size());
        Map<String, Object> october = get("/pupils/" + eightyFive.id() + "/attendance/calendar?from=2025-10-20", parentOfEightyFive);
        assertEquals("2025-10-31", october.get("to"), "only from: the rest of that month");
    }

    @Test
    void aWeeksHolidayReachesThePenaltyThresholdOnItsLastSession() {
        Map<String, Object> p = get("/pupils/" + holiday.id() + "/attendance/penalty-notice?asOf=2025-10-20", officer);
        assertEquals(true, p.get("applies"));
        assertEquals(true, p.get("reached"));
        assertEquals("2025-10-10", p.get("reachedOn"));
        assertEquals("PM", p.get("reachedSession"));
        assertEquals("REACHED", p.get("level"));
        assertEquals(false, p.get("provisional"));
        assertTrue(String.valueOf(p.get("explanation")).contains("£160"));
        assertTrue(String.valueOf(p.get("explanation")).contains("£80"));
        assertTrue(String.valueOf(p.get("explanation")).contains("21 days"));
    }

    @Test
    void fourSessionsOfHolidayLeaveSixBeforeTheThreshold() {
        Map<String, Object> p = get("/pupils/" + fourG.id() + "/attendance/penalty-notice?asOf=2025-10-20", officer);
        assertEquals(false, p.get("reached"));
        assertEquals(4, p.get("count"));
        assertEquals(6, p.get("sessionsLeft"));
        assertEquals("NOTICE", p.get("level"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> counted = (List<Map<String, Object>>) p.get("countedSessions");
        assertEquals(4, counted.size());
        @SuppressWarnings("unchecked") List<Map<String, Object>> weeks = (List<Map<String, Object>>) p.get("schoolWeeks");
        assertEquals(8, weeks.size(), "school weeks since term began: the weeks of 1 Sep to 20 Oct");
    }

    @Test
    void staffListPupilsOfConcern() {
        List<Map<String, Object>> persistent = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + school.id()
                + "/attendance/pupils?concern=PERSISTENT&asOf=2025-09-16").bearerAuth(officer), JSON_LIST);
        assertTrue(persistent.stream().anyMatch(l -> ((Number) l.get("pupilId")).longValue() == eightyFive.id()));
        List<Map<String, Object>> reached = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + school.id()
                + "/attendance/pupils?concern=THRESHOLD_REACHED&asOf=2025-10-20").bearerAuth(officer), JSON_LIST);
        assertEquals(List.of(holiday.id()), reached.stream().map(l -> ((Number) l.get("pupilId")).longValue()).toList());
    }

    @Test
    void staffSeeReturnsDueWithTheDateEachBecameDue() {
        Map<String, Object> due = get("/schools/" + school.id() + "/attendance/returns-due?asOf=2025-12-10", officer);
        @SuppressWarnings("unchecked") List<Map<String, Object>> attendance = (List<Map<String, Object>>) due.get("attendanceReturns");
        Map<String, Object> truancy = attendance.stream().filter(l -> ((Number) l.get("pupilId")).longValue() == truant.id()).findFirst().orElseThrow();
        assertEquals("2025-11-14", truancy.get("dueOn"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> sickness = (List<Map<String, Object>>) due.get("sicknessReturns");
        Map<String, Object> ill = sickness.stream().filter(l -> ((Number) l.get("pupilId")).longValue() == poorly.id()).findFirst().orElseThrow();
        assertEquals("2025-12-05", ill.get("dueOn"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "attendance?from=2025-09-16&to=2025-09-03 | from",
            "attendance?from=2025-08-01&to=2025-09-03 | from",
            "attendance?from=2025-09-03&to=2099-01-01 | to",
            "attendance?from=2025-02-30 | from",
            "attendance/calendar?from=2025-09-01&to=2027-01-01 | to",
            "attendance/penalty-notice?asOf=2099-01-01 | asOf",
            "attendance/penalty-notice?asOf=2025-08-31 | asOf",
            "attendance/penalty-notice?asOf=yesterday | asOf"})
    void badDatesAreProblemsNamingTheParameter(String query, String field) {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/pupils/" + eightyFive.id() + "/" + query).bearerAuth(parentOfEightyFive), String.class));
        uk.attendance.support.Problems.assertProblem(e, 400, field, "");
    }

    private Map<String, Object> get(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), JSON);
    }

    private static Map<String, Object> mark(PupilRecord p, LocalDate d, String session, String code) {
        return Map.of("pupilId", p.id(), "date", d.toString(), "session", session, "code", code);
    }

    private static List<LocalDate> schoolDays(String from, String to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }
}
