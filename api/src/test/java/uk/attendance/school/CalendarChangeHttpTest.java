package uk.attendance.school;

import io.micronaut.http.HttpRequest;
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
import uk.attendance.pupil.PupilRecord;
import uk.attendance.register.MarkMonthsConsistency;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A calendar change may not orphan register marks: refused with 409 naming the dates, and nothing stored changes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarChangeHttpTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;

    TrustRecord trust;
    String admin;
    String officer;
    SchoolRecord school;
    PupilRecord pupil;
    PupilRecord classmate;

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        pupil = fixtures.pupil(school, "5C");
        classmate = fixtures.pupil(school, "5C");
        admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
    }

    @AfterAll
    void markMonthsKeptInStep() throws java.sql.SQLException {
        MarkMonthsConsistency.assertKeptInStep(dataSource);
    }

    @Test
    void closingAMarkedDayIsRefusedNamingTheDateAndNothingChanges() {
        mark(pupil, "2025-11-12", "AM", "O");
        mark(pupil, "2025-11-12", "PM", "\\");
        mark(classmate, "2025-11-12", "AM", "/");
        mark(pupil, "2025-11-14", "PM", "I");
        Map<String, Object> yearBefore = get("/schools/" + school.id() + "/calendar/2025-26", admin);
        Map<String, Object> summaryBefore = get("/pupils/" + pupil.id() + "/attendance?from=2025-09-01&to=2025-12-19", officer);
        Map<String, Object> penaltyBefore = get("/pupils/" + pupil.id() + "/attendance/penalty-notice?asOf=2025-12-19", officer);

        // 12-13 Nov become INSET days (12 Nov holds three marks), 14 Nov PM a half-day closure (one mark)
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> putYear(withClosures(
                closure("2025-11-12", "2025-11-13", "INSET", "ALL_DAY"),
                closure("2025-11-14", "2025-11-14", "PLANNED_CLOSURE", "PM_ONLY"))));

        assertEquals(409, e.getStatus().getCode());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        Map<String, Object> problem = e.getResponse().getBody(Json.OBJECT).orElseThrow();
        assertEquals("https://attendance.example.org/problems/sessions-hold-marks", problem.get("type"));
        assertEquals(List.of(
                Map.of("date", "2025-11-12", "sessions", List.of("AM", "PM"), "marks", 3),
                Map.of("date", "2025-11-14", "sessions", List.of("PM"), "marks", 1)), problem.get("conflicts"));
        assertEquals(2, problem.get("conflictCount"));
        assertEquals(4, problem.get("markCount"));
        assertTrue(String.valueOf(problem.get("detail")).contains("2025-11-12 (AM, PM), 2025-11-14 (PM)"), problem.toString());
        assertFalse(problem.toString().contains("uk.attendance"), "no class names in responses");

        assertEquals(yearBefore, get("/schools/" + school.id() + "/calendar/2025-26", admin), "the stored year is unchanged");
        assertEquals("SCHOOL_DAY", day("2025-11-12").get("kind"), "the school calendar still has the day");
        assertEquals(summaryBefore, get("/pupils/" + pupil.id() + "/attendance?from=2025-09-01&to=2025-12-19", officer));
        assertEquals(penaltyBefore, get("/pupils/" + pupil.id() + "/attendance/penalty-notice?asOf=2025-12-19", officer));
    }

    @Test
    void movingTheEndOfTermOverMarkedDaysIsRefusedToo() {
        mark(classmate, "2025-12-18", "AM", "/");
        Map<String, Object> body = withClosures();
        @SuppressWarnings("unchecked") List<Map<String, Object>> terms = new ArrayList<>((List<Map<String, Object>>) body.get("terms"));
        terms.set(0, Map.of("name", "Autumn", "startDate", "2025-09-01", "endDate", "2025-12-17"));
        body.put("terms", terms);

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> putYear(body));

        assertEquals(409, e.getStatus().getCode());
        Map<String, Object> problem = e.getResponse().getBody(Json.OBJECT).orElseThrow();
        assertEquals(List.of(Map.of("date", "2025-12-18", "sessions", List.of("AM"), "marks", 1)), problem.get("conflicts"));
        assertEquals("SCHOOL_DAY", day("2025-12-18").get("kind"));
    }

    @Test
    void aChangeToUnmarkedDaysSucceeds() {
        mark(pupil, "2026-06-30", "AM", "/");
        Map<String, Object> before = get("/schools/" + school.id() + "/calendar/2025-26", admin);

        // 1 July has no marks; 30 June's afternoon has none either
        Map<String, Object> stored = putYear(withClosures(closure("2026-07-01", "2026-07-01", "INSET", "ALL_DAY"),
                closure("2026-06-30", "2026-06-30", "PLANNED_CLOSURE", "PM_ONLY")));

        assertEquals(((Number) before.get("schoolSessions")).intValue() - 3, ((Number) stored.get("schoolSessions")).intValue());
        assertEquals("INSET", day("2026-07-01").get("kind"));
        assertEquals(false, day("2026-06-30").get("pmSession"));
        Map<String, Object> read = get("/schools/" + school.id() + "/calendar/2025-26", admin);
        assertEquals(stored.get("schoolSessions"), read.get("schoolSessions"));
        assertEquals(java.util.Set.copyOf(closures(stored)), java.util.Set.copyOf(closures(read)));
        putYear(withClosures()); // back to the fixture's year for the other tests
    }

    /**
     * Rule book §1: {@code #} records a planned whole-school closure and is the one code the register takes on a day
     * with no session, so {@code #} marks stay valid when their day becomes another planned closure; they block the day
     * becoming a school session again. A "not possible" code such as Y4 (an unexpected closure, which keeps its
     * sessions) records a session the school held and blocks like any other.
     */
    @Test
    void plannedClosureMarksFollowThePlannedClosureAndNotPossibleCodesBlock() {
        mark(pupil, "2025-09-01", "AM", "#");
        mark(classmate, "2026-03-04", "AM", "Y4");

        Map<String, Object> plannedClosure = withClosures(closure("2025-09-01", "2025-09-01", "PLANNED_CLOSURE", "ALL_DAY"),
                closure("2025-09-02", "2025-09-02", "INSET", "ALL_DAY"));
        closures(plannedClosure).remove(0); // the INSET of 1-2 September
        putYear(plannedClosure);
        assertEquals("PLANNED_CLOSURE", day("2025-09-01").get("kind"), "# stays on a day that stays a planned closure");

        Map<String, Object> reopened = withClosures();
        closures(reopened).remove(0);
        HttpClientResponseException hash = assertThrows(HttpClientResponseException.class, () -> putYear(reopened));
        assertEquals(409, hash.getStatus().getCode());
        assertEquals(List.of(Map.of("date", "2025-09-01", "sessions", List.of("AM"), "marks", 1)),
                hash.getResponse().getBody(Json.OBJECT).orElseThrow().get("conflicts"));
        assertEquals("PLANNED_CLOSURE", day("2025-09-01").get("kind"));

        HttpClientResponseException y4 = assertThrows(HttpClientResponseException.class,
                () -> putYear(withClosures(closure("2026-03-04", "2026-03-04", "PLANNED_CLOSURE", "ALL_DAY"))));
        assertEquals(409, y4.getStatus().getCode());
        assertEquals(List.of(Map.of("date", "2026-03-04", "sessions", List.of("AM"), "marks", 1)),
                y4.getResponse().getBody(Json.OBJECT).orElseThrow().get("conflicts"));
        assertEquals("SCHOOL_DAY", day("2026-03-04").get("kind"));
        putYear(withClosures()); // back to the fixture's year (# on an INSET day again) for the other tests
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> closures(Map<String, Object> year) {
        return (List<Map<String, Object>>) year.get("closures");
    }

    /** The other way marks arrive, the MIS sync, refuses a non-school session by the same rule (and stores nothing). */
    @Test
    void theMisImportRefusesMarksOnDaysTheCalendarHasNoSessionFor() {
        PupilRecord imported = fixtures.pupil(school, "5C");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", List.of(
                        Map.of("pupilId", imported.id(), "date", "2025-11-20", "session", "AM", "code", "/"),
                        Map.of("pupilId", imported.id(), "date", "2025-10-28", "session", "AM", "code", "O"),
                        Map.of("pupilId", imported.id(), "date", "2025-09-02", "session", "PM", "code", "N"))))
                        .bearerAuth(admin), String.class));
        Problems.assertProblem(e, 400, "marks[1].date", "half-term");
        Problems.assertProblem(e, 400, "marks[2].date", "INSET day");
        assertEquals(List.of(), http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + imported.id()
                + "/marks?from=2025-09-01&to=2025-12-19").bearerAuth(officer), Json.LIST), "nothing stored");
    }

    private void mark(PupilRecord p, String date, String session, String code) {
        http.toBlocking().retrieve(HttpRequest.PUT("/pupils/" + p.id() + "/marks/" + date + "/" + session,
                Map.of("code", code, "reason", "Register taken")).bearerAuth(officer), Json.OBJECT);
    }

    private Map<String, Object> putYear(Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.PUT("/schools/" + school.id() + "/calendar/2025-26", body)
                .bearerAuth(admin), Json.OBJECT);
    }

    private Map<String, Object> get(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Json.OBJECT);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> day(String date) {
        Map<String, Object> calendar = get("/schools/" + school.id() + "/calendar?from=" + date + "&to=" + date, officer);
        return ((List<Map<String, Object>>) calendar.get("days")).get(0);
    }

    private static Map<String, Object> closure(String from, String to, String kind, String sessions) {
        return Map.of("startDate", from, "endDate", to, "kind", kind, "sessions", sessions);
    }

    /** The fixture's 2025-26 year with these closures added. */
    @SafeVarargs
    private static Map<String, Object> withClosures(Map<String, Object>... extra) {
        List<Map<String, Object>> closures = new ArrayList<>(List.of(
                Map.of("startDate", "2025-09-01", "endDate", "2025-09-02", "kind", "INSET", "sessions", "ALL_DAY",
                        "description", "Staff training"),
                closure("2025-10-27", "2025-10-31", "HALF_TERM", "ALL_DAY"),
                closure("2026-02-16", "2026-02-20", "HALF_TERM", "ALL_DAY"),
                closure("2026-05-25", "2026-05-29", "HALF_TERM", "ALL_DAY"),
                closure("2026-05-04", "2026-05-04", "BANK_HOLIDAY", "ALL_DAY")));
        closures.addAll(List.of(extra));
        return new java.util.HashMap<>(Map.of("terms", List.of(
                        Map.of("name", "Autumn", "startDate", "2025-09-01", "endDate", "2025-12-19"),
                        Map.of("name", "Spring", "startDate", "2026-01-05", "endDate", "2026-03-27"),
                        Map.of("name", "Summer", "startDate", "2026-04-13", "endDate", "2026-07-22")),
                "closures", closures));
    }
}
