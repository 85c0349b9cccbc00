package uk.attendance.register;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

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

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterHttpTest {

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

    TrustRecord trust;
    SchoolRecord school;
    PupilRecord pupil;
    String officer;
    String teacher;
    String admin;
    String parent;

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        pupil = fixtures.pupil(school, "4B");
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));
        ContactRecord mum = fixtures.parentOf(trust, pupil);
        parent = fixtures.token(mum);
    }

    /** Rule book §1: every code in force from 19 August 2024 with its DfE statistical category. */
    @ParameterizedTest(name = "{0} is accepted as {1}")
    @CsvSource(delimiter = '|', value = {
            "/ | PRESENT | AM | 2025-11-03",
            "\\ | PRESENT | PM | 2025-11-03",
            "L | PRESENT | AM | 2025-11-04",
            "K | APPROVED_EDUCATIONAL_ACTIVITY | PM | 2025-11-04",
            "V | APPROVED_EDUCATIONAL_ACTIVITY | AM | 2025-11-05",
            "P | APPROVED_EDUCATIONAL_ACTIVITY | PM | 2025-11-05",
            "W | APPROVED_EDUCATIONAL_ACTIVITY | AM | 2025-11-06",
            "B | APPROVED_EDUCATIONAL_ACTIVITY | PM | 2025-11-06",
            "D | NOT_POSSIBLE | AM | 2025-11-07",
            "C | AUTHORISED | PM | 2025-11-07",
            "C1 | AUTHORISED | AM | 2025-11-10",
            "C2 | AUTHORISED | PM | 2025-11-10",
            "E | AUTHORISED | AM | 2025-11-11",
            "J1 | AUTHORISED | PM | 2025-11-11",
            "M | AUTHORISED | AM | 2025-11-12",
            "S | AUTHORISED | PM | 2025-11-12",
            "T | AUTHORISED | AM | 2025-11-13",
            "R | AUTHORISED | PM | 2025-11-13",
            "I | AUTHORISED | AM | 2025-11-14",
            "X | NOT_POSSIBLE | PM | 2025-11-14",
            "Q | NOT_POSSIBLE | AM | 2025-11-17",
            "Y1 | NOT_POSSIBLE | PM | 2025-11-17",
            "Y2 | NOT_POSSIBLE | AM | 2025-11-18",
            "Y3 | NOT_POSSIBLE | PM | 2025-11-18",
            "Y4 | NOT_POSSIBLE | AM | 2025-11-19",
            "Y5 | NOT_POSSIBLE | PM | 2025-11-19",
            "Y6 | NOT_POSSIBLE | AM | 2025-11-20",
            "Y7 | NOT_POSSIBLE | PM | 2025-11-20",
            "G | UNAUTHORISED | AM | 2025-11-21",
            "N | UNAUTHORISED | PM | 2025-11-21",
            "O | UNAUTHORISED | AM | 2025-11-24",
            "U | UNAUTHORISED | PM | 2025-11-24",
            "Z | ADMINISTRATIVE | AM | 2025-11-25",
            "# | ADMINISTRATIVE | AM | 2025-09-01"})
    void everyCodeIsAcceptedWithItsCategory(String code, String category, String session, String date) {
        Map<String, Object> mark = put(officer, pupil.id(), date, session, Map.of("code", code, "reason", "Register taken"));
        assertEquals(code, mark.get("code"));
        assertEquals(category, mark.get("category"));
        assertNotNull(mark.get("meaning"));
        Map<String, Object> read = http.toBlocking().retrieve(
                get("/pupils/" + pupil.id() + "/marks/" + date + "/" + session, parent), JSON);
        assertEquals(code, read.get("code"));
    }

    @Test
    void theCodeListHasEveryCodeOfTheRuleBook() {
        List<Map<String, Object>> codes = http.toBlocking().retrieve(get("/register-codes", parent), JSON_LIST);
        assertEquals(34, codes.size());
        Map<String, Object> slash = codes.stream().filter(c -> c.get("code").equals("/")).findFirst().orElseThrow();
        assertEquals(List.of("AM"), slash.get("sessions"));
        Map<String, Object> g = codes.stream().filter(c -> c.get("code").equals("G")).findFirst().orElseThrow();
        assertEquals(true, g.get("countsTowardsPenaltyThreshold"));
    }

    @ParameterizedTest(name = "''{0}'' on {1} is rejected")
    @CsvSource(delimiter = '|', value = {
            "H | AM | is not a register code in force",
            "F | AM | is not a register code in force",
            "J | PM | is not a register code in force",
            "Y | AM | is not a register code in force",
            "i | AM | is not a register code in force",
            "n | PM | is not a register code in force",
            "/ | PM | is only for the morning (AM) register",
            "\\ | AM | is only for the afternoon (PM) register"})
    void unknownAndMisplacedCodesAreRejectedNamingTheField(String code, String session, String message) {
        var e = assertThrows(HttpClientResponseException.class,
                () -> put(officer, pupil.id(), "2025-12-01", session, Map.of("code", code, "reason", "Register taken")));
        Problems.assertProblem(e, 400, "code", message);
    }

    @ParameterizedTest(name = "no mark on {0}")
    @CsvSource(delimiter = '|', value = {
            "2025-11-01 | weekend",
            "2025-10-28 | half-term",
            "2025-12-24 | school holiday",
            "2025-09-02 | INSET day",
            "2026-05-04 | bank holiday"})
    void marksAreOnlyForSchoolSessions(String date, String why) {
        var e = assertThrows(HttpClientResponseException.class,
                () -> put(officer, pupil.id(), date, "AM", Map.of("code", "/", "reason", "Register taken")));
        Problems.assertProblem(e, 400, "date", why);
    }

    @Test
    void aMarkAmendedTwiceKeepsTheOriginalEntryAndBothChanges() {
        PupilRecord p = fixtures.pupil(school, "5C");
        String date = "2025-12-02";
        put(teacher, p.id(), date, "AM", Map.of("code", "N", "reason", "Register taken"));
        put(officer, p.id(), date, "AM", Map.of("code", "I", "reason", "Mother phoned at 09:10: sickness bug"));
        Map<String, Object> last = put(officer, p.id(), date, "AM", Map.of("code", "M", "reason", "Letter shows a dental appointment"));
        assertEquals("M", last.get("code"));
        assertEquals(true, last.get("amended"));

        Map<String, Object> history = http.toBlocking().retrieve(get("/pupils/" + p.id() + "/marks/" + date + "/AM/history", officer), JSON);
        assertEquals("M", history.get("currentCode"));
        @SuppressWarnings("unchecked") Map<String, Object> original = (Map<String, Object>) history.get("original");
        assertEquals("N", original.get("code"));
        assertTrue(String.valueOf(original.get("byName")).startsWith("Staff "));
        assertEquals("Class teacher", original.get("byPosition"));
        assertNotNull(original.get("enteredAt"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> changes = (List<Map<String, Object>>) history.get("amendments");
        assertEquals(2, changes.size());
        assertEquals("N", changes.get(0).get("originalCode"));
        assertEquals("I", changes.get(0).get("newCode"));
        assertEquals("Mother phoned at 09:10: sickness bug", changes.get(0).get("reason"));
        assertEquals("Attendance officer", changes.get(0).get("byPosition"));
        assertNotNull(changes.get(0).get("amendedAt"));
        assertEquals("I", changes.get(1).get("originalCode"));
        assertEquals("M", changes.get(1).get("newCode"));
        assertEquals("Letter shows a dental appointment", changes.get(1).get("reason"));
    }

    @Test
    void theHistoryIsForStaffOnly() {
        put(officer, pupil.id(), "2025-12-03", "AM", Map.of("code", "/", "reason", "Register taken"));
        var e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(get("/pupils/" + pupil.id() + "/marks/2025-12-03/AM/history", parent), String.class));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }

    @Test
    void takingARegisterTurnsArrivalTimesIntoLOrUByTheRegisterClose() {
        PupilRecord a = fixtures.pupil(school, "6A");
        PupilRecord b = fixtures.pupil(school, "6A");
        PupilRecord c = fixtures.pupil(school, "6A");
        PupilRecord d = fixtures.pupil(school, "6A");
        Map<String, Object> register = http.toBlocking().retrieve(HttpRequest.POST("/schools/" + school.id() + "/registers",
                Map.of("date", "2025-12-04", "session", "AM", "registrationGroup", "6A", "marks", List.of(
                        Map.of("pupilId", a.id(), "arrivalTime", "08:35"),
                        Map.of("pupilId", b.id(), "arrivalTime", "09:09"),
                        Map.of("pupilId", c.id(), "arrivalTime", "09:10"),
                        Map.of("pupilId", d.id(), "code", "N")))).bearerAuth(teacher), JSON);
        assertEquals("08:40", register.get("opensAt"));
        assertEquals("09:10", register.get("closesAt"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> entries = (List<Map<String, Object>>) register.get("entries");
        Map<Long, String> codes = new java.util.HashMap<>();
        entries.forEach(e -> codes.put(((Number) e.get("pupilId")).longValue(), String.valueOf(e.get("code"))));
        assertEquals("/", codes.get(a.id()));
        assertEquals("L", codes.get(b.id()));
        assertEquals("U", codes.get(c.id()));
        assertEquals("N", codes.get(d.id()));

        // Re-submitting with a change needs a reason, and then goes through the amendment trail.
        var e = registerRejected(Map.of("date", "2025-12-04", "session", "AM", "registrationGroup", "6A",
                "marks", List.of(Map.of("pupilId", d.id(), "code", "I"))));
        Problems.assertProblem(e, 400, "amendmentReason", "required");
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/registers", Map.of("date", "2025-12-04",
                "session", "AM", "registrationGroup", "6A", "amendmentReason", "Dad phoned: ill",
                "marks", List.of(Map.of("pupilId", d.id(), "code", "I")))).bearerAuth(teacher));
        Map<String, Object> history = http.toBlocking().retrieve(get("/pupils/" + d.id() + "/marks/2025-12-04/AM/history", officer), JSON);
        assertEquals("I", history.get("currentCode"));
    }

    @Test
    void anArrivalAfterTheSessionEndedIsNotAnArrival() {
        PupilRecord a = fixtures.pupil(school, "6B");
        var e = registerRejected(Map.of("date", "2025-12-04", "session", "AM", "registrationGroup", "6B",
                "marks", List.of(Map.of("pupilId", a.id(), "arrivalTime", "12:00"))));
        Problems.assertProblem(e, 400, "marks[0].arrivalTime", "after the end of the session");
    }

    @Test
    void aPupilOutsideTheGroupIsRejected() {
        PupilRecord other = fixtures.pupil(school, "3A");
        var e = registerRejected(Map.of("date", "2025-12-04", "session", "PM", "registrationGroup", "6B",
                "marks", List.of(Map.of("pupilId", other.id(), "code", "\\"))));
        Problems.assertProblem(e, 400, "marks[0].pupilId", "not on roll in 6B");
    }

    @Test
    void aTenThousandMarkImportWithOneBadRowStoresNothingAndNamesTheRow() {
        List<PupilRecord> roll = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            roll.add(fixtures.pupil(school, "IMP"));
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-01-05"); days.size() < 50; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && (d.isBefore(LocalDate.parse("2026-02-16")) || d.isAfter(LocalDate.parse("2026-02-20")))) {
                days.add(d);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDate day : days) {
            for (PupilRecord p : roll) {
                rows.add(Map.of("pupilId", p.id(), "date", day.toString(), "session", "AM", "code", "/"));
                rows.add(Map.of("pupilId", p.id(), "date", day.toString(), "session", "PM", "code", p.id() % 7 == 0 ? "I" : "\\"));
            }
        }
        assertEquals(10_000, rows.size());
        List<Map<String, Object>> bad = new ArrayList<>(rows);
        Map<String, Object> badRow = new java.util.HashMap<>(rows.get(7321));
        badRow.put("code", "H");
        bad.set(7321, badRow);

        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", bad)).bearerAuth(admin), String.class));
        Map<String, Object> problem = Problems.assertProblem(e, 400, "marks[7321].code", "is not a register code in force");
        @SuppressWarnings("unchecked") List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertEquals(1, errors.size());
        assertEquals(7321, ((Number) errors.get(0).get("index")).intValue());
        assertEquals(0, marksOf(roll.get(0)).size(), "nothing stored");
        assertEquals(0, marksOf(roll.get(99)).size(), "nothing stored");

        Map<String, Object> result = http.toBlocking().retrieve(
                HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", rows)).bearerAuth(admin), JSON);
        assertEquals(10_000, ((Number) result.get("received")).intValue());
        assertEquals(10_000, ((Number) result.get("created")).intValue());
        for (PupilRecord p : List.of(roll.get(0), roll.get(3), roll.get(99))) {
            assertEquals(100, marksOf(p).size());
        }

        // The same batch again changes nothing; a changed row is an amendment with the MIS reason.
        List<Map<String, Object>> again = new ArrayList<>(rows);
        again.set(0, Map.of("pupilId", roll.get(0).id(), "date", days.get(0).toString(), "session", "AM", "code", "L", "arrivalTime", "08:50"));
        Map<String, Object> second = http.toBlocking().retrieve(
                HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", again)).bearerAuth(admin), JSON);
        assertEquals(9_999, ((Number) second.get("unchanged")).intValue());
        assertEquals(1, ((Number) second.get("amended")).intValue());
        Map<String, Object> history = http.toBlocking().retrieve(
                get("/pupils/" + roll.get(0).id() + "/marks/" + days.get(0) + "/AM/history", officer), JSON);
        @SuppressWarnings("unchecked") List<Map<String, Object>> changes = (List<Map<String, Object>>) history.get("amendments");
        assertEquals("MIS sync", changes.get(0).get("reason"));
    }

    @Test
    void importIsForTrustAdminsOnly() {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", List.of(Map.of("pupilId", pupil.id(),
                        "date", "2025-12-05", "session", "AM", "code", "/")))).bearerAuth(officer), String.class));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }

    @jakarta.inject.Inject
    MarkMonths markMonths;

    @Test
    void rebuildingMarkMonthRepairsARowWrittenBehindTheRegistersBackAndChangesNothingElse() throws Exception {
        PupilRecord other = fixtures.pupil(school, "4B");
        put(officer, other.id(), "2025-11-12", "AM", Map.of("code", "/", "reason", "Register taken"));
        put(officer, other.id(), "2025-11-12", "PM", Map.of("code", "I", "reason", "Register taken"));
        // what an instance of a version before V12 would do: change a mark and leave mark_month as it was
        try (var connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(markMonthsDataSource).getConnection();
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE mark SET code = 'M' WHERE pupil_id = " + other.id()
                    + " AND session_date = '2025-11-12' AND session = 'PM'");
        }
        assertEquals("I", afternoonCode(other, "2025-11-12"), "the read model still has the code the register wrote");

        MarkMonths.Rebuilt rebuilt = markMonths.rebuild();

        assertEquals(2, rebuilt.wrongBefore(), "the I row is stale and the M row missing");
        MarkMonthsConsistency.assertKeptInStep(markMonthsDataSource);
        assertEquals("M", afternoonCode(other, "2025-11-12"));
        assertEquals(0, markMonths.rebuild().wrongBefore(), "in step after the rebuild");
    }

    @SuppressWarnings("unchecked")
    private String afternoonCode(PupilRecord p, String date) {
        Map<String, Object> calendar = http.toBlocking().retrieve(get("/pupils/" + p.id() + "/attendance/calendar?from="
                + date + "&to=" + date, officer), JSON);
        Map<String, Object> pm = (Map<String, Object>) ((List<Map<String, Object>>) calendar.get("days")).get(0).get("pm");
        return (String) pm.get("code");
    }

    private HttpClientResponseException registerRejected(Map<String, Object> submission) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/schools/" + school.id() + "/registers", submission).bearerAuth(teacher), String.class));
    }

    private List<Map<String, Object>> marksOf(PupilRecord p) {
        return http.toBlocking().retrieve(get("/pupils/" + p.id() + "/marks?from=2025-09-01&to=2026-08-31", officer), JSON_LIST);
    }

    private Map<String, Object> put(String token, long pupilId, String date, String session, Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.PUT("/pupils/" + pupilId + "/marks/" + date + "/" + session, body)
                .bearerAuth(token), JSON);
    }

    private static HttpRequest<?> get(String uri, String token) {
        return HttpRequest.GET(uri).bearerAuth(token);
    }
}
