package uk.attendance.pupil;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.followup.morning.MorningSweep;
import uk.attendance.register.MarkMonthsConsistency;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A pupil's lifecycle over HTTP: each field of {@code PATCH /pupils/{id}} changes what {@code GET /pupils/{id}} shows
 * and writes an audit row (who, before, after); the safeguarding fields are the DSL's; a leaving date with its ground
 * ends the pupil's sessions after it and is refused while the register holds marks after it; an address recorded
 * shows on the home visit of the third day without word, with its history kept; a contact's edit, and a duplicate
 * mobile refused. The clock is fixed in the week of Monday 1 December 2025.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.outbox.poller", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PupilLifecycleHttpTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-12-03T07:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    MorningSweep sweep;
    @Inject
    javax.sql.DataSource dataSource;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    TrustRecord trust;
    SchoolRecord school;
    StaffRecord dslRecord;
    String dsl;
    String officer;
    String head;
    String teacher;
    String otherHead;

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        SchoolRecord other = fixtures.school(trust);
        dslRecord = fixtures.staff(trust, Optional.of(school), Roles.DSL);
        dsl = fixtures.token(dslRecord);
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        head = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.HEADTEACHER));
        teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        otherHead = fixtures.token(fixtures.staff(trust, Optional.of(other), Roles.HEADTEACHER));
    }

    @AfterAll
    void marksStayConsistent() throws java.sql.SQLException {
        MarkMonthsConsistency.assertKeptInStep(dataSource);
    }

    @Test
    void eachFieldChangesThePupilAndIsAudited() {
        PupilRecord p = fixtures.pupil(school, "4B");
        String uri = "/pupils/" + p.id();
        Map<String, Object> body = new HashMap<>();
        body.put("yearGroup", 5);
        body.put("registrationGroup", "5C");
        body.put("sendStatus", "EHCP");
        body.put("pupilPremium", true);
        body.put("eal", true);
        body.put("lookedAfter", true);
        body.put("childProtection", true);
        body.put("childInNeed", true);
        body.put("socialWorker", Map.of("name", "Sam Social", "phone", "0113 496 0000"));
        body.put("preferredFirstName", "Ash");
        Map<String, Object> changed = patch(uri, body, dsl);
        Map<String, Object> shown = get(uri, officer);
        assertEquals(changed, shown);
        body.forEach((field, value) -> assertEquals(value, shown.get(field), field));

        Map<String, Object> entry = entries(uri + "/audit", dsl).get(0);
        assertEquals("UPDATED", entry.get("action"));
        assertEquals("PUPIL", entry.get("entity"));
        assertEquals(Map.of("kind", "STAFF", "id", dslRecord.id().intValue(), "name", dslRecord.name()), entry.get("actor"));
        List<Map<String, Object>> changes = list(entry.get("changes"));
        assertTrue(changes.contains(Map.of("field", "registrationGroup", "before", "4B", "after", "5C")), changes.toString());
        assertTrue(changes.contains(Map.of("field", "yearGroup", "before", "4", "after", "5")), changes.toString());
        assertTrue(changes.contains(Map.of("field", "sendStatus", "before", "NONE", "after", "EHCP")), changes.toString());
        assertTrue(changes.contains(Map.of("field", "socialWorker.name", "after", "Sam Social")), changes.toString());
        assertTrue(changes.contains(Map.of("field", "childProtection", "before", "false", "after", "true")));
        assertEquals(List.of("yearGroup", "registrationGroup", "sendStatus", "pupilPremium", "eal", "lookedAfter",
                        "childProtection", "childInNeed", "socialWorker.name", "socialWorker.phone", "preferredFirstName"),
                changes.stream().map(c -> c.get("field")).toList(), "only the fields that changed");

        // an explicit null clears; a field left out is kept
        Map<String, Object> clear = new HashMap<>();
        clear.put("socialWorker", null);
        clear.put("preferredFirstName", null);
        patch(uri, clear, head);
        Map<String, Object> cleared = get(uri, officer);
        assertNull(cleared.get("socialWorker"));
        assertNull(cleared.get("preferredFirstName"));
        assertEquals("5C", cleared.get("registrationGroup"));
        assertEquals(true, cleared.get("childProtection"));
        assertEquals(List.of(Map.of("field", "socialWorker.name", "before", "Sam Social"),
                        Map.of("field", "socialWorker.phone", "before", "0113 496 0000"),
                        Map.of("field", "preferredFirstName", "before", "Ash")),
                list(entries(uri + "/audit", head).get(0).get("changes")));

        // the safeguarding fields are the DSL's, the head's and trust admins': an officer's change stores nothing
        expect(403, HttpRequest.PATCH(uri, Map.of("childProtection", false, "eal", false)).bearerAuth(officer));
        assertEquals(true, get(uri, officer).get("eal"));
        patch(uri, Map.of("eal", false), officer);
        assertEquals(false, get(uri, officer).get("eal"));
        // only the DSL, head and trust admins read the audit; another school's head gets 404 everywhere
        expect(403, HttpRequest.GET(uri + "/audit").bearerAuth(officer));
        expect(403, HttpRequest.GET(uri + "/audit").bearerAuth(teacher));
        expect(404, HttpRequest.GET(uri + "/audit").bearerAuth(otherHead));
        expect(404, HttpRequest.PATCH(uri, Map.of("eal", true)).bearerAuth(otherHead));
        assertEquals(3, entries(uri + "/audit", dsl).size(), "three changes, each audited once");
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        PupilRecord p = fixtures.pupil(school, "4B");
        String uri = "/pupils/" + p.id();
        Map<String, Object> before = get(uri, dsl);
        Map<String, Object> nullYear = new HashMap<>();
        nullYear.put("yearGroup", null);
        nullYear.put("eal", true);
        badField(uri, nullYear, "yearGroup");
        badField(uri, Map.of("leavingDate", "2025-11-14", "eal", true), "leavingGround");
        badField(uri, Map.of("leavingGround", "MOVED_AWAY"), "leavingDate");
        badField(uri, Map.of("leavingDate", "2021-08-31", "leavingGround", "MOVED_AWAY"), "leavingDate");
        badField(uri, Map.of("registrationGroup", "  ", "eal", true), "registrationGroup");
        badField(uri, Map.of("leavingGround", "EMIGRATED", "leavingDate", "2025-11-14"), "leavingGround");
        badField(uri, Map.of("eal", "true"), "eal");
        badField(uri + "/addresses", Map.of("line1", "1 Road", "town", "Leeds", "postcode", "LS6 XYZ"), "postcode");
        assertEquals(before, get(uri, dsl), "nothing changed");
        assertEquals(List.of(), entries(uri + "/audit", dsl));
        assertEquals(List.of(), getList(uri + "/addresses", dsl));
    }

    @Test
    void aLeavingDateEndsThePupilsSessionsAndIsRefusedWhileMarksFollowIt() {
        PupilRecord p = fixtures.pupil(school, "4B");
        String uri = "/pupils/" + p.id();
        for (String day : List.of("2025-11-17", "2025-11-18", "2025-11-19")) {
            mark(p, day, "AM", "/");
            mark(p, day, "PM", "O");
        }
        Map<String, Object> summary = get(uri + "/attendance?from=2025-11-17&to=2025-11-21", officer);
        assertEquals(50.0, ((Number) summary.get("attendancePercent")).doubleValue());

        try {
            http.toBlocking().exchange(HttpRequest.PATCH(uri, Map.of("leavingDate", "2025-11-17", "leavingGround",
                    "MOVED_AWAY")).bearerAuth(head), String.class);
            fail("marks follow the leaving date");
        } catch (HttpClientResponseException e) {
            assertEquals(409, e.getStatus().getCode());
            Map<String, Object> problem = e.getResponse().getBody(Json.OBJECT).orElseThrow();
            assertEquals("https://attendance.example.org/problems/marks-after-leaving", problem.get("type"));
            assertEquals(List.of(Map.of("date", "2025-11-18", "sessions", List.of("AM", "PM"), "marks", 2),
                    Map.of("date", "2025-11-19", "sessions", List.of("AM", "PM"), "marks", 2)), problem.get("conflicts"));
            assertTrue(String.valueOf(problem.get("detail")).contains("2025-11-18 (AM, PM)"), problem.toString());
        }
        assertNull(get(uri, officer).get("leavingDate"), "nothing stored");

        Map<String, Object> left = patch(uri, Map.of("leavingDate", "2025-11-19", "leavingGround", "MOVED_AWAY"), head);
        assertEquals("2025-11-19", left.get("leavingDate"));
        assertEquals("MOVED_AWAY", get(uri, officer).get("leavingGround"));
        // not on roll after it: no mark is accepted, the school's roll and the pupil's figures stop there
        expect(400, HttpRequest.PUT(uri + "/marks/2025-11-20/AM", Map.of("code", "/", "reason", "Register taken"))
                .bearerAuth(officer));
        assertFalse(getList("/schools/" + school.id() + "/pupils?onRollOn=2025-11-20", officer).stream()
                .anyMatch(x -> ((Number) x.get("id")).longValue() == p.id()));
        assertEquals("2025-11-19", get(uri + "/attendance", officer).get("to"), "the pupil's year ends on the leaving date");
        expect(400, HttpRequest.GET(uri + "/attendance?from=2025-11-17&to=2025-11-21").bearerAuth(officer));

        // the leaving date cleared: on roll again, the mark is accepted and counts
        Map<String, Object> stay = new HashMap<>();
        stay.put("leavingDate", null);
        patch(uri, stay, head);
        assertNull(get(uri, officer).get("leavingGround"));
        mark(p, "2025-11-20", "AM", "/");
        Map<String, Object> back = get(uri + "/attendance?from=2025-11-17&to=2025-11-21", officer);
        assertEquals(7, ((Map<?, ?>) back.get("sessions")).get("possible"));
        List<Map<String, Object>> audit = entries(uri + "/audit", dsl);
        assertEquals(List.of(Map.of("field", "leavingDate", "before", "2025-11-19"),
                Map.of("field", "leavingGround", "before", "MOVED_AWAY")), list(audit.get(0).get("changes")));
        assertEquals(List.of(Map.of("field", "leavingDate", "after", "2025-11-19"),
                Map.of("field", "leavingGround", "after", "MOVED_AWAY")), list(audit.get(1).get("changes")));
    }

    @Test
    void theCurrentAddressShowsOnTheThirdDaysHomeVisitAndTheHistoryIsKept() {
        PupilRecord p = fixtures.pupil(school, "H" + Fixtures.next());
        fixtures.parentOf(trust, p);
        String uri = "/pupils/" + p.id();
        Map<String, Object> first = post(uri + "/addresses", Map.of("line1", "3 Park Row", "line2", "Flat 2",
                "town", "Leeds", "postcode", "ls1 5hd"), officer);
        assertEquals(Map.of("line1", "3 Park Row", "line2", "Flat 2", "town", "Leeds", "postcode", "LS1 5HD"), first.get("address"));
        post(uri + "/addresses", Map.of("line1", "14 Mill Lane", "town", "Leeds", "postcode", "LS6 2QD"), officer);

        // absent without word on Monday, Tuesday and Wednesday: the sweep raises a home visit on Wednesday
        for (String day : List.of("2025-12-01", "2025-12-02", "2025-12-03")) {
            at(day + "T10:00:00Z");
        }
        at("2025-12-03T10:05:00Z");
        Map<String, Object> board = get("/schools/" + school.id() + "/follow-up/2025-12-03", officer);
        Map<String, Object> visit = list(board.get("homeVisits")).stream()
                .filter(v -> ((Number) ((Map<?, ?>) v.get("pupil")).get("id")).longValue() == p.id()).findFirst()
                .orElseThrow(() -> new AssertionError("no home visit: " + board));
        Map<String, Object> current = Map.of("line1", "14 Mill Lane", "town", "Leeds", "postcode", "LS6 2QD");
        assertEquals(current, visit.get("homeAddress"));
        assertEquals(current, get("/call-tasks/" + visit.get("id"), officer).get("homeAddress"));
        assertEquals(current, get(uri, teacher).get("address"));

        List<Map<String, Object>> all = getList(uri + "/addresses", teacher);
        assertEquals(List.of(true, false), all.stream().map(a -> a.get("current")).toList());
        assertEquals("LS1 5HD", ((Map<?, ?>) all.get(1).get("address")).get("postcode"), "the history is kept");
        List<Map<String, Object>> audit = entries(uri + "/audit", dsl);
        assertEquals("ADDRESS_RECORDED", audit.get(0).get("action"));
        assertTrue(list(audit.get(0).get("changes")).contains(Map.of("field", "postcode", "before", "LS1 5HD", "after", "LS6 2QD")));
        // never in the texts and pushes of the morning
        assertEquals(List.of(), db.rows("SELECT id FROM outbox_message WHERE body LIKE '%Mill Lane%' OR body LIKE '%LS6 2QD%'"));
    }

    @Test
    void aContactIsEditedAndAMobileOfAnotherContactIsRefused() {
        PupilRecord p = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, p);
        ContactRecord other = fixtures.parentOf(trust, fixtures.pupil(school, "4B"));
        String uri = "/pupils/" + p.id() + "/contacts/" + mother.id();
        post("/pupils/" + p.id() + "/contacts", Map.of("firstName", "Aunt", "lastName", "Test", "mobile",
                Fixtures.uniqueMobile(), "priority", 3, "relationship", "Aunt"), head);
        Map<String, Object> edit = new HashMap<>();
        edit.put("priority", 2);
        edit.put("relationship", "Stepmother");
        edit.put("livesWith", false);
        edit.put("email", "mum@example.com");
        edit.put("preferredLanguage", "pl");
        edit.put("mobile", "07700 900 999".replace("999", String.format("%03d", Fixtures.next() % 1000)));
        Map<String, Object> changed = patch(uri, edit, head);
        Map<String, Object> listed = getList("/pupils/" + p.id() + "/contacts", officer).stream()
                .filter(c -> ((Number) c.get("contactId")).longValue() == mother.id()).findFirst().orElseThrow();
        assertEquals(changed, listed);
        assertEquals("Stepmother", listed.get("relationship"));
        assertEquals(2, listed.get("priority"));
        assertEquals("pl", listed.get("preferredLanguage"));
        assertTrue(String.valueOf(listed.get("mobile")).startsWith("+447700900"));

        expect(409, HttpRequest.PATCH(uri, Map.of("mobile", other.mobile(), "priority", 3)).bearerAuth(head));
        assertTrue(getList("/pupils/" + p.id() + "/contacts", officer).contains(listed), "nothing stored");
        Map<String, Object> noEmail = new HashMap<>();
        noEmail.put("email", null);
        assertNull(patch(uri, noEmail, head).get("email"));
        badField(uri, Map.of("mobile", "0113 496 0000"), "mobile");
        Map<String, Object> nullPriority = new HashMap<>();
        nullPriority.put("priority", null);
        badField(uri, nullPriority, "priority");
        expect(403, HttpRequest.PATCH(uri, Map.of("priority", 1)).bearerAuth(officer));
        expect(404, HttpRequest.PATCH("/pupils/" + p.id() + "/contacts/" + other.id(), Map.of("priority", 1)).bearerAuth(head));
        expect(404, HttpRequest.PATCH(uri, Map.of("priority", 1)).bearerAuth(otherHead));

        http.toBlocking().exchange(HttpRequest.DELETE(uri).bearerAuth(head));
        List<Map<String, Object>> audit = entries("/pupils/" + p.id() + "/audit", dsl);
        assertEquals(List.of("CONTACT_UNLINKED", "CONTACT_UPDATED", "CONTACT_UPDATED", "CONTACT_LINKED"),
                audit.stream().map(a -> a.get("action")).toList());
        assertEquals(List.of(Map.of("field", "email", "before", "mum@example.com")), audit.get(1).get("changes"));
        assertTrue(list(audit.get(2).get("changes")).contains(Map.of("field", "relationship", "before", "Mother", "after", "Stepmother")));
        assertEquals(mother.id().intValue(), audit.get(0).get("entityId"));
    }

    // ---- helpers ----

    private void at(String instant) {
        CLOCK.advance(Duration.between(CLOCK.instant(), Instant.parse(instant)));
        sweep.run(school.id(), CLOCK.instant());
    }

    private void mark(PupilRecord p, String date, String session, String code) {
        http.toBlocking().retrieve(HttpRequest.PUT("/pupils/" + p.id() + "/marks/" + date + "/" + session,
                Map.of("code", code, "reason", "Register taken")).bearerAuth(officer), Json.OBJECT);
    }

    private void badField(String uri, Map<String, Object> body, String field) {
        MutableHttpRequest<?> request = uri.endsWith("/addresses") ? HttpRequest.POST(uri, body) : HttpRequest.PATCH(uri, body);
        try {
            http.toBlocking().exchange(request.bearerAuth(uri.contains("/contacts/") ? head : dsl), String.class);
            fail(body + " accepted");
        } catch (HttpClientResponseException e) {
            assertEquals(400, e.getStatus().getCode(), e.getResponse().getBody(String.class).orElse(""));
            List<Map<String, Object>> errors = list(e.getResponse().getBody(Json.OBJECT).orElseThrow().get("errors"));
            assertTrue(errors.stream().anyMatch(f -> field.equals(f.get("field"))), field + ": " + errors);
        }
    }

    private void expect(int status, MutableHttpRequest<?> request) {
        try {
            var response = http.toBlocking().exchange(request, String.class);
            assertEquals(status, response.code(), String.valueOf(response.body()));
        } catch (HttpClientResponseException e) {
            assertEquals(status, e.getStatus().getCode(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private Map<String, Object> patch(String uri, Map<String, Object> body, String token) {
        return http.toBlocking().retrieve(HttpRequest.PATCH(uri, body).bearerAuth(token), Json.OBJECT);
    }

    private Map<String, Object> post(String uri, Map<String, Object> body, String token) {
        return http.toBlocking().retrieve(HttpRequest.POST(uri, body).bearerAuth(token), Json.OBJECT);
    }

    private Map<String, Object> get(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Json.OBJECT);
    }

    private List<Map<String, Object>> getList(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Json.LIST);
    }

    private List<Map<String, Object>> entries(String uri, String token) {
        return list(get(uri, token).get("entries"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
