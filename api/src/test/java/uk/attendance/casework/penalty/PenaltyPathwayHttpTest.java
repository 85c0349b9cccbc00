package uk.attendance.casework.penalty;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.contract.model.PupilInput;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The penalty-notice rules end to end over HTTP (rule book section 3; {@code rules.PenaltyNotices}): support before a
 * request to the local authority unless the case is a term-time holiday; at most 2 notices per parent per child in 3
 * years, the 3rd refused naming the date one becomes possible; £80 within 21 days of receipt, £160 within 28; and the
 * parent's penalty status showing where their case stands. Today is Tuesday 10 March 2026.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.clock.fixed", value = "2026-03-10T10:00:00Z")
class PenaltyPathwayHttpTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    PupilService pupils;

    TrustRecord trust;
    SchoolRecord school;
    String officer;

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
    }

    @Test
    void aTermTimeHolidayGoesToTheLocalAuthorityWithoutSupportAndTheNoticeCarriesItsPaymentTerms() {
        PupilRecord child = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, child);
        long id = open(child, mother, "TERM_TIME_HOLIDAY");
        Map<String, Object> requested = step(id, "la-request", Map.of("requestedOn", "2026-02-20"));
        assertEquals("REQUESTED", requested.get("stage"));
        assertEquals(false, requested.get("supportOffered"), "no support was needed for a holiday");

        Map<String, Object> issued = step(id, "notice", Map.of("issuedOn", "2026-03-02", "receivedOn", "2026-03-04"));
        assertEquals("ISSUED", issued.get("stage"));
        Map<?, ?> notice = (Map<?, ?>) issued.get("notice");
        assertEquals(1, ((Number) notice.get("noticeNumber")).intValue());
        Map<?, ?> terms = (Map<?, ?>) notice.get("paymentTerms");
        assertEquals(80, ((Number) terms.get("reducedAmount")).intValue());
        assertEquals("2026-03-24", terms.get("reducedAmountBy"), "21 days with the day of receipt as day 1");
        assertEquals(160, ((Number) terms.get("amount")).intValue());
        assertEquals("2026-03-31", terms.get("amountBy"), "28 days with the day of receipt as day 1");
        assertEquals("2026-03-24", issued.get("nextStepBy"));
        assertEquals("£80 if paid by 2026-03-24, otherwise £160 by 2026-03-31", issued.get("nextStep"));

        Map<?, ?> status = penaltyStatus(child, fixtures.token(mother));
        Map<?, ?> line = (Map<?, ?>) status.get("penaltyCase");
        assertEquals("ISSUED", line.get("stage"));
        assertEquals("2026-03-02", line.get("since"));
        assertEquals("2026-03-24", line.get("nextStepBy"));
        assertEquals("A penalty notice was issued: pay £80 by Tuesday 24 March 2026, or £160 by Tuesday 31 March 2026",
                line.get("headline"));
        assertTrue(status.containsKey("count") && status.containsKey("headline"), "the threshold status is still there");

        Map<String, Object> paid = step(id, "payment", Map.of("paidOn", "2026-03-10"));
        assertEquals("PAID", paid.get("stage"));
        assertEquals(80, ((Number) ((Map<?, ?>) paid.get("payment")).get("amount")).intValue(), "paid on day 7: £80");
        assertEquals("PAID", ((Map<?, ?>) penaltyStatus(child, fixtures.token(mother)).get("penaltyCase")).get("stage"));
    }

    @Test
    void afterTheTwentyFirstDayTheNoticeCosts160AndAfterTheTwentyEighthItCannotBeSettled() {
        PupilRecord child = fixtures.pupil(school, "4B");
        ContactRecord father = fixtures.parentOf(trust, child);
        long id = open(child, father, "TERM_TIME_HOLIDAY");
        step(id, "la-request", Map.of("requestedOn", "2026-02-02"));
        step(id, "notice", Map.of("issuedOn", "2026-02-09", "receivedOn", "2026-02-10"));
        Map<String, Object> overdue = get(id);
        assertEquals("PAYMENT_OVERDUE", overdue.get("stage"), "the 28 days ended on 9 March");
        assertEquals("2026-03-10", overdue.get("since"));
        assertTrue(schoolCases("PAYMENT_OVERDUE").contains(id), "the school's list of overdue notices");
        assertFalse(schoolCases("ISSUED").contains(id));

        HttpClientResponseException late = refused(id, "payment", Map.of("paidOn", "2026-03-10"));
        Map<String, Object> problem = late.getResponse().getBody(Json.OBJECT).orElseThrow();
        assertEquals("PAYMENT_LATE", problem.get("reason"));
        assertTrue(String.valueOf(problem.get("detail")).contains("2026-03-09"), problem.toString());

        Map<String, Object> paid = step(id, "payment", Map.of("paidOn", "2026-03-05"));
        assertEquals(160, ((Number) ((Map<?, ?>) paid.get("payment")).get("amount")).intValue(), "day 24: £160");
    }

    @Test
    void irregularAttendanceIsRefusedWithoutASupportOfferAndProceedsWithOne() {
        PupilRecord child = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, child);
        long id = open(child, mother, "IRREGULAR_ATTENDANCE");
        assertEquals("Offer support (a meeting, a plan or a contract), then a notice to improve", get(id).get("nextStep"));

        HttpClientResponseException e = refused(id, "la-request", Map.of("requestedOn", "2026-03-04"));
        Map<String, Object> problem = e.getResponse().getBody(Json.OBJECT).orElseThrow();
        assertEquals("SUPPORT_NOT_OFFERED", problem.get("reason"));
        assertEquals("https://attendance.example.org/problems/penalty-support-not-offered", problem.get("type"));
        assertTrue(String.valueOf(problem.get("detail")).contains("only a term-time holiday may skip support"), problem.toString());
        assertEquals("OPEN", get(id).get("stage"), "nothing changed");

        HttpResponse<?> meeting = http.toBlocking().exchange(HttpRequest.POST("/pupils/" + child.id() + "/support-records",
                Map.of("kind", "MEETING", "startsOn", "2026-02-02", "agreed", "A morning check-in")).bearerAuth(officer), String.class);
        assertEquals(201, meeting.code());
        assertEquals(true, get(id).get("supportOffered"));

        HttpClientResponseException shortPeriod = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/penalty-cases/" + id + "/notice-to-improve", Map.of("issuedOn", "2026-02-03", "improveBy", "2026-02-17"))
                        .bearerAuth(officer), String.class));
        Problems.assertProblem(shortPeriod, 400, "improveBy", "3 to 6 weeks");
        Map<String, Object> warned = step(id, "notice-to-improve", Map.of("issuedOn", "2026-02-03"));
        assertEquals("NOTICE_TO_IMPROVE", warned.get("stage"));
        assertEquals("2026-03-03", ((Map<?, ?>) warned.get("noticeToImprove")).get("improveBy"), "4 weeks by default");
        assertEquals("2026-03-03", warned.get("nextStepBy"));
        assertEquals("NOTICE_TO_IMPROVE", ((Map<?, ?>) penaltyStatus(child, fixtures.token(mother)).get("penaltyCase")).get("stage"));

        Map<String, Object> requested = step(id, "la-request", Map.of("requestedOn", "2026-03-04", "note", "No improvement"));
        assertEquals("REQUESTED", requested.get("stage"));
        assertEquals("No improvement", ((Map<?, ?>) requested.get("laRequest")).get("note"));
    }

    @Test
    void aThirdNoticeWithinThreeYearsIsRefusedNamingTheDateOneBecomesPossible() {
        PupilRecord child = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, child);
        long first = open(child, mother, "TERM_TIME_HOLIDAY");
        step(first, "la-request", Map.of("requestedOn", "2024-01-10"));
        step(first, "notice", Map.of("issuedOn", "2024-01-15", "receivedOn", "2024-01-16"));
        step(first, "payment", Map.of("paidOn", "2024-01-20"));

        long second = open(child, mother, "TERM_TIME_HOLIDAY");
        step(second, "la-request", Map.of("requestedOn", "2025-05-01"));
        Map<String, Object> issued = step(second, "notice", Map.of("issuedOn", "2025-05-06", "receivedOn", "2025-05-07"));
        Map<?, ?> notice = (Map<?, ?>) issued.get("notice");
        assertEquals(2, ((Number) notice.get("noticeNumber")).intValue());
        Map<?, ?> terms = (Map<?, ?>) notice.get("paymentTerms");
        assertFalse(terms.containsKey("reducedAmount"), "no £80 on a second notice: " + terms);
        assertEquals(160, ((Number) terms.get("amount")).intValue());
        assertEquals("2025-06-03", terms.get("amountBy"));
        step(second, "payment", Map.of("paidOn", "2025-05-20"));

        long third = open(child, mother, "TERM_TIME_HOLIDAY");
        HttpClientResponseException e = refused(third, "la-request", Map.of("requestedOn", "2026-03-02"));
        Map<String, Object> problem = e.getResponse().getBody(Json.OBJECT).orElseThrow();
        assertEquals("NOTICE_LIMIT_REACHED", problem.get("reason"));
        assertEquals("2027-01-15", problem.get("possibleFrom"), "3 years from the first notice's issue date");
        assertTrue(String.valueOf(problem.get("detail")).contains("possible again from 2027-01-15"), problem.toString());
        assertTrue(String.valueOf(problem.get("instead")).contains("section 444 of the Education Act 1996"), problem.toString());
        assertEquals("OPEN", get(third).get("stage"));

        // the limit is per parent: the child's other parent can still be given a notice
        ContactRecord father = fixtures.parentOf(trust, child);
        long fathers = open(child, father, "TERM_TIME_HOLIDAY");
        assertEquals("REQUESTED", step(fathers, "la-request", Map.of("requestedOn", "2026-03-02")).get("stage"));
        assertEquals("OPEN", ((Map<?, ?>) penaltyStatus(child, fixtures.token(mother)).get("penaltyCase")).get("stage"),
                "each parent sees their own case");
        assertEquals("REQUESTED", ((Map<?, ?>) penaltyStatus(child, fixtures.token(father)).get("penaltyCase")).get("stage"));

        // the mother's third case is withdrawn, and a withdrawn case is settled: nothing more is recorded on it
        Map<String, Object> withdrawn = step(third, "withdrawal", Map.of("reason", "Attendance improved"));
        assertEquals("WITHDRAWN", withdrawn.get("stage"));
        assertEquals("Attendance improved", ((Map<?, ?>) withdrawn.get("withdrawal")).get("reason"));
        assertEquals("WRONG_STAGE", refused(third, "withdrawal", Map.of("reason", "again"))
                .getResponse().getBody(Json.OBJECT).orElseThrow().get("reason"));
    }

    @Test
    void aCaseIsForAParentWhoActsForTheChildOneOpenCaseAtATime() {
        PupilRecord child = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, child);
        ContactRecord grandparent = fixtures.emergencyContactOf(trust, child);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/pupils/" + child.id() + "/penalty-cases", Map.of("parentContactId", grandparent.id(),
                        "reason", "TERM_TIME_HOLIDAY")).bearerAuth(officer), String.class));
        Problems.assertProblem(e, 400, "parentContactId", "acts for this pupil");
        open(child, mother, "IRREGULAR_ATTENDANCE");
        e = assertThrows(HttpClientResponseException.class, () -> open(child, mother, "TERM_TIME_HOLIDAY"));
        assertEquals(409, e.getStatus().getCode());
        assertEquals("CASE_ALREADY_OPEN", e.getResponse().getBody(Json.OBJECT).orElseThrow().get("reason"));
        assertNull(penaltyStatus(fixtures.pupil(school, "4B"), officer).get("penaltyCase"), "no case, no line");

        PupilRecord sixthFormer = pupils.admit(school, new PupilInput("Sixth", "Former", LocalDate.parse("2008-01-10"), 13,
                "13A", LocalDate.parse("2019-09-01")));
        ContactRecord parent = fixtures.parentOf(trust, sixthFormer);
        e = assertThrows(HttpClientResponseException.class, () -> open(sixthFormer, parent, "IRREGULAR_ATTENDANCE"));
        assertEquals(409, e.getStatus().getCode());
        assertEquals("NOT_OF_COMPULSORY_SCHOOL_AGE", e.getResponse().getBody(Json.OBJECT).orElseThrow().get("reason"));
    }

    private long open(PupilRecord child, ContactRecord parent, String reason) {
        HttpResponse<Map<String, Object>> created = http.toBlocking().exchange(HttpRequest.POST(
                "/pupils/" + child.id() + "/penalty-cases", Map.of("parentContactId", parent.id(), "reason", reason))
                .bearerAuth(officer), Json.OBJECT);
        assertEquals(201, created.code());
        assertEquals("OPEN", created.body().get("stage"));
        return ((Number) created.body().get("id")).longValue();
    }

    private Map<String, Object> step(long id, String step, Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.POST("/penalty-cases/" + id + "/" + step, body).bearerAuth(officer), Json.OBJECT);
    }

    private HttpClientResponseException refused(long id, String step, Map<String, Object> body) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> step(id, step, body));
        assertEquals(409, e.getStatus().getCode());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        return e;
    }

    private java.util.List<Long> schoolCases(String stage) {
        return http.toBlocking().retrieve(HttpRequest.GET("/schools/" + school.id() + "/penalty-cases?stage=" + stage)
                .bearerAuth(officer), Json.LIST).stream().map(c -> ((Number) c.get("id")).longValue()).toList();
    }

    private Map<String, Object> get(long id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/penalty-cases/" + id).bearerAuth(officer), Json.OBJECT);
    }

    private Map<String, Object> penaltyStatus(PupilRecord child, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + child.id() + "/attendance/penalty-notice")
                .bearerAuth(token), Json.OBJECT);
    }
}
