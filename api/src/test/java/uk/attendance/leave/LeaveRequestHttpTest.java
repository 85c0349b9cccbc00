package uk.attendance.leave;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.caller.Caller;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.notify.outbox.OutboxWorker;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.penalty.PenaltyThreshold;
import uk.attendance.rules.penalty.PenaltyThresholdStatus;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.penalty.ThresholdEvent;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leave of absence through HTTP against the real database, at fixed times of the 2025-26 autumn term (registers open
 * 08:40 and 13:15; London is on UTC in November and December).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.outbox.poller", value = "false")
class LeaveRequestHttpTest {

    @jakarta.inject.Inject
    javax.sql.DataSource markMonthsDataSource;

    @org.junit.jupiter.api.AfterAll
    void markMonthsKeptInStep() throws java.sql.SQLException {
        uk.attendance.register.MarkMonthsConsistency.assertKeptInStep(markMonthsDataSource);
    }
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-11-20T07:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture rows;
    @Inject
    CalendarService calendars;
    @Inject
    OutboxWorker outboxWorker;

    TrustRecord trust;
    SchoolRecord school;
    SchoolRecord otherSchool;
    String head;
    String officer;
    String teacher;
    String admin;
    String otherHead;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
        otherSchool = fixtures.school(trust);
        StaffRecord headteacher = fixtures.staff(trust, Optional.of(school), Roles.HEADTEACHER);
        head = fixtures.token(new Caller(Caller.Kind.STAFF, headteacher.id(), trust.id(), Optional.of(school.id()),
                Set.of(Roles.HEADTEACHER), "Mrs Okafor", "Headteacher"));
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));
        otherHead = fixtures.token(fixtures.staff(trust, Optional.of(otherSchool), Roles.HEADTEACHER));
    }

    record Family(PupilRecord child, ContactRecord parent, String token) {
    }

    private Family family(String group) {
        PupilRecord child = fixtures.pupil(school, group);
        ContactRecord parent = fixtures.parentOf(trust, child);
        return new Family(child, parent, fixtures.token(parent));
    }

    // ---------------------------------------------------------------------------------------------- retrospective

    @Test
    void leaveForTimeAlreadyPastIsRefusedAtOnceWithAPlainMessage() {
        at("2025-11-20T09:00:00Z");
        Family f = family("R1");

        var yesterday = rejected(requestBody(f.child(), "EXCEPTIONAL_CIRCUMSTANCES", "2025-11-19", "2025-11-21"), f.token());
        Problems.assertProblem(yesterday, 400, "firstDay", "leave cannot be granted retrospectively");
        Problems.assertProblem(yesterday, 400, "firstDay", "Wednesday 19 November 2025 has already passed");

        // Today counts as past once its session's register has opened (08:40): this morning is refused...
        var thisMorning = rejected(requestBody(f.child(), "MEDICAL", "2025-11-20", "2025-11-20"), f.token());
        Problems.assertProblem(thisMorning, 400, "firstDay", "this morning's session began when the register opened at 08:40");
        var preview = assertThrows(HttpClientResponseException.class, () -> post("/leave-requests/preview",
                Map.of("pupilId", f.child().id(), "type", "MEDICAL", "firstDay", "2025-11-20", "lastDay", "2025-11-20"), f.token()));
        Problems.assertProblem(preview, 400, "firstDay", "leave cannot be granted retrospectively");

        // ...this afternoon may still be asked for until its register opens at 13:15.
        Map<String, Object> afternoon = created(Map.of("pupilId", f.child().id(), "type", "MEDICAL", "firstDay", "2025-11-20",
                "firstSession", "PM", "lastDay", "2025-11-20", "reason", "Orthodontist at 13:30"), f.token());
        assertEquals(List.of(Map.of("date", "2025-11-20", "session", "PM", "outcome", "REQUESTED")), afternoon.get("sessions"));
        at("2025-11-20T13:15:00Z");
        var late = rejected(Map.of("pupilId", f.child().id(), "type", "MEDICAL", "firstDay", "2025-11-20", "firstSession", "PM",
                "lastDay", "2025-11-21", "reason", "Orthodontist"), f.token());
        Problems.assertProblem(late, 400, "firstSession", "this afternoon's session began when the register opened at 13:15");
    }

    @Test
    void aRangeWithoutSchoolSessionsAndBadRangesAreNamed() {
        at("2025-11-20T07:00:00Z");
        Family f = family("R2");
        Problems.assertProblem(rejected(requestBody(f.child(), "EXCEPTIONAL_CIRCUMSTANCES", "2025-12-20", "2025-12-21"), f.token()),
                400, "firstDay", "there is no school session from Saturday 20 December 2025 to Sunday 21 December 2025");
        Problems.assertProblem(rejected(requestBody(f.child(), "EXCEPTIONAL_CIRCUMSTANCES", "2025-12-05", "2025-12-04"), f.token()),
                400, "lastDay", "must not be before firstDay");
        Problems.assertProblem(rejected(requestBody(f.child(), "STUDY_LEAVE", "2026-01-05", "2026-06-30"), f.token()),
                400, "lastDay", "at most 92 days");
        Problems.assertProblem(rejected(Map.of("pupilId", f.child().id(), "type", "TRIP", "firstDay", "2025-12-01",
                "lastDay", "2025-12-02", "reason", "Sun"), f.token()), 400, "type", "");
    }

    // ---------------------------------------------------------------------------------------------- preview

    @Test
    void aHolidayThatReachesThePenaltyThresholdIsPredictedAsTheRulesCorePredictsIt() {
        at("2025-11-20T07:00:00Z");
        Family f = family("P1");
        // Present every session of the term so far, except 4 sessions of unauthorised absence (O) on 10-11 November.
        importMarks(f.child(), LocalDate.parse("2025-09-03"), LocalDate.parse("2025-11-19"),
                Set.of("2025-11-10", "2025-11-11"), "O");

        Map<String, Object> preview = post("/leave-requests/preview", Map.of("pupilId", f.child().id(),
                "type", "HOLIDAY", "firstDay", "2025-12-01", "lastDay", "2025-12-08"), f.token());

        assertEquals("C", preview.get("code"));
        assertEquals("G", map(preview.get("ifRefused")).get("code"), "a holiday taken without permission is G");
        assertEquals(6, preview.get("schoolDays"));
        assertEquals(12, ((List<?>) preview.get("sessions")).size());
        assertEquals(List.of(Map.of("date", "2025-12-06", "kind", "WEEKEND", "description", "Weekend"),
                Map.of("date", "2025-12-07", "kind", "WEEKEND", "description", "Weekend")), preview.get("skippedDays"));
        // 51 school days so far = 102 sessions, 98 attended.
        assertEquals(Map.of("from", "2025-09-01", "to", "2025-11-20", "possibleSessions", 102, "attendedSessions", 98,
                "attendancePercent", 96.1, "persistentAbsence", false), preview.get("current"));
        // To 8 December: 102 + 14 sessions attended in between + 12 requested = 128; 112 attended = 87.5 %.
        Map<String, Object> approved = map(preview.get("ifApproved"));
        assertEquals(128, approved.get("possibleSessions"));
        assertEquals(112, approved.get("attendedSessions"));
        assertEquals(87.5, approved.get("attendancePercent"));
        assertEquals(true, approved.get("persistentAbsence"));
        Map<String, Object> penalty = map(map(preview.get("ifRefused")).get("penaltyNotice"));
        assertEquals(true, penalty.get("applies"));
        assertEquals(true, penalty.get("reached"));
        assertEquals(4, penalty.get("sessionsAlreadyCounted"));
        assertEquals(6, penalty.get("sessionsLeftBefore"));
        // 4 O + Mon, Tue, Wed as G = 10 at Wednesday afternoon.
        assertEquals("2025-12-03", penalty.get("reachedOn"));
        assertEquals("PM", penalty.get("reachedSession"));

        // The same data through the rules core directly: the recorded marks plus the requested sessions as G.
        ThresholdEvent expected = firstEventFrom(f.child(), preview, LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-08"))
                .orElseThrow();
        assertEquals(expected.date().toString(), penalty.get("reachedOn"));
        assertEquals(expected.session().name(), penalty.get("reachedSession"));

        String explanation = String.join("\n", strings(preview.get("explanation")));
        assertTrue(explanation.contains("attendance this school year so far is 96.1%"), explanation);
        assertTrue(explanation.contains("recorded as leave for exceptional circumstances (C), an authorised absence: attendance "
                + "this school year would be 87.5% on Monday 8 December 2025"), explanation);
        assertTrue(explanation.contains("4 sessions without permission are already recorded"), explanation);
        assertTrue(explanation.contains("would reach the national limit on Wednesday 3 December 2025 (afternoon)"), explanation);
        assertTrue(explanation.contains("Not school time, so not counted: Saturday 6 December 2025 to Sunday 7 December 2025 (weekend)."),
                explanation);
        assertEquals("12 school sessions over 6 school days, from Monday 1 December 2025 (morning) to Monday 8 December 2025 (afternoon).",
                preview.get("summary"));
    }

    @Test
    void aShortHolidayThatDoesNotReachTheThresholdSaysSo() {
        at("2025-11-20T07:00:00Z");
        Family f = family("P2");
        importMarks(f.child(), LocalDate.parse("2025-11-03"), LocalDate.parse("2025-11-19"), Set.of("2025-11-17"), "G");

        Map<String, Object> preview = post("/leave-requests/preview", Map.of("pupilId", f.child().id(),
                "type", "HOLIDAY", "firstDay", "2025-12-10", "firstSession", "PM", "lastDay", "2025-12-12",
                "lastSession", "AM"), f.token());

        assertEquals(List.of(Map.of("date", "2025-12-10", "session", "PM"), Map.of("date", "2025-12-11", "session", "AM"),
                Map.of("date", "2025-12-11", "session", "PM"), Map.of("date", "2025-12-12", "session", "AM")), preview.get("sessions"));
        Map<String, Object> penalty = map(map(preview.get("ifRefused")).get("penaltyNotice"));
        assertEquals(false, penalty.get("reached"));
        assertNull(penalty.get("reachedOn"));
        assertEquals(2, penalty.get("sessionsAlreadyCounted"));
        assertEquals(8, penalty.get("sessionsLeftBefore"));
        assertEquals("Taken as a holiday without permission (G), this would not reach the penalty-notice threshold: 6 of the 10 "
                + "sessions would be used.", penalty.get("headline"));
        assertTrue(firstEventFrom(f.child(), preview, LocalDate.parse("2025-12-10"), LocalDate.parse("2025-12-12")).isEmpty(),
                "the rules core agrees: no threshold event");

        // Staff of the school may preview too; another family may not.
        assertEquals(preview.get("ifRefused"), post("/leave-requests/preview", Map.of("pupilId", f.child().id(),
                "type", "HOLIDAY", "firstDay", "2025-12-10", "firstSession", "PM", "lastDay", "2025-12-12",
                "lastSession", "AM"), teacher).get("ifRefused"));
        Family other = family("P2");
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> post("/leave-requests/preview",
                Map.of("pupilId", f.child().id(), "type", "MEDICAL", "firstDay", "2025-12-10", "lastDay", "2025-12-10"),
                other.token())).getStatus());
    }

    // ---------------------------------------------------------------------------------------------- decisions and the register

    @Test
    void approvingSomeDaysPrefillsTheRegisterAndTheRestIsUnauthorisedWhenAbsent() {
        at("2025-11-20T07:00:00Z");
        Family f = family("D1");
        long id = id(created(requestBody(f.child(), "EXCEPTIONAL_CIRCUMSTANCES", "2025-11-24", "2025-11-26"), f.token()));

        // The school is slow to decide: Monday morning's register is taken first, with the pupil absent (N).
        at("2025-11-24T09:30:00Z");
        assertNull(entryOf(register("D1", "2025-11-24", "AM"), f.child()).get("expected"));
        takeRegister("D1", "2025-11-24", "AM", f.child(), "N");

        Map<String, Object> decided = post("/leave-requests/" + id + "/decision", Map.of("decision", "APPROVE",
                "approvedSessions", List.of(Map.of("date", "2025-11-24"), Map.of("date", "2025-11-25")),
                "reason", "Two days are agreed for the funeral, not the third."), head);

        assertEquals("PARTLY_APPROVED", decided.get("status"));
        assertEquals("Mrs Okafor", decided.get("decidedBy"));
        assertEquals(List.of("APPROVED C", "APPROVED C", "APPROVED C", "APPROVED C", "NOT_APPROVED O", "NOT_APPROVED O"),
                sessions(decided).stream().map(s -> s.get("outcome") + " " + s.get("code")).toList());
        assertEquals(List.of("SUBMITTED", "PARTLY_APPROVED", "REGISTER_UPDATED", "PARENT_NOTIFIED"), events(decided));
        String approvedReason = "Leave request " + id + " approved by Mrs Okafor (Headteacher): leave for exceptional circumstances (C)";

        // Already registered N: amended now, through the amendment trail, by the headteacher.
        Map<String, Object> monday = history(f.child(), "2025-11-24", "AM");
        assertEquals("C", monday.get("currentCode"));
        assertEquals("N", map(monday.get("original")).get("code"));
        assertEquals(List.of(Map.of("originalCode", "N", "newCode", "C", "reason", approvedReason, "amendedAt", "2025-11-24T09:30:00Z",
                "byName", "Mrs Okafor", "byPosition", "Headteacher")), monday.get("amendments"));

        // Not registered yet: expected in the register, recorded with the reason when the register is taken with N.
        at("2025-11-24T13:20:00Z");
        assertEquals(Map.of("code", "C", "category", "AUTHORISED", "reason", approvedReason, "confirmed", true),
                entryOf(register("D1", "2025-11-24", "PM"), f.child()).get("expected"));
        assertEquals("C", entryOf(takeRegister("D1", "2025-11-24", "PM", f.child(), "N"), f.child()).get("code"));
        Map<String, Object> afternoon = history(f.child(), "2025-11-24", "PM");
        assertEquals("C", map(afternoon.get("original")).get("code"));
        assertEquals(approvedReason, map(afternoon.get("original")).get("reason"));
        assertEquals(List.of(), afternoon.get("amendments"));

        // The day not approved: absent → O (not a holiday: G is only a holiday not granted), the reason naming the request.
        at("2025-11-26T09:00:00Z");
        String notApproved = "Leave request " + id + " not approved by Mrs Okafor (Headteacher): absent without the school's "
                + "permission (O)";
        assertEquals(Map.of("code", "O", "category", "UNAUTHORISED", "reason", notApproved, "confirmed", true),
                entryOf(register("D1", "2025-11-26", "AM"), f.child()).get("expected"));
        assertEquals("O", entryOf(takeRegister("D1", "2025-11-26", "AM", f.child(), "N"), f.child()).get("code"));
        assertEquals(notApproved, map(history(f.child(), "2025-11-26", "AM").get("original")).get("reason"));

        // The parent had no device: once the outbox's worker has run, a text that names neither the child nor the reason.
        assertEquals(List.of(), rows.rows("SELECT id FROM dev_text WHERE recipient = ?", f.parent().mobile()),
                "queued with the decision, not sent by it");
        outboxWorker.drain();
        List<Object> texts = rows.rows("SELECT body FROM dev_text WHERE recipient = ?", f.parent().mobile()).stream()
                .map(r -> r.get("body")).toList();
        assertEquals(List.of("A decision has been made on your leave request. Open the app to see it."), texts);
        Map<String, Object> seen = get("/leave-requests/" + id, f.token());
        assertEquals("PARTLY_APPROVED", seen.get("status"));
        assertEquals("Two days are agreed for the funeral, not the third.", seen.get("decisionReason"));
        assertEquals("by push notification, or by text message if no device takes it",
                map(((List<?>) seen.get("history")).get(3)).get("note"));
    }

    @Test
    void aDeclineFollowedByAbsenceIsRecordedAsAHolidayAndAPresentPupilStaysPresent() {
        at("2025-11-20T07:00:00Z");
        Family f = family("D2");
        Map<String, Object> device = post("/me/devices", Map.of("token", "leave-test-" + Fixtures.next(), "platform", "ANDROID"), f.token());
        long id = id(created(requestBody(f.child(), "HOLIDAY", "2025-12-08", "2025-12-09"), f.token()));

        Problems.assertProblem(assertThrows(HttpClientResponseException.class, () -> post("/leave-requests/" + id + "/decision",
                Map.of("decision", "DECLINE"), head)), 400, "reason", "say why the leave is declined");
        Map<String, Object> declined = post("/leave-requests/" + id + "/decision",
                Map.of("decision", "DECLINE", "reason", "A family holiday is not an exceptional circumstance."), head);
        assertEquals("DECLINED", declined.get("status"));
        assertEquals(List.of("SUBMITTED", "DECLINED", "PARENT_NOTIFIED"), events(declined));
        assertEquals(HttpStatus.CONFLICT, assertThrows(HttpClientResponseException.class, () -> post("/leave-requests/" + id
                + "/decision", Map.of("decision", "APPROVE"), head)).getStatus());

        // Notified by push (the parent has a device): no names on the lock screen, the request id for the app.
        outboxWorker.drain();
        List<Map<String, Object>> pushes = rows.rows("SELECT title, body, data FROM dev_push WHERE device_id = ?", device.get("id"));
        assertEquals(1, pushes.size());
        assertEquals("A decision has been made on your leave request. Open the app to see it.", pushes.get(0).get("body"));
        assertTrue(String.valueOf(pushes.get(0).get("data")).contains("\"leaveRequestId\":\"" + id + "\""), pushes.toString());
        assertEquals(List.of(), rows.rows("SELECT id FROM dev_text WHERE recipient = ?", f.parent().mobile()));

        at("2025-12-08T09:00:00Z");
        assertEquals("G", entryOf(takeRegister("D2", "2025-12-08", "AM", f.child(), "N"), f.child()).get("code"));
        Map<String, Object> history = history(f.child(), "2025-12-08", "AM");
        assertEquals("G", map(history.get("original")).get("code"));
        assertEquals("Leave request " + id + " not approved by Mrs Okafor (Headteacher): absent without the school's permission, "
                + "a holiday not agreed by the school (G)", map(history.get("original")).get("reason"));

        at("2025-12-09T09:00:00Z");
        assertEquals("/", entryOf(takeRegister("D2", "2025-12-09", "AM", f.child(), "/"), f.child()).get("code"));
        assertEquals("/", get("/pupils/" + f.child().id() + "/marks/2025-12-09/AM", officer).get("code"));
    }

    @Test
    void religiousObservanceIsOneDayOfRTheRestExceptionalLeaveAtTheSchoolsDiscretion() {
        at("2025-11-20T07:00:00Z");
        Family f = family("D3");
        Map<String, Object> preview = post("/leave-requests/preview", Map.of("pupilId", f.child().id(),
                "type", "RELIGIOUS_OBSERVANCE", "firstDay", "2025-12-15", "lastDay", "2025-12-16"), f.token());
        assertTrue(strings(preview.get("explanation")).stream().anyMatch(s -> s.startsWith("Only a day set apart by your religious body")));

        long id = id(created(requestBody(f.child(), "RELIGIOUS_OBSERVANCE", "2025-12-15", "2025-12-16"), f.token()));
        Problems.assertProblem(decisionRejected(id, Map.of("decision", "APPROVE", "approvedSessions",
                List.of(Map.of("date", "2025-12-15"), Map.of("date", "2025-12-17", "session", "AM")), "reason", "One day")),
                400, "approvedSessions[1]", "2025-12-17 AM is not a session of this request");
        Problems.assertProblem(decisionRejected(id, Map.of("decision", "APPROVE", "approvedSessions",
                List.of(Map.of("date", "2025-12-15")))), 400, "reason", "say why only some of the sessions are approved");
        Problems.assertProblem(decisionRejected(id, Map.of("decision", "DECLINE", "approvedSessions",
                List.of(Map.of("date", "2025-12-15")), "reason", "Not this time")), 400, "approvedSessions", "goes only with APPROVE");
        Map<String, Object> approved = post("/leave-requests/" + id + "/decision", Map.of("decision", "APPROVE"), head);

        assertEquals("APPROVED", approved.get("status"));
        assertEquals(List.of("R", "R", "C", "C"), sessions(approved).stream().map(s -> s.get("code")).toList());
    }

    /**
     * G is "holiday not granted by the school": only a refused HOLIDAY becomes G; any other kind of leave refused and taken
     * all the same is O (none of the other codes applies). Both count towards the penalty-notice threshold, so the preview
     * predicts it either way, in words that name the code.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "a declined {0} taken anyway is {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "HOLIDAY, G, C",
            "EXCEPTIONAL_CIRCUMSTANCES, O, C",
            "REGULATED_PERFORMANCE_OR_EMPLOYMENT_ABROAD, O, C1",
            "INTERVIEW, O, J1",
            "STUDY_LEAVE, O, S",
            "RELIGIOUS_OBSERVANCE, O, R",
            "MEDICAL, O, M"})
    void aDeclinedRequestTakenAnywayIsGOnlyForAHolidayAndOOtherwise(String type, String refused, String approvedCode) {
        at("2025-11-20T07:00:00Z");
        String group = "K" + Fixtures.next();
        Family f = family(group);
        Map<String, Object> preview = post("/leave-requests/preview", Map.of("pupilId", f.child().id(), "type", type,
                "firstDay", "2026-01-12", "lastDay", "2026-01-12"), f.token());
        assertEquals(approvedCode, preview.get("code"));
        Map<String, Object> ifRefused = map(preview.get("ifRefused"));
        assertEquals(refused, ifRefused.get("code"));
        Map<String, Object> penalty = map(ifRefused.get("penaltyNotice"));
        assertEquals(true, penalty.get("applies"), refused + " counts towards the penalty-notice threshold");
        String taken = refused.equals("G") ? "Taken as a holiday without permission (G)" : "Taken without permission (O)";
        assertEquals(taken + ", this would not reach the penalty-notice threshold: 2 of the 10 sessions would be used.",
                penalty.get("headline"));
        String words = refused.equals("G") ? "a holiday not agreed by the school (G)" : "an absence without the school's permission (O)";
        assertTrue(strings(preview.get("explanation")).stream().anyMatch(s -> s.contains("the sessions are recorded as " + words
                + ", an unauthorised absence")), preview.get("explanation").toString());

        long id = id(created(requestBody(f.child(), type, "2026-01-12", "2026-01-12"), f.token()));
        Map<String, Object> declined = post("/leave-requests/" + id + "/decision",
                Map.of("decision", "DECLINE", "reason", "Not agreed this time."), head);
        assertEquals(List.of("NOT_APPROVED " + refused, "NOT_APPROVED " + refused),
                sessions(declined).stream().map(s -> s.get("outcome") + " " + s.get("code")).toList());

        at("2026-01-12T09:00:00Z");
        assertEquals(refused, map(entryOf(register(group, "2026-01-12", "AM"), f.child()).get("expected")).get("code"));
        assertEquals(refused, entryOf(takeRegister(group, "2026-01-12", "AM", f.child(), "N"), f.child()).get("code"));
        assertEquals(refused, history(f.child(), "2026-01-12", "AM").get("currentCode"));
    }

    // ---------------------------------------------------------------------------------------------- parents

    @Test
    void aParentSeesTheirRequestsAndMayWithdrawAPendingOne() {
        at("2025-11-20T07:00:00Z");
        Family f = family("W1");
        long id = id(created(requestBody(f.child(), "INTERVIEW", "2026-01-14", "2026-01-14"), f.token()));
        assertEquals("J1", get("/leave-requests/" + id, f.token()).get("code"));

        // The same session twice: refused while the first request stands.
        var twice = assertThrows(HttpClientResponseException.class, () -> created(
                requestBody(f.child(), "EXCEPTIONAL_CIRCUMSTANCES", "2026-01-13", "2026-01-15"), f.token()));
        assertEquals(HttpStatus.CONFLICT, twice.getStatus());
        assertTrue(twice.getResponse().getBody(String.class).orElse("").contains("Leave request " + id + " already asks for Wednesday 14 January 2026"));

        at("2025-11-21T18:00:00Z");
        Map<String, Object> withdrawn = post("/leave-requests/" + id + "/withdrawal", null, f.token());
        assertEquals("WITHDRAWN", withdrawn.get("status"));
        assertEquals(List.of("WITHDRAWN", "WITHDRAWN"), sessions(withdrawn).stream().map(s -> s.get("outcome")).toList());
        assertEquals(List.of("SUBMITTED", "WITHDRAWN"), events(withdrawn));
        assertEquals("2025-11-21T18:00:00Z", map(((List<?>) withdrawn.get("history")).get(1)).get("at"));
        assertEquals(HttpStatus.CONFLICT, assertThrows(HttpClientResponseException.class,
                () -> post("/leave-requests/" + id + "/withdrawal", null, f.token())).getStatus());
        assertEquals(HttpStatus.CONFLICT, assertThrows(HttpClientResponseException.class,
                () -> post("/leave-requests/" + id + "/decision", Map.of("decision", "APPROVE"), head)).getStatus());

        // Withdrawn sessions are free again; the parent's list shows both, newest first.
        long again = id(created(requestBody(f.child(), "EXCEPTIONAL_CIRCUMSTANCES", "2026-01-13", "2026-01-15"), f.token()));
        assertEquals(List.of(again, id), list("/leave-requests", f.token()).stream().map(LeaveRequestHttpTest::id).toList());
        assertEquals(List.of(again), list("/leave-requests?status=PENDING", f.token()).stream().map(LeaveRequestHttpTest::id).toList());
    }

    @Test
    void evidenceSentWithARequestIsAttachedForTheSchoolAndAnotherFamilysFileIsRefusedWithNothingStored() {
        at("2025-11-20T07:00:00Z");
        Family f = family("E1");
        Family other = family("E1");
        long letter = uploadedPdf(f.token());
        long notTheirs = uploadedPdf(other.token());

        Map<String, Object> body = new HashMap<>(requestBody(f.child(), "MEDICAL", "2026-01-21", "2026-01-21"));
        body.put("evidenceIds", List.of(letter));
        Map<String, Object> request = created(body, f.token());

        List<?> evidence = (List<?>) request.get("evidence");
        assertEquals(List.of(letter), evidence.stream().map(e -> ((Number) map(e).get("id")).longValue()).toList());
        assertEquals("application/pdf", map(evidence.get(0)).get("mediaType"));
        assertEquals(evidence, get("/leave-requests/" + id(request), head).get("evidence"), "the headteacher sees it too");
        HttpResponse<byte[]> download = http.toBlocking().exchange(HttpRequest.GET("/evidence/" + letter).bearerAuth(head), byte[].class);
        assertEquals(HttpStatus.OK, download.getStatus(), "attached to the child's record: the school's staff may read it");

        body.put("evidenceIds", List.of(notTheirs));
        body.put("firstDay", "2026-01-22");
        body.put("lastDay", "2026-01-22");
        var refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/leave-requests", body).bearerAuth(f.token()), Json.OBJECT));
        Problems.assertProblem(refused, 400, "evidenceIds[0]", "is not a file you uploaded");
        assertEquals(1, list("/leave-requests?pupilId=" + f.child().id(), f.token()).size(), "the refused request left nothing behind");
    }

    private long uploadedPdf(String token) {
        HttpResponse<Map<String, Object>> uploaded = http.toBlocking().exchange(HttpRequest.POST("/evidence",
                        MultipartBody.builder().addPart("file", "letter.pdf", MediaType.APPLICATION_PDF_TYPE,
                                uk.attendance.evidence.Samples.pdf()).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Json.OBJECT);
        return ((Number) uploaded.body().get("id")).longValue();
    }

    @Test
    void anApprovedRequestCanBeWithdrawnOnlyUntilItBegins() {
        at("2025-11-20T07:00:00Z");
        Family f = family("W2");
        long id = id(created(requestBody(f.child(), "STUDY_LEAVE", "2025-12-01", "2025-12-01"), f.token()));
        post("/leave-requests/" + id + "/decision", Map.of("decision", "APPROVE"), head);
        at("2025-12-01T08:40:00Z");
        var begun = assertThrows(HttpClientResponseException.class, () -> post("/leave-requests/" + id + "/withdrawal", null, f.token()));
        assertEquals(HttpStatus.CONFLICT, begun.getStatus());

        long later = id(created(requestBody(f.child(), "STUDY_LEAVE", "2025-12-02", "2025-12-02"), f.token()));
        post("/leave-requests/" + later + "/decision", Map.of("decision", "APPROVE"), head);
        assertEquals("WITHDRAWN", post("/leave-requests/" + later + "/withdrawal", null, f.token()).get("status"));
        at("2025-12-02T09:00:00Z");
        assertNull(entryOf(register("W2", "2025-12-02", "AM"), f.child()).get("expected"), "withdrawn leave is not expected");
    }

    @Test
    void anotherFamilysChildAndRequestAreNotFound() {
        at("2025-11-20T07:00:00Z");
        Family a = family("F1");
        Family b = family("F1");
        long ofB = id(created(requestBody(b.child(), "MEDICAL", "2025-12-03", "2025-12-03"), b.token()));

        assertEquals(HttpStatus.NOT_FOUND, rejected(requestBody(b.child(), "MEDICAL", "2025-12-04", "2025-12-04"), a.token()).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> get("/leave-requests/" + ofB, a.token())).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> post("/leave-requests/" + ofB + "/withdrawal", null, a.token())).getStatus());
        assertEquals(List.of(), list("/leave-requests", a.token()));
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> list("/leave-requests?pupilId=" + b.child().id(), a.token())).getStatus());
    }

    // ---------------------------------------------------------------------------------------------- staff

    @Test
    void staffOfAnotherSchoolGetNotFound() {
        at("2025-11-20T07:00:00Z");
        Family f = family("S1");
        long id = id(created(requestBody(f.child(), "MEDICAL", "2025-12-04", "2025-12-04"), f.token()));

        for (MutableHttpRequest<?> request : List.of(
                HttpRequest.GET("/leave-requests/" + id),
                HttpRequest.POST("/leave-requests/" + id + "/decision", Map.of("decision", "APPROVE")),
                HttpRequest.GET("/schools/" + school.id() + "/leave-requests"))) {
            var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(otherHead)));
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus(), request.getPath());
        }
        assertEquals("PENDING", get("/leave-requests/" + id, officer).get("status"));
        // Deciding is the headteacher's: an attendance officer may read, not decide.
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> post("/leave-requests/" + id + "/decision", Map.of("decision", "APPROVE"), officer)).getStatus());
    }

    @Test
    void staffFilterTheSchoolsRequests() {
        at("2025-11-20T07:00:00Z");
        Family f = family("S2");
        Family g = family("S2");
        long interview = id(created(requestBody(f.child(), "INTERVIEW", "2026-01-07", "2026-01-07"), f.token()));
        long study = id(created(requestBody(f.child(), "STUDY_LEAVE", "2026-01-19", "2026-01-20"), f.token()));
        long other = id(created(requestBody(g.child(), "EXCEPTIONAL_CIRCUMSTANCES", "2026-01-08", "2026-01-09"), g.token()));
        post("/leave-requests/" + study + "/decision", Map.of("decision", "APPROVE"), head);

        String base = "/schools/" + school.id() + "/leave-requests";
        assertEquals(List.of(interview, study), ids(base + "?pupilId=" + f.child().id()));
        assertEquals(List.of(interview), ids(base + "?pupilId=" + f.child().id() + "&status=PENDING"));
        assertEquals(List.of(study), ids(base + "?pupilId=" + f.child().id() + "&type=STUDY_LEAVE"));
        List<Long> january = ids(base + "?from=2026-01-08&to=2026-01-19");
        assertTrue(january.containsAll(List.of(other, study)) && !january.contains(interview), january.toString());
        List<Long> pending = ids(base + "?status=PENDING&from=2026-01-07&to=2026-01-09");
        assertTrue(pending.indexOf(interview) < pending.indexOf(other) && !pending.contains(study), "soonest first: " + pending);
        Problems.assertProblem(assertThrows(HttpClientResponseException.class, () -> get(base + "?from=2026-01-09&to=2026-01-08",
                officer)), 400, "to", "must not be before from");
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> get(base, teacher)).getStatus());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Optional<ThresholdEvent> firstEventFrom(PupilRecord pupil, Map<String, Object> preview, LocalDate first, LocalDate last) {
        List<SessionMark> marks = new ArrayList<>();
        for (Map<String, Object> m : list("/pupils/" + pupil.id() + "/marks?from=2025-09-01&to=" + last, officer)) {
            marks.add(new SessionMark(LocalDate.parse((String) m.get("date")), uk.attendance.rules.calendar.Session.valueOf((String) m.get("session")),
                    RegisterCode.fromSymbol((String) m.get("code")).orElseThrow()));
        }
        for (Object s : (List<?>) preview.get("sessions")) {
            Map<String, Object> slot = map(s);
            marks.add(new SessionMark(LocalDate.parse((String) slot.get("date")),
                    uk.attendance.rules.calendar.Session.valueOf((String) slot.get("session")), RegisterCode.G));
        }
        PenaltyThresholdStatus status = PenaltyThreshold.evaluate(calendars.calendarOf(school.id()), marks,
                new PupilFacts(pupil.dateOfBirth(), pupil.admissionDate(), Optional.empty()), last);
        return status.events().stream().filter(e -> !e.date().isBefore(first)).findFirst();
    }

    /** Every school session from..to through the MIS import: present, or {@code code} on the days given. */
    private void importMarks(PupilRecord pupil, LocalDate from, LocalDate to, Set<String> absentDays, String code) {
        var calendar = calendars.calendarOf(school.id());
        List<Map<String, Object>> marks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (uk.attendance.rules.calendar.Session s : uk.attendance.rules.calendar.Session.values()) {
                if (calendar.isSession(d, s)) {
                    String c = absentDays.contains(d.toString()) ? code : s == uk.attendance.rules.calendar.Session.AM ? "/" : "\\";
                    marks.add(Map.of("pupilId", pupil.id(), "date", d.toString(), "session", s.name(), "code", c));
                }
            }
        }
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", marks))
                .bearerAuth(admin));
    }

    private Map<String, Object> register(String group, String date, String session) {
        return get("/schools/" + school.id() + "/registers?date=" + date + "&session=" + session + "&registrationGroup=" + group, teacher);
    }

    private Map<String, Object> takeRegister(String group, String date, String session, PupilRecord pupil, String code) {
        return post("/schools/" + school.id() + "/registers", Map.of("date", date, "session", session, "registrationGroup", group,
                "marks", List.of(Map.of("pupilId", pupil.id(), "code", code))), teacher);
    }

    private Map<String, Object> history(PupilRecord pupil, String date, String session) {
        return get("/pupils/" + pupil.id() + "/marks/" + date + "/" + session + "/history", officer);
    }

    private static Map<String, Object> entryOf(Map<String, Object> register, PupilRecord pupil) {
        return ((List<?>) register.get("entries")).stream().map(LeaveRequestHttpTest::map)
                .filter(e -> ((Number) e.get("pupilId")).longValue() == pupil.id()).findFirst().orElseThrow();
    }

    private static Map<String, Object> requestBody(PupilRecord pupil, String type, String first, String last) {
        return Map.of("pupilId", pupil.id(), "type", type, "firstDay", first, "lastDay", last,
                "reason", "Reason given by the parent");
    }

    private Map<String, Object> created(Map<String, Object> body, String token) {
        HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(HttpRequest.POST("/leave-requests", body)
                .bearerAuth(token), Json.OBJECT);
        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> request = response.body();
        assertEquals("PENDING", request.get("status"));
        assertEquals(List.of("SUBMITTED"), events(request));
        return request;
    }

    private HttpClientResponseException decisionRejected(long id, Map<String, Object> body) {
        return assertThrows(HttpClientResponseException.class, () -> post("/leave-requests/" + id + "/decision", body, head));
    }

    private HttpClientResponseException rejected(Map<String, Object> body, String token) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/leave-requests", body).bearerAuth(token), String.class));
    }

    private Map<String, Object> post(String path, Object body, String token) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body == null ? Map.of() : body).bearerAuth(token), Json.OBJECT);
    }

    private Map<String, Object> get(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Json.OBJECT);
    }

    private List<Map<String, Object>> list(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Json.LIST);
    }

    private List<Long> ids(String path) {
        return list(path, officer).stream().map(LeaveRequestHttpTest::id).toList();
    }

    private static long id(Map<String, Object> request) {
        return ((Number) request.get("id")).longValue();
    }

    private static List<Map<String, Object>> sessions(Map<String, Object> request) {
        return ((List<?>) request.get("sessions")).stream().map(LeaveRequestHttpTest::map).toList();
    }

    private static List<Object> events(Map<String, Object> request) {
        return ((List<?>) request.get("history")).stream().map(e -> map(e).get("event")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }

    private static void at(String instant) {
        CLOCK.advance(Duration.between(CLOCK.instant(), Instant.parse(instant)));
    }
}
