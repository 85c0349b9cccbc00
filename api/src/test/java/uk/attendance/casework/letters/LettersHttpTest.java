package uk.attendance.casework.letters;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.contract.model.PupilContactInput;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff review, edit, dismiss and send letters; families read those sent; the stage settings; the U-late letter. */
@MicronautTest(transactional = false)
class LettersHttpTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-09-03T15:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    PupilService pupils;
    @Inject
    SignInFixture db;
    @Inject
    LetterProposals job;
    @Inject
    LockProvider locks;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    record Family(TrustRecord trust, SchoolRecord school, PupilRecord pupil, ContactRecord mother, ContactRecord father,
                  ContactRecord fosterCarer, ContactRecord grandparent, String officer) {
    }

    /** A pupil with two parents (parental responsibility), a carer they live with (none) and an emergency contact. */
    private Family family() {
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        PupilRecord pupil = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, pupil);
        ContactRecord father = pupils.link(pupil, trust.id(), new PupilContactInput("Father", "Test" + Fixtures.next(),
                Fixtures.uniqueMobile(), 2, "Father")).contact();
        ContactRecord carer = pupils.link(pupil, trust.id(), new PupilContactInput("Carer", "Test" + Fixtures.next(),
                Fixtures.uniqueMobile(), 3, "Step-parent").parentalResponsibility(false).livesWith(true)).contact();
        ContactRecord grandparent = fixtures.emergencyContactOf(trust, pupil);
        String officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        return new Family(trust, school, pupil, mother, father, carer, grandparent, officer);
    }

    @Test
    void staffReviewEditAndSendAProposedLetterToEachContactWithParentalResponsibilityAndTheFamilyReadsIt() {
        at("2025-09-03");
        Family f = family();
        // 5 school days, 2 of them missed: 60 % with 10 possible sessions
        registers(f, LocalDate.parse("2025-09-03"), List.of("/", "/", "/", "/", "O", "O", "I", "I", "/", "/"));
        assertEquals(1, job.propose(f.school()));

        List<Map<String, Object>> proposed = http.toBlocking().retrieve(get("/schools/" + f.school().id()
                + "/letters?status=PROPOSED", f.officer()), Json.LIST);
        assertEquals(1, proposed.size());
        Map<String, Object> letter = proposed.get(0);
        long id = ((Number) letter.get("id")).longValue();
        assertEquals("LETTER_2", letter.get("stage"), "60 % is below 90 (not below 50): the most severe stage crossed");
        assertEquals("Daily letters job", letter.get("proposedBy"));
        assertEquals(f.pupil().displayName(), letter.get("pupilName"));
        assertEquals("2025-09-09", letter.get("proposedOn"));
        assertTrue(String.valueOf(letter.get("body")).contains("dropped to 60.0%"), String.valueOf(letter.get("body")));
        assertEquals(List.of(), http.toBlocking().retrieve(get("/schools/" + f.school().id() + "/letters?stage=LETTER_1",
                f.officer()), Json.LIST));

        // the family sees nothing yet
        String mother = fixtures.token(f.mother());
        assertEquals(List.of(), http.toBlocking().retrieve(get("/pupils/" + f.pupil().id() + "/letters", mother), Json.LIST));
        assertStatus(404, get("/letters/" + id, mother));

        at("2025-09-10");
        Map<String, Object> edited = http.toBlocking().retrieve(HttpRequest.PATCH("/letters/" + id,
                Map.of("body", "Dear Mrs Test, we would like to meet you.")).bearerAuth(f.officer()), Json.OBJECT);
        assertEquals("Dear Mrs Test, we would like to meet you.", edited.get("body"));
        assertEquals(letter.get("subject"), edited.get("subject"));
        assertEquals("2025-09-10T14:00:00Z", edited.get("editedAt"));
        Problems.assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PATCH("/letters/" + id, Map.of()).bearerAuth(f.officer()))), 400, "body", "subject or body");

        Map<String, Object> sent = http.toBlocking().retrieve(HttpRequest.POST("/letters/" + id + "/send", "")
                .bearerAuth(f.officer()), Json.OBJECT);
        assertEquals("SENT", sent.get("status"));
        assertEquals("2025-09-10T14:00:00Z", sent.get("sentAt"));
        assertEquals(2, sent.get("recipients"));
        assertTrue(String.valueOf(sent.get("sentBy")).startsWith("Staff "), String.valueOf(sent.get("sentBy")));
        // sending twice sends once
        http.toBlocking().exchange(HttpRequest.POST("/letters/" + id + "/send", "").bearerAuth(f.officer()));

        List<Map<String, Object>> pushes = db.rows("SELECT to_person_id, title, body, data FROM outbox_message"
                + " WHERE purpose = 'letter' AND pupil_id = ? AND channel = 'PUSH'", f.pupil().id());
        assertEquals(Set.of(f.mother().id(), f.father().id()), pushes.stream()
                .map(r -> ((Number) r.get("to_person_id")).longValue()).collect(Collectors.toSet()),
                "each contact with parental responsibility once; not the carer without it, not the emergency contact");
        for (Map<String, Object> push : pushes) {
            String text = push.get("title") + " " + push.get("body") + " " + push.get("data");
            assertTrue(text.contains("/letters/" + id), text);
            // the school's name may hold any digits (a test school is numbered): look for the figure as it is written
            assertFalse(text.contains(f.pupil().firstName()) || text.matches("(?s).*\\b60(\\.0)?\\s?%.*"),
                    "no name, no figures: " + text);
        }

        // edits and dismissals stop once it is sent
        assertStatus(409, HttpRequest.PATCH("/letters/" + id, Map.of("subject", "Too late")).bearerAuth(f.officer()));
        assertStatus(409, HttpRequest.POST("/letters/" + id + "/dismissal", Map.of("reason", "No")).bearerAuth(f.officer()));

        // the family reads it: both parents and the carer the child lives with; not the emergency contact, not another family
        for (ContactRecord reader : List.of(f.mother(), f.father(), f.fosterCarer())) {
            String token = fixtures.token(reader);
            List<Map<String, Object>> own = http.toBlocking().retrieve(get("/pupils/" + f.pupil().id() + "/letters", token), Json.LIST);
            assertEquals(List.of(id), own.stream().map(l -> ((Number) l.get("id")).longValue()).toList());
            Map<String, Object> read = http.toBlocking().retrieve(get("/letters/" + id, token), Json.OBJECT);
            assertEquals("Dear Mrs Test, we would like to meet you.", read.get("body"));
            assertNull(read.get("proposedBy"), "who handled it is for staff");
            assertNull(read.get("sentBy"));
            @SuppressWarnings("unchecked") Map<String, Object> figures = (Map<String, Object>) read.get("figures");
            assertEquals(60.0, ((Number) figures.get("attendancePercent")).doubleValue());
            assertEquals(4, figures.get("sessionsMissed"));
            assertEquals(10, figures.get("sessionsPossible"));
            assertEquals(10.0, ((Number) figures.get("learningHoursLost")).doubleValue());
        }
        String grandparent = fixtures.token(f.grandparent());
        assertStatus(404, get("/letters/" + id, grandparent));
        assertStatus(404, get("/pupils/" + f.pupil().id() + "/letters", grandparent));
        Family other = family();
        String otherParent = fixtures.token(other.mother());
        assertStatus(404, get("/letters/" + id, otherParent));
        assertStatus(404, get("/pupils/" + f.pupil().id() + "/letters", otherParent));
        // staff of another school
        assertStatus(404, get("/letters/" + id, other.officer()));
        assertStatus(404, HttpRequest.POST("/letters/" + id + "/send", "").bearerAuth(other.officer()));
        assertStatus(404, get("/letters/999999999", f.officer()));
    }

    @Test
    void aDismissedLetterIsNeverSentNorShownToTheFamilyAndCountsForTheResendPeriod() {
        at("2025-09-03");
        Family f = family();
        registers(f, LocalDate.parse("2025-09-03"), List.of("/", "/", "/", "/", "/", "/", "/", "/", "/", "O"));
        assertEquals(1, job.propose(f.school()));
        Map<String, Object> letter = http.toBlocking().retrieve(get("/pupils/" + f.pupil().id() + "/letters", f.officer()),
                Json.LIST).get(0);
        long id = ((Number) letter.get("id")).longValue();
        assertEquals("LETTER_1", letter.get("stage"), "90 % is below 96 but not below 90");

        Problems.assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/letters/" + id + "/dismissal", Map.of("reason", "")).bearerAuth(f.officer()))),
                400, "reason", "");
        Map<String, Object> dismissed = http.toBlocking().retrieve(HttpRequest.POST("/letters/" + id + "/dismissal",
                Map.of("reason", "Absence was a hospital appointment; evidence seen")).bearerAuth(f.officer()), Json.OBJECT);
        assertEquals("DISMISSED", dismissed.get("status"));
        assertEquals("Absence was a hospital appointment; evidence seen", dismissed.get("dismissedReason"));
        assertStatus(409, HttpRequest.POST("/letters/" + id + "/send", "").bearerAuth(f.officer()));
        assertStatus(409, HttpRequest.PATCH("/letters/" + id, Map.of("subject", "x")).bearerAuth(f.officer()));
        assertStatus(404, get("/letters/" + id, fixtures.token(f.mother())));
        assertEquals(0, db.rows("SELECT id FROM outbox_message WHERE purpose = 'letter' AND pupil_id = ?", f.pupil().id()).size());

        // the next days the pupil is still below 96 %: the dismissal stands for the re-send period (42 days)
        at("2025-09-10");
        assertEquals(0, job.propose(f.school()));
        at("2025-10-20");
        assertEquals(0, job.propose(f.school()), "day 41 after the proposal");
        at("2025-10-21");
        assertEquals(1, job.propose(f.school()), "42 days on, still below 96 %: proposed again");
    }

    @Test
    void staffStartALongTermIllnessLetterFromTheSchoolsTemplate() {
        at("2025-09-03");
        Family f = family();
        registers(f, LocalDate.parse("2025-09-03"), List.of("/", "/", "I", "I", "I", "I"));
        Map<String, Object> created = http.toBlocking().retrieve(HttpRequest.POST("/pupils/" + f.pupil().id() + "/letters",
                Map.of("stage", "LONG_TERM_ILLNESS")).bearerAuth(f.officer()), Json.OBJECT);
        assertEquals("PROPOSED", created.get("status"));
        assertEquals("Long-term illness", created.get("stageName"));
        assertEquals("Supporting " + f.pupil().firstName() + " during illness", created.get("subject"));
        assertTrue(String.valueOf(created.get("body")).contains("33.3%"), String.valueOf(created.get("body")));
        assertTrue(String.valueOf(created.get("proposedBy")).startsWith("Staff "));
        assertStatus(409, HttpRequest.POST("/pupils/" + f.pupil().id() + "/letters", Map.of("stage", "LONG_TERM_ILLNESS"))
                .bearerAuth(f.officer()));
        assertEquals(0, job.propose(f.school()), "6 possible sessions: below the minimum of 10, the job proposes nothing");
    }

    @Test
    void eachSchoolKeepsItsOwnStagesThresholdsAndTemplates() {
        at("2025-09-03");
        Family f = family();
        Family other = family();
        Map<String, Object> defaults = http.toBlocking().retrieve(get("/schools/" + f.school().id() + "/letter-settings",
                f.officer()), Json.OBJECT);
        assertEquals(42, defaults.get("resendAfterDays"));
        assertEquals(10, defaults.get("minimumSessions"));
        Map<String, Map<String, Object>> stages = byStage(defaults);
        assertEquals(List.of("LETTER_1", "LETTER_2", "LETTER_3", "U_LATE", "LONG_TERM_ILLNESS", "PART_TIME_TIMETABLE"),
                new ArrayList<>(stages.keySet()));
        assertEquals(96, ((Number) stages.get("LETTER_1").get("thresholdPercent")).intValue());
        assertEquals("Letter 1, sharing information and expectations", stages.get("LETTER_1").get("description"));
        assertEquals(90, ((Number) stages.get("LETTER_2").get("thresholdPercent")).intValue());
        assertEquals("Letter 2, invitation to a support meeting", stages.get("LETTER_2").get("description"));
        assertEquals(50, ((Number) stages.get("LETTER_3").get("thresholdPercent")).intValue());
        assertEquals(10, stages.get("U_LATE").get("uLateSessions"));
        assertEquals(false, stages.get("PART_TIME_TIMETABLE").get("automatic"));

        Map<String, Object> letter1 = Map.of("stage", "LETTER_1", "name", "First letter", "description", "Early help",
                "automatic", true, "thresholdPercent", 95, "subject", "Attendance of {{firstName}}",
                "body", "{{firstName}} is at {{attendancePercent}}% in {{schoolName}}.");
        Map<String, Object> changed = http.toBlocking().retrieve(HttpRequest.PUT("/schools/" + f.school().id()
                + "/letter-settings", Map.of("resendAfterDays", 28, "minimumSessions", 20, "stages", List.of(letter1)))
                .bearerAuth(f.officer()), Json.OBJECT);
        assertEquals(28, changed.get("resendAfterDays"));
        assertEquals(20, changed.get("minimumSessions"));
        assertEquals(95, ((Number) byStage(changed).get("LETTER_1").get("thresholdPercent")).intValue());
        assertEquals("Early help", byStage(changed).get("LETTER_1").get("description"));
        assertEquals(90, ((Number) byStage(changed).get("LETTER_2").get("thresholdPercent")).intValue(), "unlisted stages stand");
        assertEquals(96, ((Number) byStage(http.toBlocking().retrieve(get("/schools/" + other.school().id()
                + "/letter-settings", other.officer()), Json.OBJECT)).get("LETTER_1").get("thresholdPercent")).intValue(),
                "another school keeps the policy's");

        Map<String, Object> badPlaceholder = new java.util.HashMap<>(letter1);
        badPlaceholder.put("body", "Dear {{parentName}}");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT("/schools/" + f.school().id() + "/letter-settings", Map.of("resendAfterDays", 28,
                        "minimumSessions", 20, "stages", List.of(badPlaceholder))).bearerAuth(f.officer()))),
                400, "stages[0].body", "{{parentName}} is not a placeholder");
        Map<String, Object> outOfOrder = new java.util.HashMap<>(letter1);
        outOfOrder.put("thresholdPercent", 85);
        Problems.assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT("/schools/" + f.school().id() + "/letter-settings", Map.of("resendAfterDays", 28,
                        "minimumSessions", 20, "stages", List.of(outOfOrder))).bearerAuth(f.officer()))),
                400, "stages[0].thresholdPercent", "must fall from LETTER_1");
        Map<String, Object> staffOnly = new java.util.HashMap<>(letter1);
        staffOnly.put("stage", "PART_TIME_TIMETABLE");
        staffOnly.remove("thresholdPercent");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT("/schools/" + f.school().id() + "/letter-settings", Map.of("resendAfterDays", 28,
                        "minimumSessions", 20, "stages", List.of(staffOnly))).bearerAuth(f.officer()))),
                400, "stages[0].automatic", "started by staff");
        assertEquals(95, ((Number) byStage(http.toBlocking().retrieve(get("/schools/" + f.school().id() + "/letter-settings",
                f.officer()), Json.OBJECT)).get("LETTER_1").get("thresholdPercent")).intValue(), "nothing stored by a refused change");

        // the school's own template and threshold are used: 19/20 = 95 % is not below 95; 19/21 is
        registers(f, LocalDate.parse("2025-09-03"), List.of("/", "/", "/", "/", "/", "/", "/", "/", "/", "/",
                "/", "/", "/", "/", "/", "/", "/", "/", "/", "O"));
        assertEquals(0, job.propose(f.school()));
        at("2025-09-17");
        registers(f, LocalDate.parse("2025-09-17"), List.of("O"));
        assertEquals(1, job.propose(f.school()));
        Map<String, Object> letter = http.toBlocking().retrieve(get("/pupils/" + f.pupil().id() + "/letters", f.officer()),
                Json.LIST).get(0);
        assertEquals("Attendance of " + f.pupil().firstName(), letter.get("subject"));
        assertEquals(f.pupil().firstName() + " is at 90.5% in " + f.school().name() + ".", letter.get("body"));
        assertEquals("First letter", letter.get("stageName"));
    }

    @Test
    void aULateLetterIsProposedWhenUMarksReachTheSchoolsNumberThisTerm() {
        at("2025-09-03");
        Family f = family();
        Map<String, Object> uLate = Map.of("stage", "U_LATE", "name", "Late after the register closed", "description",
                "U lates", "automatic", true, "uLateSessions", 3, "subject", "Arriving late: {{firstName}}",
                "body", "{{firstName}} arrived after the register closed {{uLateSessions}} times this term.");
        http.toBlocking().exchange(HttpRequest.PUT("/schools/" + f.school().id() + "/letter-settings",
                Map.of("resendAfterDays", 42, "minimumSessions", 10, "stages", List.of(uLate))).bearerAuth(f.officer()));
        // 40 sessions (20 days), two of them U: 95 %, letter 1 but no U-late letter yet
        List<String> codes = new ArrayList<>(java.util.Collections.nCopies(40, "/"));
        codes.set(10, "U");
        codes.set(20, "U");
        registers(f, LocalDate.parse("2025-09-03"), codes);
        job.propose(f.school());
        assertEquals(List.of("LETTER_1"), stagesOf(f));

        at("2025-10-01");
        registers(f, LocalDate.parse("2025-10-01"), List.of("U"));
        assertEquals(1, job.propose(f.school()));
        assertEquals(0, job.propose(f.school()));
        assertEquals(List.of("U_LATE", "LETTER_1"), stagesOf(f));
        Map<String, Object> letter = http.toBlocking().retrieve(get("/pupils/" + f.pupil().id() + "/letters", f.officer()),
                Json.LIST).get(0);
        assertEquals(f.pupil().firstName() + " arrived after the register closed 3 times this term.", letter.get("body"));
        @SuppressWarnings("unchecked") Map<String, Object> figures = (Map<String, Object>) letter.get("figures");
        assertEquals(3, figures.get("uLateSessions"));

        at("2025-10-02");
        registers(f, LocalDate.parse("2025-10-02"), List.of("U"));
        assertEquals(0, job.propose(f.school()), "not again within the re-send period");
    }

    @Test
    void theDailyRunCoversEverySchoolOnceAndWaitsWhileAnotherInstanceHoldsTheLock() {
        at("2025-09-03");
        Family f = family();
        registers(f, LocalDate.parse("2025-09-03"), List.of("/", "/", "/", "/", "O", "O", "/", "/", "/", "/"));
        SimpleLock heldElsewhere = locks.lock(new LockConfiguration(Instant.now(), LetterProposals.LOCK,
                Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        try {
            job.run();
            assertEquals(List.of(), stagesOf(f));
        } finally {
            heldElsewhere.unlock();
        }
        job.run();
        job.run();
        assertEquals(List.of("LETTER_2"), stagesOf(f), "80 %: letter 2, once");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private List<String> stagesOf(Family f) {
        return http.toBlocking().retrieve(get("/schools/" + f.school().id() + "/letters", f.officer()), Json.LIST).stream()
                .map(l -> String.valueOf(l.get("stage"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byStage(Map<String, Object> settings) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) settings.get("stages")) {
            out.put(String.valueOf(s.get("stage")), s);
        }
        return out;
    }

    /** Writes the codes session by session (AM, PM) over the school days from {@code from} (weekdays; no closure until October's half-term), the clock on each day. */
    private void registers(Family f, LocalDate from, List<String> codes) {
        RegisterDays.take(http, CLOCK, f.school().id(), f.pupil().id(), f.officer(), from, codes);
    }

    private static MutableHttpRequest<?> get(String uri, String token) {
        return RegisterDays.get(uri, token);
    }

    private void assertStatus(int status, MutableHttpRequest<?> request) {
        RegisterDays.assertStatus(http, status, request, request.getPath());
    }

    private static void at(String date) {
        RegisterDays.at(CLOCK, date);
    }
}
