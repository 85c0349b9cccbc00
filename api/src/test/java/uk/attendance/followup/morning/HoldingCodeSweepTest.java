package uk.attendance.followup.morning;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * N → O at the end of the 5th school day after the session, counted on the school's calendar across the October
 * half-term (27-31 Oct 2025), through the amendment trail as SYSTEM; once only; on one instance at a time.
 */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class HoldingCodeSweepTest {

    @jakarta.inject.Inject
    javax.sql.DataSource markMonthsDataSource;

    @org.junit.jupiter.api.AfterAll
    void markMonthsKeptInStep() throws java.sql.SQLException {
        uk.attendance.register.MarkMonthsConsistency.assertKeptInStep(markMonthsDataSource);
    }
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-10-22T08:30:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    HoldingCodeSweep sweep;
    @Inject
    LockProvider locks;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @Test
    void anUnexplainedSessionBecomesOAtTheEndOfTheFifthSchoolDayAcrossHalfTermAndNotBefore() {
        at("2025-10-22T08:30:00Z");
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        PupilRecord missing = fixtures.pupil(school, "4B");
        PupilRecord explained = fixtures.pupil(school, "4B");
        PupilRecord present = fixtures.pupil(school, "4B");
        String officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        // Wednesday 22 October 2025, the week before half-term
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/registers", Map.of(
                "date", "2025-10-22", "session", "AM", "registrationGroup", "4B", "marks", List.of(
                        Map.of("pupilId", missing.id(), "code", "N"),
                        Map.of("pupilId", explained.id(), "code", "N"),
                        Map.of("pupilId", present.id(), "code", "/")))).bearerAuth(officer));
        at("2025-10-23T10:00:00Z");
        http.toBlocking().exchange(HttpRequest.PUT("/pupils/" + explained.id() + "/marks/2025-10-22/AM",
                Map.of("code", "I", "reason", "Mother phoned: stomach bug")).bearerAuth(officer));

        // 5 weekdays later, but inside half-term: only Thu 23 and Fri 24 were school days
        at("2025-10-30T12:00:00Z");
        sweep.run();
        assertEquals("N", currentCode(officer, missing));
        // D5 is Wednesday 5 November (23, 24 Oct, 3, 4, 5 Nov); one second before its end in London (GMT) it is still N
        at("2025-11-05T23:59:59Z");
        sweep.run();
        assertEquals("N", currentCode(officer, missing));

        at("2025-11-06T00:00:00Z");
        sweep.run();
        sweep.run();

        Map<String, Object> history = history(officer, missing);
        assertEquals("O", history.get("currentCode"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> changes = (List<Map<String, Object>>) history.get("amendments");
        assertEquals(1, changes.size(), "amended once, however often the sweep runs");
        Map<String, Object> change = changes.get(0);
        assertEquals("N", change.get("originalCode"));
        assertEquals("O", change.get("newCode"));
        assertEquals("SYSTEM", change.get("byName"));
        assertEquals("automated rule", change.get("byPosition"));
        assertEquals("2025-11-06T00:00:00Z", change.get("amendedAt"));
        String reason = String.valueOf(change.get("reason"));
        assertTrue(reason.contains("5 school days") && reason.contains("2025-11-05") && reason.contains("N becomes O"), reason);
        @SuppressWarnings("unchecked") Map<String, Object> original = (Map<String, Object>) history.get("original");
        assertEquals("N", original.get("code"), "the original entry is kept");

        assertEquals("I", currentCode(officer, explained), "a code staff entered is left alone");
        assertEquals("/", currentCode(officer, present));
    }

    @Test
    void whileAnotherInstanceHoldsTheLockTheSweepDoesNotRun() {
        at("2025-12-01T08:30:00Z");
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        PupilRecord pupil = fixtures.pupil(school, "5A");
        String officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/registers", Map.of(
                "date", "2025-12-01", "session", "AM", "registrationGroup", "5A",
                "marks", List.of(Map.of("pupilId", pupil.id(), "code", "N")))).bearerAuth(officer));
        // Monday 1 December: D5 is Monday 8 December
        at("2025-12-09T07:00:00Z");

        SimpleLock heldElsewhere = locks.lock(new LockConfiguration(Instant.now(), HoldingCodeSweep.LOCK,
                Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        try {
            sweep.run();
            assertEquals("N", currentCode(officer, pupil));
        } finally {
            heldElsewhere.unlock();
        }
        sweep.run();
        assertEquals("O", currentCode(officer, pupil));
    }

    private static void at(String instant) {
        CLOCK.advance(Duration.between(CLOCK.instant(), Instant.parse(instant)));
    }

    private String currentCode(String token, PupilRecord pupil) {
        return String.valueOf(history(token, pupil).get("currentCode"));
    }

    private Map<String, Object> history(String token, PupilRecord pupil) {
        String date = pupil.registrationGroup().equals("4B") ? "2025-10-22" : "2025-12-01";
        return http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + pupil.id() + "/marks/" + date + "/AM/history")
                .bearerAuth(token), JSON);
    }
}
