package uk.attendance.casework.support;

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
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.notify.push.FakeFcm;
import uk.attendance.notify.outbox.OutboxWorker;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Support meetings, plans and contracts over HTTP on the real database: staff record, change and review them; the
 * family reads their own child's, another family gets 404; the owner is pushed before a review is due (the clock fixed,
 * the outbox drained by hand through the real Firebase Admin SDK to a {@link FakeFcm}).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.firebase.api-base-url", value = FakeFcm.API_BASE_URL)
@Property(name = "attendance.outbox.poller", value = "false")
class SupportRecordsHttpTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    SupportReviewReminders reminders;
    @Inject
    OutboxWorker worker;
    @Inject
    FakeFcm fcm;

    TrustRecord trust;
    SchoolRecord school;
    PupilRecord child;
    PupilRecord otherChild;
    String parent;
    String otherParent;
    StaffRecord officerRecord;
    String officer;
    String teacher;
    String head;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        child = fixtures.pupil(school, "4B");
        otherChild = fixtures.pupil(school, "4B");
        parent = fixtures.token(fixtures.parentOf(trust, child));
        otherParent = fixtures.token(fixtures.parentOf(trust, otherChild));
        officerRecord = fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER);
        officer = fixtures.token(officerRecord);
        teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        head = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.HEADTEACHER));
    }

    @Test
    void aPlanIsRecordedChangedAndReviewedUntilClosed() {
        Map<String, Object> plan = create(child, officer, Map.of("kind", "SUPPORT_PLAN", "startsOn", "2026-02-02",
                "attendees", List.of("Mrs Test (mother)", "Ms Patel (attendance officer)"),
                "agreed", "A morning check-in; breakfast club",
                "actions", List.of(Map.of("what", "Morning check-in at 08:40", "owner", "Ms Patel", "dueOn", "2026-02-06"))));
        long id = id(plan);
        assertEquals("ACTIVE", plan.get("status"));
        assertEquals("2026-03-02", plan.get("nextReviewOn"), "4 weeks after it starts by default");
        assertEquals(officerRecord.id(), ((Number) plan.get("ownerStaffId")).longValue(), "owned by whoever recorded it");
        assertEquals(officerRecord.name(), plan.get("ownerName"));
        assertEquals(List.of("Mrs Test (mother)", "Ms Patel (attendance officer)"), plan.get("attendees"));

        Map<String, Object> changed = http.toBlocking().retrieve(HttpRequest.PUT("/support-records/" + id, Map.of(
                "kind", "SUPPORT_PLAN", "startsOn", "2026-02-02", "agreed", "A morning check-in; breakfast club; a buddy",
                "actions", List.of(Map.of("what", "Morning check-in at 08:40", "owner", "Ms Patel", "dueOn", "2026-02-06", "done", true),
                        Map.of("what", "Breakfast club place", "owner", "Mr Jones", "dueOn", "2026-02-13")))).bearerAuth(officer), Json.OBJECT);
        assertEquals("A morning check-in; breakfast club; a buddy", changed.get("agreed"));
        assertEquals(2, ((List<?>) changed.get("actions")).size());
        assertEquals(true, ((Map<?, ?>) ((List<?>) changed.get("actions")).get(0)).get("done"));
        assertEquals("2026-03-02", changed.get("nextReviewOn"), "the review date stays unless one is sent");

        HttpResponse<Map<String, Object>> reviewed = http.toBlocking().exchange(HttpRequest.POST("/support-records/" + id + "/reviews",
                Map.of("reviewedOn", "2026-03-02", "outcome", "CONTINUE", "note", "Attendance up to 93 %")).bearerAuth(officer), Json.OBJECT);
        assertEquals(201, reviewed.code());
        Map<String, Object> afterReview = reviewed.body();
        assertEquals("2026-03-30", afterReview.get("nextReviewOn"), "the next review 4 weeks on");
        List<?> reviews = (List<?>) afterReview.get("reviews");
        assertEquals(1, reviews.size());
        assertEquals("CONTINUE", ((Map<?, ?>) reviews.get(0)).get("outcome"));

        Map<String, Object> closed = http.toBlocking().retrieve(HttpRequest.POST("/support-records/" + id + "/reviews",
                Map.of("reviewedOn", "2026-03-09", "outcome", "CLOSE")).bearerAuth(officer), Json.OBJECT);
        assertEquals("CLOSED", closed.get("status"));
        assertNull(closed.get("nextReviewOn"));
        assertEquals(2, ((List<?>) closed.get("reviews")).size());

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/support-records/" + id + "/reviews", Map.of("reviewedOn", "2026-03-10", "outcome", "CONTINUE"))
                        .bearerAuth(officer), String.class));
        assertEquals(409, e.getStatus().getCode(), "a closed record has no further reviews");
    }

    @Test
    void contractsKeepTheirTermsAndBadDatesAreRefusedNamingTheField() {
        Map<String, Object> contract = create(child, officer, Map.of("kind", "PARENTING_CONTRACT", "startsOn", "2026-03-02",
                "endsOn", "2026-06-26", "terms", "Parents make sure the child is in school by 08:40 every day"));
        assertEquals("Parents make sure the child is in school by 08:40 every day", contract.get("terms"));
        assertEquals("2026-06-26", contract.get("endsOn"));

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> create(child, officer,
                Map.of("kind", "ATTENDANCE_CONTRACT", "startsOn", "2026-03-02", "endsOn", "2026-03-01")));
        Problems.assertProblem(e, 400, "endsOn", "before startsOn");

        StaffRecord elsewhere = fixtures.staff(trust, Optional.of(fixtures.school(trust)), Roles.ATTENDANCE_OFFICER);
        e = assertThrows(HttpClientResponseException.class, () -> create(child, officer,
                Map.of("kind", "SUPPORT_PLAN", "startsOn", "2026-03-02", "ownerStaffId", elsewhere.id())));
        Problems.assertProblem(e, 400, "ownerStaffId", "at the pupil's school");

        e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.PUT(
                "/support-records/" + id(contract), Map.of("kind", "SUPPORT_PLAN", "startsOn", "2026-03-02")).bearerAuth(officer), String.class));
        Problems.assertProblem(e, 400, "kind", "cannot change");
    }

    @Test
    void theFamilyReadsTheirOwnChildsRecordsAndNoOtherFamilysEver() {
        long meeting = id(create(child, officer, Map.of("kind", "MEETING", "startsOn", "2026-03-03",
                "attendees", List.of("Mrs Test (mother)"), "agreed", "Walk in with a friend")));
        long otherMeeting = id(create(otherChild, officer, Map.of("kind", "MEETING", "startsOn", "2026-03-03")));

        List<Map<String, Object>> mine = http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + child.id() + "/support-records")
                .bearerAuth(parent), Json.LIST);
        assertTrue(mine.stream().anyMatch(r -> id(r) == meeting));
        assertTrue(mine.stream().allMatch(r -> ((Number) r.get("pupilId")).longValue() == child.id()));
        Map<String, Object> one = http.toBlocking().retrieve(HttpRequest.GET("/support-records/" + meeting).bearerAuth(parent), Json.OBJECT);
        assertEquals("Walk in with a friend", one.get("agreed"));
        assertNull(one.get("nextReviewOn"), "a meeting has no review unless one is set");
        http.toBlocking().retrieve(HttpRequest.GET("/support-records/" + meeting).bearerAuth(teacher), Json.OBJECT);

        for (String uri : List.of("/support-records/" + otherMeeting, "/pupils/" + otherChild.id() + "/support-records")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(parent), String.class));
            assertEquals(404, e.getStatus().getCode(), uri);
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/support-records/" + meeting).bearerAuth(otherParent), String.class));
        assertEquals(404, e.getStatus().getCode());
        e = assertThrows(HttpClientResponseException.class, () -> create(child, parent, Map.of("kind", "MEETING", "startsOn", "2026-03-03")));
        assertEquals(403, e.getStatus().getCode(), "families read, staff write");
        e = assertThrows(HttpClientResponseException.class, () -> create(child, teacher, Map.of("kind", "MEETING", "startsOn", "2026-03-03")));
        assertEquals(403, e.getStatus().getCode(), "class teachers read only");
    }

    @Test
    void theSchoolSetsItsReviewInterval() {
        SchoolRecord own = fixtures.school(trust);
        PupilRecord pupil = fixtures.pupil(own, "5C");
        String ownHead = fixtures.token(fixtures.staff(trust, Optional.of(own), Roles.HEADTEACHER));
        String ownOfficer = fixtures.token(fixtures.staff(trust, Optional.of(own), Roles.ATTENDANCE_OFFICER));
        assertEquals(4, ((Number) http.toBlocking().retrieve(HttpRequest.GET("/schools/" + own.id() + "/support-settings")
                .bearerAuth(ownOfficer), Json.OBJECT).get("reviewWeeks")).intValue());
        Map<String, Object> set = http.toBlocking().retrieve(HttpRequest.PUT("/schools/" + own.id() + "/support-settings",
                Map.of("reviewWeeks", 6)).bearerAuth(ownHead), Json.OBJECT);
        assertEquals(6, ((Number) set.get("reviewWeeks")).intValue());
        assertEquals(3, ((Number) set.get("reminderDaysBefore")).intValue());
        Map<String, Object> plan = create(pupil, ownOfficer, Map.of("kind", "ATTENDANCE_CONTRACT", "startsOn", "2026-03-02"));
        assertEquals("2026-04-13", plan.get("nextReviewOn"), "6 weeks on at this school");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT("/schools/" + own.id() + "/support-settings", Map.of("reviewWeeks", 13)).bearerAuth(ownHead), String.class));
        assertEquals(400, e.getStatus().getCode());
    }

    @Test
    void theOwnerIsPushedDaysBeforeAReviewOnceAndNobodyElse() {
        StaffRecord owner = fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER);
        String ownerDevice = device(fixtures.token(owner));
        String officerDevice = device(officer);
        long soon = id(create(child, officer, Map.of("kind", "SUPPORT_PLAN", "startsOn", "2026-02-12",
                "ownerStaffId", owner.id(), "nextReviewOn", "2026-03-12")));
        long later = id(create(child, officer, Map.of("kind", "ATTENDANCE_CONTRACT", "startsOn", "2026-02-20",
                "ownerStaffId", owner.id(), "nextReviewOn", "2026-03-20")));

        List<Long> diary = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + school.id()
                + "/support-records?reviewDueBy=2026-03-13").bearerAuth(officer), Json.LIST).stream().map(SupportRecordsHttpTest::id).toList();
        assertTrue(diary.contains(soon) && !diary.contains(later), "the reviews due by the 13th: " + diary);
        reminders.remind();
        assertEquals(0, reminders.remind(), "a review is reminded once");
        worker.drain();
        List<FakeFcm.Received> pushes = fcm.sentTo(ownerDevice);
        assertEquals(1, pushes.size(), "only the review due in 2 days (3 days' notice): " + pushes);
        assertEquals("Support review due", pushes.get(0).title());
        assertTrue(pushes.get(0).body().contains("Thu 12 Mar"), pushes.get(0).body());
        assertEquals(List.of(), fcm.sentTo(officerDevice), "the owner, not whoever recorded it");
        List<Map<String, Object>> queued = db.rows("SELECT to_person_kind, to_person_id, purpose, status FROM outbox_message"
                + " WHERE dedupe_key LIKE ?", "push:support-review:" + soon + ":%");
        assertEquals(1, queued.size());
        assertEquals("STAFF", queued.get(0).get("to_person_kind"));
        assertEquals(owner.id(), ((Number) queued.get(0).get("to_person_id")).longValue());

        try {
            CLOCK.advance(Duration.ofDays(7));
            reminders.remind();
            worker.drain();
            assertEquals(2, fcm.sentTo(ownerDevice).size(), "the contract's review on the 20th is reminded on the 17th");
            assertEquals(1, db.rows("SELECT id FROM outbox_message WHERE dedupe_key LIKE ?",
                    "push:support-review:" + later + ":%").size());
        } finally {
            CLOCK.advance(Duration.ofDays(-7));
        }
    }

    private String device(String token) {
        String device = "fcm-" + UUID.randomUUID() + ":APA91b" + "q".repeat(60);
        http.toBlocking().exchange(HttpRequest.POST("/me/devices", Map.of("token", device, "platform", "ANDROID"))
                .bearerAuth(token), String.class);
        return device;
    }

    private Map<String, Object> create(PupilRecord pupil, String token, Map<String, Object> body) {
        HttpResponse<Map<String, Object>> created = http.toBlocking().exchange(HttpRequest.POST(
                "/pupils/" + pupil.id() + "/support-records", body).bearerAuth(token), Json.OBJECT);
        assertEquals(201, created.code());
        return created.body();
    }

    private static long id(Map<String, Object> record) {
        return ((Number) record.get("id")).longValue();
    }
}
