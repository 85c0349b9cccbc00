package uk.attendance.casework.chronology;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.auth.SignInFixture;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pupil's chronology over HTTP on the real database: register changes, absence reports, leave requests,
 * texts, pushes, calls, letters, support meetings, plans, contracts, reviews, penalty
 * steps and staff notes merged newest first and paged; who sees what (DSL-only notes, the family's items, another family 404).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.outbox.poller", value = "false")
class ChronologyHttpTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    Outbox outbox;

    SchoolRecord school;
    PupilRecord child;
    String parent;
    String otherParent;
    String officer;
    String teacher;
    String dsl;
    String head;
    long sentLetter;
    long proposedLetter;
    long callTask;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        school = fixtures.school(trust);
        child = fixtures.pupil(school, "4B");
        PupilRecord otherChild = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, child);
        parent = fixtures.token(mother);
        otherParent = fixtures.token(fixtures.parentOf(trust, otherChild));
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        dsl = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.DSL));
        head = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.HEADTEACHER));

        // 2 Feb: a meeting; 9 Feb: a plan; 16 Feb: a contract; 23 Feb: the plan reviewed (all 09:00 school time)
        post("/pupils/" + child.id() + "/support-records", Map.of("kind", "MEETING", "startsOn", "2026-02-02",
                "attendees", List.of("Mrs Test (mother)"), "agreed", "Walk in with a friend"));
        long plan = id(post("/pupils/" + child.id() + "/support-records", Map.of("kind", "SUPPORT_PLAN",
                "startsOn", "2026-02-09", "agreed", "Morning check-in")));
        post("/pupils/" + child.id() + "/support-records", Map.of("kind", "ATTENDANCE_CONTRACT",
                "startsOn", "2026-02-16", "terms", "Attend every day on time"));
        post("/support-records/" + plan + "/reviews", Map.of("reviewedOn", "2026-02-23", "outcome", "CONTINUE",
                "note", "Up to 93 %"));
        // 2 Mar 09:30: Tuesday 24 Feb AM taken as present, then changed to I with a reason
        http.toBlocking().exchange(HttpRequest.PUT("/pupils/" + child.id() + "/marks/2026-02-24/AM",
                Map.of("code", "/", "reason", "Register taken late")).bearerAuth(officer));
        http.toBlocking().exchange(HttpRequest.PUT("/pupils/" + child.id() + "/marks/2026-02-24/AM",
                Map.of("code", "I", "reason", "Mum phoned: ill, wrongly marked present")).bearerAuth(officer));
        CLOCK.advance(Duration.ofMinutes(15));
        // 09:45: the parent reports an illness for tomorrow
        http.toBlocking().exchange(HttpRequest.POST("/absence-reports", Map.of("pupilIds", List.of(child.id()),
                "firstDay", "2026-03-03", "reason", "ILLNESS")).bearerAuth(parent));
        CLOCK.advance(Duration.ofMinutes(5));
        // 09:50: and asks for leave
        http.toBlocking().exchange(HttpRequest.POST("/leave-requests", Map.of("pupilId", child.id(),
                "type", "EXCEPTIONAL_CIRCUMSTANCES", "firstDay", "2026-03-09", "lastDay", "2026-03-10",
                "reason", "A family funeral")).bearerAuth(parent));
        CLOCK.advance(Duration.ofMinutes(10));
        // 2 Mar 10:00: a penalty-notice case opened, with a notice to improve issued on 26 Feb
        long penaltyCase = id(post("/pupils/" + child.id() + "/penalty-cases", Map.of("parentContactId", mother.id(),
                "reason", "IRREGULAR_ATTENDANCE")));
        post("/penalty-cases/" + penaltyCase + "/notice-to-improve", Map.of("issuedOn", "2026-02-26", "improveBy", "2026-03-19"));
        // 2 Mar 10:00: a letter sent at 10:30; 11:00 a letter proposed (staff only); 11:30 a note; 12:00 a DSL-only note
        sentLetter = id(post("/pupils/" + child.id() + "/letters", Map.of("stage", "LONG_TERM_ILLNESS")));
        CLOCK.advance(Duration.ofMinutes(30));
        post("/letters/" + sentLetter + "/send", "");
        CLOCK.advance(Duration.ofMinutes(30));
        proposedLetter = id(post("/pupils/" + child.id() + "/letters", Map.of("stage", "PART_TIME_TIMETABLE")));
        CLOCK.advance(Duration.ofMinutes(30));
        post("/pupils/" + child.id() + "/chronology/notes", Map.of("text", "Mum called about the bus route", "dslOnly", false));
        CLOCK.advance(Duration.ofMinutes(30));
        HttpResponse<Map<String, Object>> note = http.toBlocking().exchange(HttpRequest.POST(
                "/pupils/" + child.id() + "/chronology/notes", Map.of("text", "Disclosure recorded on CPOMS", "dslOnly", true))
                .bearerAuth(teacher), Json.OBJECT);
        assertEquals(201, note.code(), "any member of staff passes a concern to the DSL");
        assertEquals(true, note.body().get("dslOnly"));
        // Wed 25 Feb 10:00: the morning raised a call task (day 2 without word); 2 Mar 12:30 the officer's call goes unanswered
        callTask = morningCallTask(child, "2026-02-25", "2026-02-25 10:00:00");
        CLOCK.advance(Duration.ofMinutes(30));
        post("/call-tasks/" + callTask + "/outcomes", Map.of("outcome", "NO_ANSWER", "note", "Rang mum twice"));
        // 12:45: a text to the mother about the child (the morning text's kind), through the outbox as every text goes
        CLOCK.advance(Duration.ofMinutes(15));
        outbox.enqueue(OutboxMessage.text("chronology-test-" + child.id(), "morning-text", mother.mobile(), Caller.Kind.PARENT,
                mother.id(), "Tyler was not in school this morning. Please reply with the reason.",
                OutboxMessage.About.pupil(school.id(), child.id())));
    }

    /** A call task as the 10:00 step of the school morning raises it (MorningTasks), for a day already past. */
    private long morningCallTask(PupilRecord pupil, String day, String raisedAtUtc) {
        db.update("INSERT INTO follow_up_task (school_id, pupil_id, school_day, kind, state, social_worker, child_protection,"
                + " looked_after, send_status, consecutive_days, created_at) VALUES (?, ?, ?, 'CALL', 'OPEN', FALSE, FALSE,"
                + " FALSE, 'NONE', 2, ?)", pupil.schoolId(), pupil.id(), day, raisedAtUtc);
        return ((Number) db.rows("SELECT id FROM follow_up_task WHERE pupil_id = ? AND school_day = ?", pupil.id(), day)
                .get(0).get("id")).longValue();
    }

    @Test
    void theDslReadsEverythingNewestFirstPageByPage() {
        List<Map<String, Object>> everything = items(dsl, "");
        assertEquals(List.of("TEXT", "CALL", "NOTE", "NOTE", "LETTER", "PUSH", "LETTER", "PENALTY", "LEAVE_REQUEST",
                "ABSENCE_REPORT", "REGISTER_CHANGE", "PENALTY", "CALL", "REVIEW", "CONTRACT", "PLAN", "MEETING"), kinds(everything));
        assertEquals("2026-03-02T12:45:00Z", everything.get(0).get("at"));
        assertTrue(String.valueOf(everything.get(0).get("title")).startsWith("Text to parent/carer"), String.valueOf(everything.get(0)));
        assertFalse(String.valueOf(everything.get(0)).contains("Please reply"), "a message's body is not in the chronology");
        assertEquals("Call: no answer", everything.get(1).get("title"));
        assertEquals("2026-03-02T12:30:00Z", everything.get(1).get("at"));
        assertEquals("Rang mum twice", everything.get(1).get("detail"));
        assertEquals(Map.of("type", "call-task", "id", (int) callTask), everything.get(1).get("ref"));
        assertEquals("Call task raised for 2026-02-25", everything.get(12).get("title"));
        assertEquals("2026-02-25T10:00:00Z", everything.get(12).get("at"));
        assertEquals("system", everything.get(12).get("by"));
        List<Map<String, Object>> all = everything.stream()
                .filter(i -> !"CALL".equals(i.get("kind")) && !"TEXT".equals(i.get("kind"))).toList();
        assertEquals("Safeguarding note", all.get(0).get("title"));
        assertEquals("2026-03-02T12:00:00Z", all.get(0).get("at"));
        assertEquals("2026-03-02T10:30:00Z", all.get(3).get("at"), "the letter's push to the family, queued when it was sent");
        assertEquals("system", all.get(3).get("by"));
        assertEquals("Long-term illness (sent)", all.get(4).get("title"));
        assertEquals("2026-03-02T10:30:00Z", all.get(4).get("at"), "a sent letter sits when it was sent");
        assertEquals(Map.of("type", "letter", "id", (int) sentLetter), all.get(4).get("ref"));
        assertEquals("2026-03-02T10:00:00Z", all.get(5).get("at"), "a case opened when it was recorded");
        assertEquals("Leave requested for 2026-03-09 to 2026-03-10", all.get(6).get("title"));
        assertEquals("Exceptional circumstances: A family funeral", all.get(6).get("detail"));
        assertEquals("Absence reported for 2026-03-03", all.get(7).get("title"));
        assertEquals("parent/carer", all.get(7).get("by"));
        assertEquals("2026-03-02T09:45:00Z", all.get(7).get("at"));
        assertTrue(String.valueOf(all.get(7).get("detail")).startsWith("Illness ("), String.valueOf(all.get(7).get("detail")));
        assertEquals("Mark 2026-02-24 AM: / → I", all.get(8).get("title"));
        assertEquals("Mum phoned: ill, wrongly marked present", all.get(8).get("detail"), "staff read the reason");
        assertEquals("2026-03-02T09:30:00Z", all.get(8).get("at"));
        assertEquals("Notice to improve", all.get(9).get("title"));
        assertEquals("2026-02-26T09:00:00Z", all.get(9).get("at"), "a dated step at 09:00 school time (GMT)");
        assertEquals("2026-02-23T09:00:00Z", all.get(10).get("at"), "a review on its date, 09:00 school time (GMT)");
        assertEquals("Up to 93 %", all.get(10).get("detail"));

        Map<String, Object> first = page(dsl, "?limit=4");
        Map<String, Object> second = page(dsl, "?limit=4&page=2");
        Map<String, Object> third = page(dsl, "?limit=4&page=3");
        assertEquals(List.of(true, true, true), List.of(first.get("hasMore"), second.get("hasMore"), third.get("hasMore")));
        // 17 items: four full pages and one more
        List<Map<String, Object>> pages = new ArrayList<>(list(first));
        pages.addAll(list(second));
        pages.addAll(list(third));
        Map<String, Object> fourth = page(dsl, "?limit=4&page=4");
        Map<String, Object> fifth = page(dsl, "?limit=4&page=5");
        assertEquals(List.of(4, 4, 4, 4, 1), List.of(list(first).size(), list(second).size(), list(third).size(),
                list(fourth).size(), list(fifth).size()));
        assertEquals(List.of(true, false), List.of(fourth.get("hasMore"), fifth.get("hasMore")));
        pages.addAll(list(fourth));
        pages.addAll(list(fifth));
        assertEquals(everything, pages, "pages: the same items, in the same order across each boundary, none twice, none missing");
        assertTrue(items(dsl, "?limit=4&page=6").isEmpty());

        assertEquals(List.of("LETTER", "LETTER"), kinds(items(dsl, "?kind=LETTER")));
        assertEquals(1, items(head, "").stream().filter(i -> Boolean.TRUE.equals(i.get("dslOnly"))).count(),
                "the headteacher reads safeguarding notes too");
    }

    @Test
    void otherStaffDoNotSeeTheDslOnlyNote() {
        for (String staff : List.of(officer, teacher)) {
            List<Map<String, Object>> all = items(staff, "");
            assertEquals(List.of("TEXT", "CALL", "NOTE", "LETTER", "PUSH", "LETTER", "PENALTY", "LEAVE_REQUEST", "ABSENCE_REPORT",
                    "REGISTER_CHANGE", "PENALTY", "CALL", "REVIEW", "CONTRACT", "PLAN", "MEETING"), kinds(all));
            assertEquals("Staff note", all.get(2).get("title"));
            assertFalse(all.stream().anyMatch(i -> String.valueOf(i.get("detail")).contains("CPOMS")));
        }
    }

    @Test
    void aConcernLoggedOnACallIsASafeguardingItemForTheDslOnly() {
        PupilRecord pupil = fixtures.pupil(school, "4B");
        long task = morningCallTask(pupil, "2026-02-27", "2026-02-27 10:00:00");
        post("/call-tasks/" + task + "/outcomes", Map.of("outcome", "CONCERN", "note", "Child heard crying in the background"));

        List<Map<String, Object>> dslView = items(dsl, pupil, "?kind=CALL");
        assertEquals(List.of("Call: concern passed to the DSL", "Call task raised for 2026-02-27"),
                dslView.stream().map(i -> i.get("title")).toList());
        assertEquals(true, dslView.get(0).get("dslOnly"));
        assertEquals("Child heard crying in the background", dslView.get(0).get("detail"));
        List<Map<String, Object>> officerView = items(officer, pupil, "?kind=CALL");
        assertEquals(List.of("Call task raised for 2026-02-27"), officerView.stream().map(i -> i.get("title")).toList(),
                "the concern's words are for the DSL");
    }

    @Test
    void theFamilySeesOnlyTheirSentLettersMeetingsPlansAndContracts() {
        List<Map<String, Object>> all = items(parent, "");
        assertEquals(List.of("LETTER", "REVIEW", "CONTRACT", "PLAN", "MEETING"), kinds(all));
        assertEquals(Map.of("type", "letter", "id", (int) sentLetter), all.get(0).get("ref"), "the sent letter, not the proposal");
        assertTrue(items(parent, "?kind=NOTE").isEmpty(), "never a note, DSL-only or not");

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/pupils/" + child.id() + "/chronology").bearerAuth(otherParent)));
        assertEquals(404, e.getStatus().getCode(), "another family's child");
        HttpClientResponseException write = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/pupils/" + child.id() + "/chronology/notes", Map.of("text", "x")).bearerAuth(parent)));
        assertEquals(403, write.getStatus().getCode(), "families do not write notes");
    }

    @Test
    void aBlankNoteIsRefusedNamingTheField() {
        int before = items(officer, "").size();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/pupils/" + child.id() + "/chronology/notes", Map.of("text", "   ")).bearerAuth(officer)));
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("text"));
        assertEquals(before, items(officer, "").size(), "nothing stored");
    }

    private Map<String, Object> post(String path, Object body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(officer), Json.OBJECT);
    }

    private static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    private Map<String, Object> page(String token, String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + child.id() + "/chronology" + query).bearerAuth(token), Json.OBJECT);
    }

    private List<Map<String, Object>> items(String token, String query) {
        return list(page(token, query));
    }

    private List<Map<String, Object>> items(String token, PupilRecord pupil, String query) {
        return list(http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + pupil.id() + "/chronology" + query)
                .bearerAuth(token), Json.OBJECT));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> kinds(List<Map<String, Object>> items) {
        Set<Object> refs = new HashSet<>();
        items.forEach(i -> assertTrue(refs.add(i.get("kind") + "/" + i.get("ref") + "/" + i.get("title") + "/" + i.get("at")), "no item twice: " + i));
        return items.stream().map(i -> String.valueOf(i.get("kind"))).toList();
    }
}
