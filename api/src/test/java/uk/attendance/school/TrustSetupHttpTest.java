package uk.attendance.school;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.caller.Roles;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trust admin sets up a school through the API alone: school, calendar, staff, pupils, parents, then registers. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustSetupHttpTest {
    private static final Argument<Map<String, Object>> JSON = Json.OBJECT;
    private static final Argument<List<Map<String, Object>>> JSON_LIST = Json.LIST;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;

    String admin;

    @BeforeAll
    void setUp() {
        admin = fixtures.token(fixtures.staff(fixtures.trust(), Optional.empty(), Roles.TRUST_ADMIN));
    }

    @Test
    void aTrustAdminSetsUpASchoolThroughTheApiAlone() {
        int urn = 900_000 + Fixtures.next() % 99_999;
        Map<String, Object> school = post("/schools", Map.of("urn", urn, "name", "Hillside Primary",
                "amRegisterOpens", "08:45", "pmRegisterOpens", "13:00", "registerOpenMinutes", 20,
                "amSessionEnds", "12:00", "pmSessionEnds", "15:10"));
        long schoolId = ((Number) school.get("id")).longValue();
        assertEquals("Europe/London", school.get("timezone"));
        assertEquals("09:30", school.get("textTime"));
        assertEquals("10:00", school.get("callTime"));

        Map<String, Object> year = http.toBlocking().retrieve(HttpRequest.PUT("/schools/" + schoolId + "/calendar/2025-26", Map.of(
                "terms", List.of(Map.of("name", "Autumn", "startDate", "2025-09-03", "endDate", "2025-12-19"),
                        Map.of("name", "Spring", "startDate", "2026-01-05", "endDate", "2026-03-27"),
                        Map.of("name", "Summer", "startDate", "2026-04-13", "endDate", "2026-07-21")),
                "closures", List.of(Map.of("startDate", "2025-10-27", "endDate", "2025-10-31", "kind", "HALF_TERM", "sessions", "ALL_DAY"),
                        Map.of("startDate", "2025-11-14", "endDate", "2025-11-14", "kind", "INSET", "sessions", "PM_ONLY",
                                "description", "Safeguarding training")))).bearerAuth(admin), JSON);
        assertTrue(((Number) year.get("schoolSessions")).intValue() > 300);

        Map<String, Object> calendar = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + schoolId
                + "/calendar?from=2025-11-10&to=2025-11-16").bearerAuth(admin), JSON);
        @SuppressWarnings("unchecked") List<Map<String, Object>> days = (List<Map<String, Object>>) calendar.get("days");
        Map<String, Object> friday = days.get(4);
        assertEquals("2025-11-14", friday.get("date"));
        assertEquals(true, friday.get("amSession"));
        assertEquals(false, friday.get("pmSession"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> weeks = (List<Map<String, Object>>) calendar.get("weeks");
        assertEquals(9, ((Number) weeks.get(0).get("sessions")).intValue());

        Map<String, Object> pupil = post("/schools/" + schoolId + "/pupils", Map.of("legalFirstName", "Amara", "legalLastName",
                "Okoye", "dateOfBirth", "2018-02-10", "yearGroup", 3, "registrationGroup", "3H", "admissionDate", "2022-09-05",
                "sendStatus", "SEN_SUPPORT", "socialWorker", Map.of("name", "J Bloggs", "phone", "0117 496 0123")));
        long pupilId = ((Number) pupil.get("id")).longValue();
        assertEquals("2023-03-31", pupil.get("compulsorySchoolAgeFrom"));
        Map<String, Object> contact = post("/pupils/" + pupilId + "/contacts", Map.of("firstName", "Ngozi", "lastName", "Okoye",
                "mobile", "07700 9" + String.format("%05d", Fixtures.next() % 100_000), "priority", 1, "relationship", "Mother",
                "preferredLanguage", "en"));
        assertTrue(String.valueOf(contact.get("mobile")).startsWith("+4477009"));

        Map<String, Object> staff = post("/staff", Map.of("email", "office" + Fixtures.next() + "@hillside.example.org",
                "name", "Jo Rivers", "position", "Attendance officer", "schoolId", schoolId,
                "roles", List.of("ATTENDANCE_OFFICER"), "password", "a-long-enough-password"));
        assertEquals(List.of("ATTENDANCE_OFFICER"), staff.get("roles"));

        Map<String, Object> register = post("/schools/" + schoolId + "/registers", Map.of("date", "2025-11-14", "session", "AM",
                "registrationGroup", "3H", "marks", List.of(Map.of("pupilId", pupilId, "arrivalTime", "08:50"))));
        @SuppressWarnings("unchecked") List<Map<String, Object>> entries = (List<Map<String, Object>>) register.get("entries");
        assertEquals("L", entries.get(0).get("code"));
        var pm = assertThrows(HttpClientResponseException.class, () -> post("/schools/" + schoolId + "/registers", Map.of(
                "date", "2025-11-14", "session", "PM", "registrationGroup", "3H", "marks", List.of(Map.of("pupilId", pupilId, "code", "\\")))));
        uk.attendance.support.Problems.assertProblem(pm, 400, "date", "INSET");
    }

    @Test
    void aRegisterOpenLongerThan30MinutesIsRejected() {
        var e = assertThrows(HttpClientResponseException.class, () -> post("/schools", Map.of("urn", 910_001, "name", "Too Long",
                "amRegisterOpens", "08:45", "pmRegisterOpens", "13:00", "registerOpenMinutes", 31,
                "amSessionEnds", "12:00", "pmSessionEnds", "15:10")));
        uk.attendance.support.Problems.assertProblem(e, 400, "registerOpenMinutes", "30");
    }

    @Test
    void overlappingTermsAndClosuresOutsideTermsAreRejected() {
        Map<String, Object> school = post("/schools", Map.of("urn", 920_000 + Fixtures.next() % 9_999, "name", "Overlap School",
                "amRegisterOpens", "08:45", "pmRegisterOpens", "13:00", "registerOpenMinutes", 20,
                "amSessionEnds", "12:00", "pmSessionEnds", "15:10"));
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.PUT("/schools/"
                + school.get("id") + "/calendar/2025-26", Map.of("terms", List.of(
                        Map.of("name", "Autumn", "startDate", "2025-09-03", "endDate", "2025-12-19"),
                        Map.of("name", "Winter", "startDate", "2025-12-01", "endDate", "2026-01-30")),
                "closures", List.of(Map.of("startDate", "2025-12-24", "endDate", "2025-12-24", "kind", "INSET", "sessions", "ALL_DAY"))))
                .bearerAuth(admin), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        var wrongYear = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.PUT("/schools/"
                + school.get("id") + "/calendar/2025-27", Map.of("terms", List.of(
                        Map.of("name", "Autumn", "startDate", "2025-09-03", "endDate", "2025-12-19")))).bearerAuth(admin), String.class));
        uk.attendance.support.Problems.assertProblem(wrongYear, 400, "academicYear", "2025-26");
    }

    private Map<String, Object> post(String uri, Map<String, Object> body) {
        var response = http.toBlocking().exchange(HttpRequest.POST(uri, body).bearerAuth(admin), JSON);
        assertTrue(response.code() == 200 || response.code() == 201);
        return response.body();
    }
}
