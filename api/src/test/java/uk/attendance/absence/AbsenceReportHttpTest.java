package uk.attendance.absence;

import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.attendance.absence.AbsenceReportCalls.id;
import static uk.attendance.absence.AbsenceReportCalls.list;
import static uk.attendance.absence.AbsenceReportCalls.summary;

/**
 * Parents report absences from the phone (issue 4), with the clock fixed on Wednesday 3 December 2025 at 08:20, before
 * the morning register: Monday and Tuesday are past, Thursday and Friday to come. Each test has its own children in
 * their own registration group, so registers taken in one test do not touch another.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.clock.fixed", value = "2025-12-03T08:20:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbsenceReportHttpTest {

    @jakarta.inject.Inject
    javax.sql.DataSource markMonthsDataSource;

    @org.junit.jupiter.api.AfterAll
    void markMonthsKeptInStep() throws java.sql.SQLException {
        uk.attendance.register.MarkMonthsConsistency.assertKeptInStep(markMonthsDataSource);
    }
    private static final String MON = "2025-12-01";
    private static final String TUE = "2025-12-02";
    private static final String WED = "2025-12-03";
    private static final String THU = "2025-12-04";
    private static final String FRI = "2025-12-05";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    JsonMapper jsonMapper;

    AbsenceReportCalls calls;
    TrustRecord trust;
    SchoolRecord oakfield;
    SchoolRecord riverside;
    String oakfieldOfficer;
    String riversideOfficer;

    @BeforeAll
    void setUp() {
        calls = new AbsenceReportCalls(http);
        trust = fixtures.trust();
        oakfield = fixtures.school(trust);
        riverside = fixtures.school(trust);
        oakfieldOfficer = fixtures.token(fixtures.staff(trust, Optional.of(oakfield), Roles.ATTENDANCE_OFFICER));
        riversideOfficer = fixtures.token(fixtures.staff(trust, Optional.of(riverside), Roles.ATTENDANCE_OFFICER));
    }

    record Family(ContactRecord parent, String token, List<PupilRecord> children, String group) {
        PupilRecord child() {
            return children.get(0);
        }

        String name() {
            return parent.firstName() + " " + parent.lastName();
        }
    }

    /** A parent with one child at each school given, each in a registration group of their own. */
    private Family family(SchoolRecord... schools) {
        String group = "G" + Fixtures.next();
        List<PupilRecord> children = new ArrayList<>();
        for (SchoolRecord school : schools) {
            children.add(fixtures.pupil(school, group));
        }
        ContactRecord parent = fixtures.parentOf(trust, children.toArray(PupilRecord[]::new));
        return new Family(parent, fixtures.token(parent), children, group);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoChildrenInTwoSchoolsReportedIllInOneRequestGetAReportEachAndTheirRegistersFollowTheRuleBook() {
        Family family = family(oakfield, riverside);
        PupilRecord aisha = family.children().get(0);
        PupilRecord ben = family.children().get(1);
        // Tuesday's registers were taken without a reason: N (rule book §4, the holding code).
        for (String session : List.of("AM", "PM")) {
            calls.takeRegister(oakfieldOfficer, oakfield.id(), TUE, session, family.group(), Map.of(aisha.id(), "N"));
            calls.takeRegister(riversideOfficer, riverside.id(), TUE, session, family.group(), Map.of(ben.id(), "N"));
        }

        HttpResponse<Map<String, Object>> response = calls.report(family.token(), body("pupilIds", List.of(aisha.id(), ben.id()),
                "firstDay", TUE, "expectedReturn", FRI, "reason", "ILLNESS", "note", "Sickness bug"), UUID.randomUUID().toString());

        assertEquals(201, response.code());
        List<Map<String, Object>> reports = (List<Map<String, Object>>) response.body().get("reports");
        assertEquals(2, reports.size());
        Map<String, Object> aishas = reports.get(0);
        Map<String, Object> bens = reports.get(1);
        assertEquals(aisha.id(), ((Number) aishas.get("pupilId")).longValue());
        assertEquals(oakfield.id(), ((Number) aishas.get("schoolId")).longValue());
        assertEquals(ben.id(), ((Number) bens.get("pupilId")).longValue());
        assertEquals(riverside.id(), ((Number) bens.get("schoolId")).longValue());
        for (Map<String, Object> report : reports) {
            assertEquals("ACCEPTED", report.get("status"));
            assertEquals(THU, report.get("lastDay"), "the last day is the school day before the return");
            assertEquals(FRI, report.get("expectedReturn"));
            assertEquals(family.name(), report.get("reportedBy"));
            assertEquals(Map.of(
                    TUE + " AM", "RECORDED I", TUE + " PM", "RECORDED I",
                    WED + " AM", "AWAITING_REGISTER I", WED + " PM", "AWAITING_REGISTER I",
                    THU + " AM", "AWAITING_REGISTER I", THU + " PM", "AWAITING_REGISTER I"), summary(report));
            assertEquals("REPORTED", list(report, "history").get(0).get("action"));
        }

        // Tuesday: N amended to I through the trail, the original N kept, the report named as the reason.
        Map<String, Object> trail = calls.markHistory(oakfieldOfficer, aisha.id(), TUE, "AM");
        assertEquals("I", trail.get("currentCode"));
        assertEquals("N", ((Map<String, Object>) trail.get("original")).get("code"));
        Map<String, Object> amendment = list(trail, "amendments").get(0);
        assertEquals("N", amendment.get("originalCode"));
        assertEquals("I", amendment.get("newCode"));
        assertEquals("Absence report " + id(aishas) + " from a parent: illness", amendment.get("reason"));
        assertEquals(family.name(), amendment.get("byName"));
        assertEquals("parent/carer", amendment.get("byPosition"));
        assertEquals("I", calls.markHistory(riversideOfficer, ben.id(), TUE, "PM").get("currentCode"));

        // Wednesday's register, not taken yet, shows the expected code; taken with N, it records I with the reason.
        Map<String, Object> expected = (Map<String, Object>) calls.registerEntry(oakfieldOfficer, oakfield.id(), WED, "AM",
                family.group(), aisha.id()).get("expected");
        assertEquals(Map.of("code", "I", "category", "AUTHORISED", "reason", "Absence report " + id(aishas) + " from a parent: illness",
                "confirmed", true), expected);
        Map<String, Object> taken = calls.takeRegister(oakfieldOfficer, oakfield.id(), WED, "AM", family.group(), Map.of(aisha.id(), "N"));
        assertEquals("I", list(taken, "entries").stream().filter(e -> ((Number) e.get("pupilId")).longValue() == aisha.id())
                .findFirst().orElseThrow().get("code"));
        Map<String, Object> wednesday = calls.markHistory(oakfieldOfficer, aisha.id(), WED, "AM");
        assertEquals("I", ((Map<String, Object>) wednesday.get("original")).get("code"));
        assertEquals("Absence report " + id(aishas) + " from a parent: illness", ((Map<String, Object>) wednesday.get("original")).get("reason"));
        assertEquals("RECORDED I", summary(calls.get(family.token(), id(aishas))).get(WED + " AM"));

        // Each school sees its own pupil's report only; the family sees both, newest first.
        assertEquals(id(bens), id(calls.get(riversideOfficer, id(bens))));
        var elsewhere = assertThrows(HttpClientResponseException.class, () -> calls.get(riversideOfficer, id(aishas)));
        assertEquals(404, elsewhere.getStatus().getCode());
        assertEquals(List.of(id(bens), id(aishas)).stream().sorted().toList(),
                calls.mine(family.token()).stream().map(AbsenceReportCalls::id).sorted().toList());
    }

    @Test
    void aFitNoteSentWithAReportForTwoChildrenIsOnEachChildsReportForTheirSchool() {
        Family family = family(oakfield, riverside);
        HttpResponse<Map<String, Object>> uploaded = http.toBlocking().exchange(HttpRequest.POST("/evidence",
                        MultipartBody.builder().addPart("file", "fit note.pdf", MediaType.APPLICATION_PDF_TYPE,
                                uk.attendance.evidence.Samples.pdf()).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(family.token()), Json.OBJECT);
        long note = ((Number) uploaded.body().get("id")).longValue();

        Map<String, Object> receipt = calls.report(family.token(), body("pupilIds", family.children().stream().map(PupilRecord::id).toList(),
                "firstDay", THU, "reason", "ILLNESS", "evidenceIds", List.of(note)), null).body();

        List<?> reports = (List<?>) receipt.get("reports");
        assertEquals(2, reports.size());
        for (Object report : reports) {
            List<?> evidence = (List<?>) ((Map<?, ?>) report).get("evidence");
            assertEquals(List.of(note), evidence.stream().map(e -> ((Number) ((Map<?, ?>) e).get("id")).longValue()).toList());
        }
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/evidence/" + note).bearerAuth(riversideOfficer),
                byte[].class).getStatus(), "each child's school may read the file sent for its pupil");

        var refused = assertThrows(HttpClientResponseException.class, () -> calls.report(family.token(),
                body("pupilIds", List.of(family.child().id()), "firstDay", FRI, "reason", "ILLNESS", "evidenceIds", List.of(note + 1_000_000)), null));
        Problems.assertProblem(refused, 400, "evidenceIds[0]", "is not a file you uploaded");
        assertEquals(2, calls.mine(family.token()).size(), "the refused report left nothing behind");
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswerAndCreatesNothing() {
        Family family = family(oakfield);
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body("pupilIds", List.of(family.child().id()), "firstDay", THU, "reason", "ILLNESS");

        HttpResponse<Map<String, Object>> first = calls.report(family.token(), request, key);
        HttpResponse<Map<String, Object>> retry = calls.report(family.token(), request, key);

        assertEquals(201, first.code());
        assertEquals(201, retry.code());
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(1, calls.mine(family.token()).size());

        // The same key for another request is a mistake in the app: 422, and still nothing new.
        var reused = assertThrows(HttpClientResponseException.class, () -> calls.report(family.token(),
                body("pupilIds", List.of(family.child().id()), "firstDay", FRI, "reason", "ILLNESS"), key));
        assertEquals(422, reused.getStatus().getCode());
        assertEquals("application/problem+json", reused.getResponse().getContentType().map(Object::toString).orElse(""));
        assertEquals("https://attendance.example.org/problems/idempotency-key-reused",
                reused.getResponse().getBody(Json.OBJECT).orElseThrow().get("type"));
        assertEquals(1, calls.mine(family.token()).size());
    }

    @Test
    void retriesRacingEachOtherMakeOneReportAndAllGetTheSameAnswer() throws Exception {
        Family family = family(oakfield);
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body("pupilIds", List.of(family.child().id()), "firstDay", FRI, "reason", "ILLNESS");
        int tries = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        try {
            List<Future<HttpResponse<Map<String, Object>>>> answers = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                answers.add(pool.submit((Callable<HttpResponse<Map<String, Object>>>) () -> {
                    start.await();
                    return calls.report(family.token(), request, key);
                }));
            }
            start.countDown();
            List<HttpResponse<Map<String, Object>>> responses = new ArrayList<>();
            for (var answer : answers) {
                responses.add(answer.get());
            }
            for (var response : responses) {
                assertEquals(201, response.code());
                assertEquals(responses.get(0).body(), response.body());
            }
            assertEquals(tries - 1, responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, calls.mine(family.token()).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void religiousObservanceForTwoDaysProposesOneDayRForStaffToConfirmAndSaysTheSecondNeedsALeaveRequest() {
        Family family = family(oakfield);
        Map<String, Object> report = calls.reported(family.token(), body("pupilIds", List.of(family.child().id()),
                "firstDay", THU, "lastDay", FRI, "reason", "RELIGIOUS_OBSERVANCE")).get(0);

        assertEquals("AWAITING_DECISION", report.get("status"), "R is recorded once the school confirms the day");
        assertEquals("R", report.get("proposedCode"));
        assertEquals(Map.of(THU + " AM", "AWAITING_DECISION R", THU + " PM", "AWAITING_DECISION R",
                FRI + " AM", "NEEDS_LEAVE_REQUEST", FRI + " PM", "NEEDS_LEAVE_REQUEST"), summary(report));
        List<String> notices = (List<String>) report.get("notices");
        assertTrue(notices.stream().anyMatch(n -> n.contains("Only one day can be recorded as religious observance (code R): "
                + THU) && n.contains("(" + FRI + ") need a leave of absence request")), notices.toString());
        Map<String, Object> expected = (Map<String, Object>) calls.registerEntry(oakfieldOfficer, oakfield.id(), THU, "PM",
                family.group(), family.child().id()).get("expected");
        assertEquals("R", expected.get("code"));
        assertEquals(false, expected.get("confirmed"));
        assertNull(calls.registerEntry(oakfieldOfficer, oakfield.id(), FRI, "AM", family.group(), family.child().id()).get("expected"));
    }

    /** The afternoon register opens at 13:15: the morning session runs until then (the convention in the contract). */
    @ParameterizedTest(name = "an appointment at {0}-{1} proposes M in {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "14:00 | -     | PM",
            "09:30 | 11:00 | AM",
            "11:30 | 13:45 | AM PM",
            "13:15 | -     | PM",
            "08:00 | -     | AM"})
    void anAppointmentProposesMInTheSessionsItsTimeTouches(String start, String ends, String sessions) {
        Family family = family(oakfield);
        Map<String, Object> request = body("pupilIds", List.of(family.child().id()), "firstDay", THU,
                "reason", "MEDICAL_APPOINTMENT", "appointmentTime", start);
        if (ends != null) {
            request.put("appointmentEnds", ends);
        }
        Map<String, Object> report = calls.reported(family.token(), request).get(0);

        Map<String, String> expected = new LinkedHashMap<>();
        for (String session : sessions.split(" ")) {
            expected.put(THU + " " + session, "AWAITING_DECISION M");
        }
        assertEquals(expected, summary(report));
        assertEquals("AWAITING_DECISION", report.get("status"), "staff confirm an appointment before M is recorded");
        Map<?, ?> entry = (Map<?, ?>) calls.registerEntry(oakfieldOfficer, oakfield.id(), THU, sessions.split(" ")[0], family.group(),
                family.child().id()).get("expected");
        assertEquals("Absence report " + id(report) + " from a parent: medical or dental appointment (awaiting confirmation by "
                + "the school)", entry.get("reason"));
        assertEquals(false, entry.get("confirmed"));
    }

    @Test
    void anAppointmentOverBeforeRegistrationMissesNoSession() {
        Family family = family(oakfield);
        var e = assertThrows(HttpClientResponseException.class, () -> calls.report(family.token(), body(
                "pupilIds", List.of(family.child().id()), "firstDay", THU, "reason", "MEDICAL_APPOINTMENT",
                "appointmentTime", "07:45", "appointmentEnds", "08:30"), null));
        Problems.assertProblem(e, 400, "appointmentEnds", "no session is missed");
    }

    @Test
    void aPastDayTheRegisterAlreadyExplainsIsRefusedNamingFirstDay() {
        Family family = family(oakfield);
        calls.takeRegister(oakfieldOfficer, oakfield.id(), TUE, "AM", family.group(), Map.of(family.child().id(), "/"));
        calls.takeRegister(oakfieldOfficer, oakfield.id(), TUE, "PM", family.group(), Map.of(family.child().id(), "\\"));

        var e = assertThrows(HttpClientResponseException.class, () -> calls.report(family.token(),
                body("pupilIds", List.of(family.child().id()), "firstDay", TUE, "reason", "ILLNESS"), null));

        Problems.assertProblem(e, 400, "firstDay", TUE + " has passed and the register already explains it (AM /, PM \\)");
        assertEquals(List.of(), calls.mine(family.token()));
    }

    @Test
    void aPastDayStillUnexplainedIsAcceptedAndItsSessionsExplainedOtherwiseAreKept() {
        Family family = family(oakfield);
        calls.takeRegister(oakfieldOfficer, oakfield.id(), MON, "AM", family.group(), Map.of(family.child().id(), "/"));
        calls.takeRegister(oakfieldOfficer, oakfield.id(), MON, "PM", family.group(), Map.of(family.child().id(), "N"));

        Map<String, Object> report = calls.reported(family.token(), body("pupilIds", List.of(family.child().id()),
                "firstDay", MON, "reason", "ILLNESS")).get(0);

        assertEquals(Map.of(MON + " AM", "KEPT I", MON + " PM", "RECORDED I"), summary(report));
        assertEquals("/", AbsenceReportCalls.sessions(report).get(MON + " AM").get("registerCode"));
        assertEquals("I", calls.markHistory(oakfieldOfficer, family.child().id(), MON, "PM").get("currentCode"));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "2025-12-06 | 2025-12-07 | 2025-12-06 to 2025-12-07 has no school session (weekend)",
            "2026-02-16 | 2026-02-20 | 2026-02-16 to 2026-02-20 has no school session (half-term)",
            "2025-12-20 | 2026-01-02 | has no school session (weekend, school holiday)"})
    void aRangeWithoutASchoolSessionIsRefusedNamingTheFieldAndWhy(String first, String last, String message) {
        Family family = family(oakfield);
        var e = assertThrows(HttpClientResponseException.class, () -> calls.report(family.token(),
                body("pupilIds", List.of(family.child().id()), "firstDay", first, "lastDay", last, "reason", "ILLNESS"), null));
        Problems.assertProblem(e, 400, "firstDay", message);
    }

    @Test
    void nonSchoolDaysInsideTheRangeAreSkippedAndListed() {
        Family family = family(oakfield);
        Map<String, Object> report = calls.reported(family.token(), body("pupilIds", List.of(family.child().id()),
                "firstDay", FRI, "expectedReturn", "2025-12-09", "reason", "ILLNESS")).get(0);

        assertEquals("2025-12-08", report.get("lastDay"));
        assertEquals(List.of(Map.of("date", "2025-12-06", "reason", "weekend"), Map.of("date", "2025-12-07", "reason", "weekend")),
                report.get("skippedDays"));
        assertEquals(4, AbsenceReportCalls.sessions(report).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "both ends | {\"firstDay\":\"2025-12-04\",\"lastDay\":\"2025-12-05\",\"expectedReturn\":\"2025-12-08\",\"reason\":\"ILLNESS\"} | expectedReturn | not both",
            "back before off | {\"firstDay\":\"2025-12-04\",\"expectedReturn\":\"2025-12-04\",\"reason\":\"ILLNESS\"} | expectedReturn | must be after firstDay",
            "last before first | {\"firstDay\":\"2025-12-05\",\"lastDay\":\"2025-12-04\",\"reason\":\"ILLNESS\"} | lastDay | is before firstDay",
            "other without text | {\"firstDay\":\"2025-12-04\",\"reason\":\"OTHER\"} | otherReason | is required",
            "appointment without time | {\"firstDay\":\"2025-12-04\",\"reason\":\"MEDICAL_APPOINTMENT\"} | appointmentTime | is required",
            "time without appointment | {\"firstDay\":\"2025-12-04\",\"reason\":\"ILLNESS\",\"appointmentTime\":\"10:00\"} | appointmentTime | goes only with",
            "appointment over days | {\"firstDay\":\"2025-12-04\",\"lastDay\":\"2025-12-05\",\"reason\":\"MEDICAL_APPOINTMENT\",\"appointmentTime\":\"10:00\"} | lastDay | on one day",
            "too long | {\"firstDay\":\"2025-12-04\",\"lastDay\":\"2026-03-04\",\"reason\":\"ILLNESS\"} | lastDay | at most 62 days",
            "unknown reason | {\"firstDay\":\"2025-12-04\",\"reason\":\"HOLIDAY\"} | reason | 'HOLIDAY' is not one of"})
    void invalidReportsNameTheField(String name, String json, String field, String message) throws Exception {
        Family family = family(oakfield);
        Map<String, Object> request = new HashMap<>(jsonMapper.readValue(json, Json.OBJECT));
        request.put("pupilIds", List.of(family.child().id()));
        var e = assertThrows(HttpClientResponseException.class, () -> calls.report(family.token(), request, null));
        Problems.assertProblem(e, 400, field, message);
    }

    @Test
    @SuppressWarnings("unchecked")
    void stillIllBackMondayThenBetterFromThursdayIsKeptInTheHistoryAndTheRegisterFollows() {
        Family family = family(oakfield);
        long pupil = family.child().id();
        Map<String, Object> report = calls.reported(family.token(), body("pupilIds", List.of(pupil), "firstDay", WED,
                "reason", "ILLNESS")).get(0);
        long reportId = id(report);

        Map<String, Object> longer = calls.update(family.token(), reportId, Map.of("expectedReturn", "2025-12-08",
                "note", "Still poorly"));
        assertEquals(FRI, longer.get("lastDay"));
        assertEquals("Still poorly", longer.get("note"));
        assertEquals(6, AbsenceReportCalls.sessions(longer).size());
        assertEquals("I", ((Map<String, Object>) calls.registerEntry(oakfieldOfficer, oakfield.id(), FRI, "PM", family.group(), pupil)
                .get("expected")).get("code"));
        Map<String, Object> updated = list(longer, "history").get(1);
        assertEquals("UPDATED", updated.get("action"));
        assertEquals("Last day " + WED + " → " + FRI + " (back 2025-12-08); note changed", updated.get("details"));
        assertEquals(family.name(), updated.get("byName"));

        Map<String, Object> shorter = calls.withdraw(family.token(), reportId, Map.of("from", THU, "note", "Much better"));
        assertEquals(Map.of(WED + " AM", "AWAITING_REGISTER I", WED + " PM", "AWAITING_REGISTER I",
                THU + " AM", "WITHDRAWN", THU + " PM", "WITHDRAWN", FRI + " AM", "WITHDRAWN", FRI + " PM", "WITHDRAWN"),
                summary(shorter));
        assertEquals("ACCEPTED", shorter.get("status"));
        Map<String, Object> withdrawn = list(shorter, "history").get(2);
        assertEquals("WITHDRAWN", withdrawn.get("action"));
        assertEquals("Withdrawn from " + THU + " (4 sessions): Much better", withdrawn.get("details"));
        assertNull(calls.registerEntry(oakfieldOfficer, oakfield.id(), THU, "AM", family.group(), pupil).get("expected"));
        assertNull(calls.registerEntry(oakfieldOfficer, oakfield.id(), FRI, "PM", family.group(), pupil).get("expected"));
        assertEquals("I", ((Map<String, Object>) calls.registerEntry(oakfieldOfficer, oakfield.id(), WED, "PM", family.group(), pupil)
                .get("expected")).get("code"));

        assertEquals(WED, shorter.get("lastDay"));
        assertEquals(THU, shorter.get("expectedReturn"));

        // A relapse: off until Friday after all, and the withdrawn days come back.
        Map<String, Object> again = calls.update(family.token(), reportId, Map.of("lastDay", FRI));
        assertEquals("AWAITING_REGISTER I", summary(again).get(THU + " AM"));
        assertEquals("AWAITING_REGISTER I", summary(again).get(FRI + " PM"));
        assertEquals("Last day " + WED + " → " + FRI, list(again, "history").get(3).get("details"));
    }

    @Test
    void daysAlreadyOnTheRegisterCannotBeWithdrawnOrTakenAway() {
        Family family = family(oakfield);
        long pupil = family.child().id();
        long reportId = id(calls.reported(family.token(), body("pupilIds", List.of(pupil), "firstDay", WED, "lastDay", THU,
                "reason", "ILLNESS")).get(0));
        calls.takeRegister(oakfieldOfficer, oakfield.id(), WED, "AM", family.group(), Map.of(pupil, "N"));

        var past = assertThrows(HttpClientResponseException.class,
                () -> calls.withdraw(family.token(), reportId, Map.of("from", TUE)));
        Problems.assertProblem(past, 400, "from", "is in the past");
        // From today: the morning is on the register (I) and stays; the afternoon and Thursday are withdrawn.
        Map<String, Object> afternoonOn = calls.withdraw(family.token(), reportId, Map.of("from", WED));
        assertEquals(Map.of(WED + " AM", "RECORDED I", WED + " PM", "WITHDRAWN", THU + " AM", "WITHDRAWN", THU + " PM", "WITHDRAWN"),
                summary(afternoonOn));
        var nothingLeft = assertThrows(HttpClientResponseException.class,
                () -> calls.withdraw(family.token(), reportId, Map.of("from", WED)));
        Problems.assertProblem(nothingLeft, 400, "from", "is still to come");
    }

    @Test
    void aSessionAlreadyReportedIsAConflictNamingTheReport() {
        Family family = family(oakfield);
        long first = id(calls.reported(family.token(), body("pupilIds", List.of(family.child().id()), "firstDay", THU,
                "reason", "ILLNESS")).get(0));
        var e = assertThrows(HttpClientResponseException.class, () -> calls.report(family.token(), body(
                "pupilIds", List.of(family.child().id()), "firstDay", THU, "reason", "MEDICAL_APPOINTMENT",
                "appointmentTime", "10:00"), null));
        assertEquals(409, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(Json.OBJECT).orElseThrow().get("detail").toString()
                .contains("Absence report " + first + " already covers " + THU + " AM"));
    }

    /** Rule book §4, convention 9: a parent's report of 15 or more school days off sick makes a sickness return due. */
    @Test
    @SuppressWarnings("unchecked")
    void anIllnessReportedForFifteenSchoolDaysMakesASicknessReturnDueTheDayItIsReported() {
        Family family = family(oakfield);
        calls.reported(family.token(), body("pupilIds", List.of(family.child().id()), "firstDay", WED,
                "lastDay", "2026-01-09", "reason", "ILLNESS"));

        Map<String, Object> due = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + oakfield.id()
                + "/attendance/returns-due").bearerAuth(oakfieldOfficer), Json.OBJECT);

        Map<String, Object> line = list(due, "sicknessReturns").stream()
                .filter(l -> ((Number) l.get("pupilId")).longValue() == family.child().id())
                .findFirst().orElseThrow(() -> new AssertionError(due.toString()));
        assertEquals("ANTICIPATED", line.get("trigger"));
        assertEquals(WED, line.get("dueOn"));
        assertEquals("2026-01-09", line.get("periodEnd"));
    }

    @Test
    void anotherFamilysChildOrReportIsNotFound() {
        Family mine = family(oakfield);
        Family theirs = family(oakfield);
        long theirReport = id(calls.reported(theirs.token(), body("pupilIds", List.of(theirs.child().id()), "firstDay", THU,
                "reason", "ILLNESS")).get(0));

        var child = assertThrows(HttpClientResponseException.class, () -> calls.report(mine.token(), body(
                "pupilIds", List.of(mine.child().id(), theirs.child().id()), "firstDay", THU, "reason", "ILLNESS"), null));
        assertEquals(404, child.getStatus().getCode());
        assertEquals(List.of(), calls.mine(mine.token()), "nothing is reported when one child is not the caller's");
        var report = assertThrows(HttpClientResponseException.class, () -> calls.get(mine.token(), theirReport));
        assertEquals(404, report.getStatus().getCode());
        var change = assertThrows(HttpClientResponseException.class,
                () -> calls.update(mine.token(), theirReport, Map.of("lastDay", FRI)));
        assertEquals(404, change.getStatus().getCode());
        assertFalse(calls.mine(theirs.token()).isEmpty());
    }
}
