package uk.attendance.pupil;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.absence.AbsenceReportService;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.contract.model.AbsenceReportReason;
import uk.attendance.notify.outbox.OutboxWorker;
import uk.attendance.platform.ApiProblem;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only a contact with parental responsibility, or who has care of the child (the child lives with them), acts for a
 * child: reports absences, asks for or withdraws leave, reads the child's attendance, reports and evidence. An
 * emergency contact (linked with neither) only receives texts; for them the child is like any other family's child (404). Staff unlink contacts. The clock is fixed on Wednesday
 * 3 December 2025 at 08:20.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.clock.fixed", value = "2025-12-03T08:20:00Z")
@Property(name = "attendance.outbox.poller", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParentalResponsibilityHttpTest {
    private static final String THU = "2025-12-04";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    OutboxWorker outbox;
    @Inject
    AbsenceReportService absenceReports;

    TrustRecord trust;
    SchoolRecord school;
    SchoolRecord otherSchool;
    String head;
    String teacher;
    String otherHead;

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        otherSchool = fixtures.school(trust);
        head = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.HEADTEACHER));
        teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        otherHead = fixtures.token(fixtures.staff(trust, Optional.of(otherSchool), Roles.HEADTEACHER));
    }

    @Test
    void anEmergencyContactNeitherActsForTheChildNorReadsAboutThem() {
        PupilRecord child = fixtures.pupil(school, "E" + Fixtures.next());
        String parent = fixtures.token(fixtures.parentOf(trust, child));
        String emergency = fixtures.token(fixtures.emergencyContactOf(trust, child));
        // The parent with parental responsibility reports an absence with a fit note and asks for leave.
        long note = upload(parent);
        long report = id(((List<?>) post("/absence-reports", Map.of("pupilIds", List.of(child.id()), "firstDay", THU,
                "reason", "ILLNESS", "evidenceIds", List.of(note)), parent).get("reports")).get(0));
        long leave = id(post("/leave-requests", Map.of("pupilId", child.id(), "type", "EXCEPTIONAL_CIRCUMSTANCES",
                "firstDay", "2026-01-12", "lastDay", "2026-01-12", "reason", "A family funeral"), parent));
        String pupil = "/pupils/" + child.id();
        List<String> reads = List.of(pupil, pupil + "/attendance", pupil + "/attendance/calendar",
                pupil + "/attendance/penalty-notice", pupil + "/marks?from=2025-12-01&to=2025-12-05", pupil + "/messages",
                pupil + "/evidence", "/absence-reports/" + report, "/leave-requests/" + leave, "/evidence/" + note);
        for (String path : reads) {
            assertEquals(200, http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(parent), byte[].class).code(),
                    "the parent reads " + path);
        }

        assertEquals(List.of(), get("/me", emergency).get("children"), "the child is not theirs to see");
        for (String path : reads) {
            notFound(HttpRequest.GET(path).bearerAuth(emergency));
        }
        notFound(HttpRequest.POST("/absence-reports", Map.of("pupilIds", List.of(child.id()), "firstDay", "2025-12-05",
                "reason", "ILLNESS")).bearerAuth(emergency));
        notFound(HttpRequest.PATCH("/absence-reports/" + report, Map.of("lastDay", "2025-12-05")).bearerAuth(emergency));
        notFound(HttpRequest.POST("/absence-reports/" + report + "/withdrawal", Map.of("from", THU)).bearerAuth(emergency));
        notFound(HttpRequest.POST("/leave-requests/preview", Map.of("pupilId", child.id(), "type", "MEDICAL",
                "firstDay", "2026-01-13", "lastDay", "2026-01-13")).bearerAuth(emergency));
        notFound(HttpRequest.POST("/leave-requests", Map.of("pupilId", child.id(), "type", "MEDICAL",
                "firstDay", "2026-01-13", "lastDay", "2026-01-13", "reason", "Dentist")).bearerAuth(emergency));
        notFound(HttpRequest.POST("/leave-requests/" + leave + "/withdrawal", Map.of()).bearerAuth(emergency));
        assertEquals(List.of(), list("/absence-reports", emergency));
        assertEquals(List.of(), list("/leave-requests", emergency));

        // Nothing they tried changed anything: one report (Thursday only), one pending request.
        assertEquals(1, list("/absence-reports", parent).size());
        assertEquals(THU, get("/absence-reports/" + report, parent).get("lastDay"));
        assertEquals("PENDING", get("/leave-requests/" + leave, parent).get("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aContactWithResponsibilityForOneChildAndOnlyAnEmergencyContactOfAnotherSeesTheFirstOnly() {
        String group = "E" + Fixtures.next();
        PupilRecord own = fixtures.pupil(school, group);
        PupilRecord neighbours = fixtures.pupil(otherSchool, group);
        ContactRecord contact = fixtures.parentOf(trust, own);
        String token = fixtures.token(contact);
        // The same mobile recorded as the neighbours' child's emergency contact: the flag is kept as given.
        String otherHeadAdmin = fixtures.token(fixtures.staff(trust, Optional.of(otherSchool), Roles.HEADTEACHER));
        HttpResponse<Map<String, Object>> linked = http.toBlocking().exchange(HttpRequest.POST("/pupils/" + neighbours.id()
                + "/contacts", Map.of("firstName", "Sam", "lastName", "Neighbour", "mobile", contact.mobile(), "priority", 2,
                "relationship", "Neighbour", "parentalResponsibility", false, "livesWith", false)).bearerAuth(otherHeadAdmin), Json.OBJECT);
        assertEquals(201, linked.code());
        assertEquals(false, linked.body().get("parentalResponsibility"));
        assertEquals(contact.id(), ((Number) linked.body().get("contactId")).longValue(), "the same contact");

        List<Map<String, Object>> children = (List<Map<String, Object>>) get("/me", token).get("children");
        assertEquals(List.of(own.id()), children.stream().map(c -> ((Number) c.get("id")).longValue()).toList());
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/pupils/" + own.id()).bearerAuth(token)).code());
        notFound(HttpRequest.GET("/pupils/" + neighbours.id()).bearerAuth(token));
        notFound(HttpRequest.POST("/absence-reports", Map.of("pupilIds", List.of(own.id(), neighbours.id()), "firstDay", THU,
                "reason", "ILLNESS")).bearerAuth(token));
        assertEquals(List.of(), list("/absence-reports", token), "all or nothing: no report for their own child either");
    }

    /** Education Act 1996 s576: whoever has care of the child is a parent for school attendance (a foster carer). */
    @Test
    @SuppressWarnings("unchecked")
    void aCarerTheChildLivesWithActsForTheChildWithoutParentalResponsibility() {
        PupilRecord child = fixtures.pupil(school, "E" + Fixtures.next());
        String mobile = Fixtures.uniqueMobile();
        HttpResponse<Map<String, Object>> linked = http.toBlocking().exchange(HttpRequest.POST("/pupils/" + child.id()
                + "/contacts", Map.of("firstName", "Pat", "lastName", "Foster", "mobile", mobile, "priority", 1,
                "relationship", "Foster carer", "parentalResponsibility", false, "livesWith", true)).bearerAuth(head), Json.OBJECT);
        long carerId = ((Number) linked.body().get("contactId")).longValue();
        String carer = fixtures.token(new uk.attendance.caller.Caller(uk.attendance.caller.Caller.Kind.PARENT, carerId, trust.id(),
                Optional.empty(), java.util.Set.of(Roles.PARENT), "Pat Foster", ""));

        assertEquals(List.of(child.id()), ((List<Map<String, Object>>) get("/me", carer).get("children")).stream()
                .map(c -> ((Number) c.get("id")).longValue()).toList());
        Map<String, Object> receipt = post("/absence-reports", Map.of("pupilIds", List.of(child.id()), "firstDay", THU,
                "reason", "ILLNESS"), carer);
        assertEquals("ACCEPTED", ((Map<String, Object>) ((List<?>) receipt.get("reports")).get(0)).get("status"));
        assertEquals(1, list("/absence-reports", carer).size());
    }

    @Test
    void anEmergencyContactsReplyToTheMorningTextIsNotTurnedIntoAnAbsenceReport() {
        PupilRecord child = fixtures.pupil(school, "E" + Fixtures.next());
        fixtures.parentOf(trust, child);
        ContactRecord emergency = fixtures.emergencyContactOf(trust, child);

        ApiProblem refused = assertThrows(ApiProblem.class, () -> absenceReports.reportByText(emergency, child.id(),
                AbsenceReportReason.ILLNESS, Optional.empty(), "He has a temperature"));

        assertEquals(403, refused.status().getCode());
        assertTrue(refused.getMessage().contains("neither has parental responsibility for the child nor lives with them"),
                refused.getMessage());
        assertEquals(0L, ((Number) db.rows("SELECT COUNT(*) AS n FROM absence_report WHERE pupil_id = ?", child.id())
                .get(0).get("n")).longValue());
    }

    @Test
    void unlinkingAContactEndsTheirAccessAtOnceAndOnlyStaffOfTheSchoolMayDoIt() {
        PupilRecord child = fixtures.pupil(school, "E" + Fixtures.next());
        ContactRecord contact = fixtures.parentOf(trust, child);
        String parent = fixtures.token(contact);
        String path = "/pupils/" + child.id() + "/contacts/" + contact.id();
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/pupils/" + child.id()).bearerAuth(parent)).code());

        var teacherMayNot = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.DELETE(path).bearerAuth(teacher)));
        assertEquals(403, teacherMayNot.getStatus().getCode());
        notFound(HttpRequest.DELETE(path).bearerAuth(otherHead));
        notFound(HttpRequest.DELETE("/pupils/" + child.id() + "/contacts/" + (contact.id() + 1_000_000)).bearerAuth(head));

        assertEquals(204, http.toBlocking().exchange(HttpRequest.DELETE(path).bearerAuth(head)).code());

        notFound(HttpRequest.GET("/pupils/" + child.id()).bearerAuth(parent));
        assertEquals(List.of(), get("/me", parent).get("children"), "the token still works; the child is gone from it");
        assertFalse(list("/pupils/" + child.id() + "/contacts", head).stream()
                .anyMatch(c -> ((Number) c.get("contactId")).longValue() == contact.id()));
        notFound(HttpRequest.DELETE(path).bearerAuth(head));
    }

    @Test
    void aMobileThatBelongsOnlyToAnEmergencyContactSignsInAndSeesNoChildren() {
        PupilRecord child = fixtures.pupil(school, "E" + Fixtures.next());
        ContactRecord emergency = fixtures.emergencyContactOf(trust, child);

        assertEquals(202, http.toBlocking().exchange(HttpRequest.POST("/auth/parent/code",
                Map.of("mobile", emergency.mobile()))).code());
        String text = codeTextTo(emergency.mobile());
        Matcher code = CODE.matcher(text);
        assertTrue(code.find(), text);
        Map<String, Object> tokens = post("/auth/parent/verify", Map.of("mobile", emergency.mobile(), "code", code.group(1)), null);

        Map<String, Object> me = get("/me", (String) tokens.get("accessToken"));
        assertEquals("PARENT", me.get("kind"));
        assertEquals(emergency.id(), ((Number) me.get("id")).longValue());
        assertEquals(List.of(), me.get("children"));
    }

    /** The code goes through the outbox (its poller is off here: drained by hand). */
    private String codeTextTo(String mobile) {
        outbox.drain();
        return String.valueOf(db.rows("SELECT body FROM dev_text WHERE recipient = ? ORDER BY id DESC", mobile).get(0).get("body"));
    }

    private long upload(String token) {
        HttpResponse<Map<String, Object>> uploaded = http.toBlocking().exchange(HttpRequest.POST("/evidence",
                        MultipartBody.builder().addPart("file", "fit note.pdf", MediaType.APPLICATION_PDF_TYPE,
                                uk.attendance.evidence.Samples.pdf()).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Json.OBJECT);
        return id(uploaded.body());
    }

    private void notFound(MutableHttpRequest<?> request) {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class),
                request.getMethod() + " " + request.getUri());
        assertEquals(404, e.getStatus().getCode(), request.getMethod() + " " + request.getUri());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
    }

    private Map<String, Object> post(String path, Object body, String token) {
        MutableHttpRequest<Object> request = HttpRequest.POST(path, body);
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, Json.OBJECT);
    }

    private Map<String, Object> get(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Json.OBJECT);
    }

    private List<Map<String, Object>> list(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Json.LIST);
    }

    private static long id(Object json) {
        return ((Number) ((Map<?, ?>) json).get("id")).longValue();
    }
}
