package uk.attendance.platform;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.attendance.support.Problems.assertProblem;

/**
 * The bad inputs an outside measurement found, one by one (BadInputSweepTest sends their kinds to every operation):
 * each is a 400 problem+json naming the field, never a 500, never silently coerced or ignored, and stores nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.clock.fixed", value = "2025-11-20T07:00:00Z")
class StrictInputHttpTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;

    SchoolRecord school;
    SchoolRecord otherSchool;
    PupilRecord child;
    PupilRecord otherFamilysChild;
    PupilRecord otherSchoolsPupil;
    String admin;
    String head;
    String attendance;
    String parent;

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        school = fixtures.school(trust);
        otherSchool = fixtures.school(trust);
        child = fixtures.pupil(school, "4B");
        otherFamilysChild = fixtures.pupil(school, "4B");
        otherSchoolsPupil = fixtures.pupil(otherSchool, "7K");
        parent = fixtures.token(fixtures.parentOf(trust, child));
        String otherParent = fixtures.token(fixtures.parentOf(trust, otherFamilysChild));
        admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));
        head = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.HEADTEACHER));
        attendance = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        for (var family : List.of(Map.of("pupil", child.id(), "token", parent),
                Map.of("pupil", otherFamilysChild.id(), "token", otherParent))) {
            http.toBlocking().exchange(HttpRequest.POST("/leave-requests", Map.of("pupilId", family.get("pupil"),
                    "type", "EXCEPTIONAL_CIRCUMSTANCES", "firstDay", "2025-12-01", "lastDay", "2025-12-02", "reason", "A family funeral"))
                    .bearerAuth((String) family.get("token")));
        }
    }

    @Test
    void aNullTermIsRefusedNamingIt() {
        assertProblem(refused(HttpRequest.PUT("/schools/" + school.id() + "/calendar/2025-26",
                Map.of("terms", listOfNull())).bearerAuth(admin)), 400, "terms[0]", "must not be null");
    }

    @Test
    void aTermNameThatIsANumberIsRefused() {
        assertProblem(refused(HttpRequest.PUT("/schools/" + school.id() + "/calendar/2025-26",
                Map.of("terms", List.of(Map.of("name", 12345, "startDate", "2025-09-01", "endDate", "2025-12-19"))))
                .bearerAuth(admin)), 400, "terms[0].name", "must be text");
    }

    @Test
    void aNullMarkInAnImportIsRefusedNamingIt() {
        assertProblem(refused(HttpRequest.POST("/schools/" + school.id() + "/marks/import",
                Map.of("reason", "Nightly MIS sync", "marks", listOfNull())).bearerAuth(admin)), 400, "marks[0]", "must not be null");
    }

    @Test
    void aNullRoleIsRefusedNamingIt() {
        assertProblem(refused(HttpRequest.POST("/staff", Map.of("email", "null-role" + Fixtures.next() + "@test.example.org",
                "name", "Null Role", "position", "Attendance officer", "schoolId", school.id(), "roles", listOfNull(),
                "password", "a-long-passphrase-here")).bearerAuth(admin)), 400, "roles[0]", "must not be null");
    }

    @Test
    void textForABooleanIsRefusedAndLeavesTheStoredSettingAlone() {
        String settings = "/schools/" + school.id() + "/absence-settings";
        http.toBlocking().exchange(HttpRequest.PUT(settings, Map.of("illnessNeedsReview", true)).bearerAuth(head));

        assertProblem(refused(HttpRequest.PUT(settings, Map.of("illnessNeedsReview", "yes")).bearerAuth(head)),
                400, "illnessNeedsReview", "must be true or false, found text");
        assertProblem(refused(HttpRequest.PUT(settings, Map.of("illnessNeedsReview", "false")).bearerAuth(head)),
                400, "illnessNeedsReview", "must be true or false");

        Map<String, Object> stored = http.toBlocking().retrieve(HttpRequest.GET(settings).bearerAuth(head), Json.OBJECT);
        assertEquals(true, stored.get("illnessNeedsReview"));
    }

    @Test
    void aNumberForADeviceTokenIsRefused() {
        assertProblem(refused(HttpRequest.POST("/me/devices", Map.of("token", 12345, "platform", "ANDROID")).bearerAuth(parent)),
                400, "token", "must be text, found a number");
    }

    @Test
    void anUnknownStatusInTheQueryIsRefusedNotIgnored() {
        String reports = "/schools/" + school.id() + "/absence-reports";
        assertProblem(refused(HttpRequest.GET(reports + "?status=bogus").bearerAuth(attendance)), 400, "status", "is not one of");
        assertProblem(refused(HttpRequest.GET(reports + "?status=ACCEPTED&status=bogus").bearerAuth(attendance)), 400, "status", "'bogus'");
        // the contract's spelling only: no case folding
        assertProblem(refused(HttpRequest.GET("/schools/" + school.id() + "/leave-requests?status=pending").bearerAuth(attendance)),
                400, "status", "is not one of");
    }

    @Test
    void aTenThousandCharacterPathParameterIsA414Problem() {
        HttpClientResponseException e = refused(HttpRequest.GET("/pupils/" + "1".repeat(10_000)).bearerAuth(attendance));
        assertEquals(414, e.getStatus().getCode());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        Map<String, Object> problem = e.getResponse().getBody(Json.OBJECT).orElseThrow();
        assertEquals("https://attendance.example.org/problems/uri-too-long", problem.get("type"));
    }

    @Test
    void aBodyOfAnotherContentTypeIsA415Problem() {
        HttpClientResponseException e = refused(HttpRequest.POST("/me/devices", "token=abc&platform=ANDROID")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(parent));
        assertEquals(415, e.getStatus().getCode());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
    }

    @Test
    void aParentFilteringLeaveRequestsByAnotherFamilysChildGets404() {
        assertEquals(404, refused(HttpRequest.GET("/leave-requests?pupilId=" + otherFamilysChild.id()).bearerAuth(parent))
                .getStatus().getCode());
        List<Map<String, Object>> own = http.toBlocking().retrieve(
                HttpRequest.GET("/leave-requests?pupilId=" + child.id()).bearerAuth(parent), Json.LIST);
        assertEquals(1, own.size());
    }

    @Test
    void staffFilteringTheirSchoolsLeaveRequestsByAnotherSchoolsPupilGet404() {
        assertEquals(404, refused(HttpRequest.GET("/schools/" + school.id() + "/leave-requests?pupilId=" + otherSchoolsPupil.id())
                .bearerAuth(admin)).getStatus().getCode());
        assertEquals(404, refused(HttpRequest.GET("/schools/" + school.id() + "/leave-requests?pupilId=" + otherSchoolsPupil.id())
                .bearerAuth(attendance)).getStatus().getCode());
    }

    private static List<Object> listOfNull() {
        List<Object> list = new ArrayList<>();
        list.add(null);
        return list;
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }
}
