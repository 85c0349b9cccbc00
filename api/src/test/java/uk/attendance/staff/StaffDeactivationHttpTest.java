package uk.attendance.staff;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
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
import uk.attendance.auth.SignInFixture;
import uk.attendance.followup.morning.MorningSweep;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Switching a staff account off: the member can no longer sign in, refresh, or use an access token already issued;
 * their devices are forgotten and they are no longer among the staff told of new tasks; the call task they held goes
 * back on the list. A headteacher manages their school's staff, a trust admin the trust's; others get 404. Nobody
 * switches themselves off, and a trust always keeps an active trust admin. Each change is audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.clock.fixed", value = "2025-11-20T07:00:00Z")
@Property(name = "attendance.outbox.poller", value = "false")
@Property(name = "attendance.staff.inactive-refresh", value = "1h")
@Property(name = "attendance.changes.poll-interval", value = "1h")
class StaffDeactivationHttpTest {
    private static final String PASSWORD = "a-long-test-password";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    StaffService staffService;
    @Inject
    MorningSweep morning;

    TrustRecord trust;
    SchoolRecord school;
    SchoolRecord otherSchool;
    StaffRecord headRecord;
    String head;
    String admin;
    StaffRecord adminRecord;
    String otherHead;

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        otherSchool = fixtures.school(trust);
        headRecord = fixtures.staff(trust, Optional.of(school), Roles.HEADTEACHER);
        head = fixtures.token(headRecord);
        adminRecord = fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN);
        admin = fixtures.token(adminRecord);
        otherHead = fixtures.token(fixtures.staff(trust, Optional.of(otherSchool), Roles.HEADTEACHER));
    }

    @Test
    void aSwitchedOffMemberIsRefusedAtOnceAndGetsNoPushesNorTasks() {
        StaffRecord officer = fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER);
        Map<String, Object> pair = http.toBlocking().retrieve(HttpRequest.POST("/auth/staff/login",
                Map.of("email", officer.email(), "password", PASSWORD)), Json.OBJECT);
        String token = String.valueOf(pair.get("accessToken"));
        http.toBlocking().exchange(HttpRequest.POST("/me/devices", Map.of("token", "fcm-" + Fixtures.next() + ":APA91b"
                + "q".repeat(60), "platform", "ANDROID")).bearerAuth(token), String.class);
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/me").bearerAuth(token), String.class).code());
        // the morning raises a call task for an unmarked pupil; the officer claims it
        PupilRecord pupil = fixtures.pupil(school, "D" + Fixtures.next());
        fixtures.parentOf(trust, pupil);
        morning.run(school.id(), Instant.parse("2025-11-17T10:00:00Z"));
        long task = ((Number) db.rows("SELECT id FROM follow_up_task WHERE pupil_id = ? AND kind = 'CALL'", pupil.id())
                .get(0).get("id")).longValue();
        http.toBlocking().exchange(HttpRequest.POST("/call-tasks/" + task + "/claim", "").bearerAuth(token), String.class);
        assertTrue(ids(staffService.atSchoolWithRole(school.id(), Roles.ATTENDANCE_OFFICER)).contains(officer.id()));

        Map<String, Object> off = http.toBlocking().retrieve(HttpRequest.POST("/staff/" + officer.id() + "/deactivation", "")
                .bearerAuth(head), Json.OBJECT);
        assertEquals(false, off.get("active"));

        expect(401, HttpRequest.GET("/me").bearerAuth(token));
        expect(401, HttpRequest.POST("/auth/staff/login", Map.of("email", officer.email(), "password", PASSWORD)));
        expect(401, HttpRequest.POST("/auth/refresh", Map.of("refreshToken", pair.get("refreshToken"))));
        assertEquals(List.of(), db.rows("SELECT id FROM device WHERE owner_kind = 'STAFF' AND owner_id = ?", officer.id()),
                "no device left to push to");
        assertFalse(ids(staffService.atSchoolWithRole(school.id(), Roles.ATTENDANCE_OFFICER)).contains(officer.id()),
                "not among the officers told of new call tasks");
        assertEquals("OPEN", db.rows("SELECT state FROM follow_up_task WHERE id = ?", task).get(0).get("state"),
                "the task they held is back on the list");
        assertEquals(false, listed(officer.id()).get("active"));

        // an account already off stays off; switched back on, the member signs in again
        assertEquals(false, http.toBlocking().retrieve(HttpRequest.POST("/staff/" + officer.id() + "/deactivation", "")
                .bearerAuth(admin), Json.OBJECT).get("active"));
        assertEquals(true, http.toBlocking().retrieve(HttpRequest.POST("/staff/" + officer.id() + "/reactivation", "")
                .bearerAuth(head), Json.OBJECT).get("active"));
        Map<String, Object> again = http.toBlocking().retrieve(HttpRequest.POST("/auth/staff/login",
                Map.of("email", officer.email(), "password", PASSWORD)), Json.OBJECT);
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/me").bearerAuth(String.valueOf(again.get("accessToken"))),
                String.class).code());

        List<Map<String, Object>> audit = list(http.toBlocking().retrieve(HttpRequest.GET("/staff/" + officer.id() + "/audit")
                .bearerAuth(head), Json.OBJECT).get("entries"));
        assertEquals(List.of("REACTIVATED", "DEACTIVATED"), audit.stream().map(a -> a.get("action")).toList());
        assertEquals(List.of(Map.of("field", "active", "before", "true", "after", "false")), audit.get(1).get("changes"));
        assertEquals(headRecord.name(), ((Map<?, ?>) audit.get(1).get("actor")).get("name"));
    }

    @Test
    void onlyTheirHeadteacherOrATrustAdminManageAnAccount() {
        StaffRecord teacher = fixtures.staff(trust, Optional.of(school), Roles.TEACHER);
        String teacherToken = fixtures.token(teacher);
        expect(404, HttpRequest.POST("/staff/" + teacher.id() + "/deactivation", "").bearerAuth(otherHead));
        expect(404, HttpRequest.GET("/staff/" + teacher.id() + "/audit").bearerAuth(otherHead));
        expect(404, HttpRequest.POST("/staff/" + adminRecord.id() + "/deactivation", "").bearerAuth(head),
                "a trust admin is not the school's staff");
        expect(403, HttpRequest.POST("/staff/" + teacher.id() + "/deactivation", "").bearerAuth(teacherToken));
        TrustRecord otherTrust = fixtures.trust();
        String foreignAdmin = fixtures.token(fixtures.staff(otherTrust, Optional.empty(), Roles.TRUST_ADMIN));
        expect(404, HttpRequest.POST("/staff/" + teacher.id() + "/deactivation", "").bearerAuth(foreignAdmin));
        expect(404, HttpRequest.POST("/staff/99999999/deactivation", "").bearerAuth(admin));
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/me").bearerAuth(teacherToken), String.class).code(),
                "nothing changed");
        assertEquals(List.of(), list(http.toBlocking().retrieve(HttpRequest.GET("/staff/" + teacher.id() + "/audit")
                .bearerAuth(admin), Json.OBJECT).get("entries")));
    }

    @Test
    void nobodySwitchesThemselvesOffAndTheLastTrustAdminStays() {
        expect(409, HttpRequest.POST("/staff/" + headRecord.id() + "/deactivation", "").bearerAuth(head));
        expect(409, HttpRequest.POST("/staff/" + adminRecord.id() + "/deactivation", "").bearerAuth(admin));

        // a trust of two admins: one may switch the other off, and then is the last
        TrustRecord small = fixtures.trust();
        StaffRecord first = fixtures.staff(small, Optional.empty(), Roles.TRUST_ADMIN);
        StaffRecord second = fixtures.staff(small, Optional.empty(), Roles.TRUST_ADMIN);
        // the second admin's request was already under way (its token still accepted) when the first one switched it
        // off: switching off the first one now would leave the trust without an active admin
        String secondToken = fixtures.token(second);
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/me").bearerAuth(secondToken), String.class).code());
        db.update("UPDATE staff_user SET active = FALSE WHERE id = ?", second.id());
        try {
            http.toBlocking().exchange(HttpRequest.POST("/staff/" + first.id() + "/deactivation", "").bearerAuth(secondToken),
                    String.class);
            throw new AssertionError("the last active trust admin was switched off");
        } catch (HttpClientResponseException e) {
            assertEquals(409, e.getStatus().getCode());
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains("last active trust admin"));
        }
        assertEquals(true, db.rows("SELECT active FROM staff_user WHERE id = ?", first.id()).get(0).get("active"));
        db.update("UPDATE staff_user SET active = TRUE WHERE id = ?", second.id());
        // with the second admin active, the first may switch it off
        assertEquals(false, http.toBlocking().retrieve(HttpRequest.POST("/staff/" + second.id() + "/deactivation", "")
                .bearerAuth(fixtures.token(first)), Json.OBJECT).get("active"));
        expect(401, HttpRequest.GET("/me").bearerAuth(secondToken));
    }

    // ---- helpers ----

    private Map<String, Object> listed(long staffId) {
        return http.toBlocking().retrieve(HttpRequest.GET("/staff").bearerAuth(admin), Json.LIST).stream()
                .filter(s -> ((Number) s.get("id")).longValue() == staffId).findFirst().orElseThrow();
    }

    private static List<Long> ids(List<StaffRecord> staff) {
        return staff.stream().map(StaffRecord::id).toList();
    }

    private void expect(int status, MutableHttpRequest<?> request) {
        expect(status, request, "");
    }

    private void expect(int status, MutableHttpRequest<?> request, String why) {
        try {
            var response = http.toBlocking().exchange(request, String.class);
            assertEquals(status, response.code(), why);
        } catch (HttpClientResponseException e) {
            assertEquals(status, e.getStatus().getCode(), why + " " + e.getResponse().getBody(String.class).orElse(""));
            assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
