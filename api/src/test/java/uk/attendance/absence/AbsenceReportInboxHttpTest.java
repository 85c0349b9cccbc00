package uk.attendance.absence;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.notify.outbox.OutboxWorker;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.register.RegisterService;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.attendance.absence.AbsenceReportCalls.id;
import static uk.attendance.absence.AbsenceReportCalls.list;
import static uk.attendance.absence.AbsenceReportCalls.summary;

/**
 * The school's side of parents' absence reports: the inbox, decisions with a register code through the amendment
 * trail, questions to the family (told by push, else text) and their answers, and the school's review setting.
 * The clock is fixed on Wednesday 3 December 2025 at 08:20.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.clock.fixed", value = "2025-12-03T08:20:00Z")
@Property(name = "attendance.outbox.poller", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbsenceReportInboxHttpTest {
    private static final String TUE = "2025-12-02";
    private static final String WED = "2025-12-03";
    private static final String THU = "2025-12-04";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture rows;
    @Inject
    OutboxWorker outboxWorker;
    @Inject
    RegisterService register;

    AbsenceReportCalls calls;
    TrustRecord trust;
    SchoolRecord school;
    SchoolRecord otherSchool;
    String officer;
    String officerName;
    String teacher;
    String otherOfficer;

    @BeforeAll
    void setUp() {
        calls = new AbsenceReportCalls(http);
        trust = fixtures.trust();
        school = fixtures.school(trust);
        otherSchool = fixtures.school(trust);
        var staff = fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER);
        officer = fixtures.token(staff);
        officerName = staff.name();
        teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        otherOfficer = fixtures.token(fixtures.staff(trust, Optional.of(otherSchool), Roles.ATTENDANCE_OFFICER));
    }

    record Family(ContactRecord parent, String token, PupilRecord child, String group) {
    }

    private Family family(SchoolRecord at) {
        String group = "G" + Fixtures.next();
        PupilRecord child = fixtures.pupil(at, group);
        ContactRecord parent = fixtures.parentOf(trust, child);
        return new Family(parent, fixtures.token(parent), child, group);
    }

    private Map<String, Object> reportOther(Family family, String first, String last) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pupilIds", List.of(family.child().id()));
        body.put("firstDay", first);
        body.put("lastDay", last);
        body.put("reason", "OTHER");
        body.put("otherReason", "Family emergency");
        return calls.reported(family.token(), body).get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOtherReasonAwaitsStaffWhoDecideACodeThatReachesTheRegisterThroughTheTrail() {
        Family family = family(school);
        long pupil = family.child().id();
        calls.takeRegister(officer, school.id(), TUE, "AM", family.group(), Map.of(pupil, "N"));
        calls.takeRegister(officer, school.id(), TUE, "PM", family.group(), Map.of(pupil, "N"));
        Map<String, Object> report = reportOther(family, TUE, WED);
        long reportId = id(report);

        assertEquals("AWAITING_DECISION", report.get("status"));
        assertEquals(Map.of(TUE + " AM", "AWAITING_DECISION", TUE + " PM", "AWAITING_DECISION",
                WED + " AM", "AWAITING_DECISION", WED + " PM", "AWAITING_DECISION"), summary(report));
        assertEquals("N", calls.markHistory(officer, pupil, TUE, "AM").get("currentCode"), "nothing is coded before staff decide");
        assertNull(calls.registerEntry(officer, school.id(), WED, "AM", family.group(), pupil).get("expected"));
        assertTrue(calls.inbox(officer, school.id(), "").stream().anyMatch(r -> id(r) == reportId));
        assertTrue(calls.inbox(teacher, school.id(), "?status=AWAITING_DECISION").stream().anyMatch(r -> id(r) == reportId),
                "class teachers read the inbox");

        var retrospective = assertThrows(HttpClientResponseException.class,
                () -> calls.decide(officer, reportId, Map.of("code", "C")));
        Problems.assertProblem(retrospective, 400, "code", "cannot be granted retrospectively");
        var withdrawn = assertThrows(HttpClientResponseException.class,
                () -> calls.decide(officer, reportId, Map.of("code", "H")));
        Problems.assertProblem(withdrawn, 400, "code", "is not a register code in force");
        var unsuitable = assertThrows(HttpClientResponseException.class,
                () -> calls.decide(officer, reportId, Map.of("code", "/")));
        Problems.assertProblem(unsuitable, 400, "code", "does not suit a report of other reason");

        Map<String, Object> decided = calls.decide(officer, reportId, Map.of("code", "Y7", "note", "Emergency confirmed by phone"));

        assertEquals("ACCEPTED", decided.get("status"));
        assertEquals("Y7", decided.get("decidedCode"));
        assertEquals(Map.of(TUE + " AM", "RECORDED Y7", TUE + " PM", "RECORDED Y7",
                WED + " AM", "AWAITING_REGISTER Y7", WED + " PM", "AWAITING_REGISTER Y7"), summary(decided));
        Map<String, Object> change = list(calls.markHistory(officer, pupil, TUE, "PM"), "amendments").get(0);
        assertEquals("N", change.get("originalCode"));
        assertEquals("Y7", change.get("newCode"));
        assertEquals("Absence report " + reportId + " from a parent: other reason (decided by the school)", change.get("reason"));
        assertEquals(officerName, change.get("byName"));
        assertEquals("Attendance officer", change.get("byPosition"));
        assertEquals("Y7", ((Map<String, Object>) calls.registerEntry(officer, school.id(), WED, "PM", family.group(), pupil)
                .get("expected")).get("code"));
        Map<String, Object> history = list(decided, "history").get(1);
        assertEquals("DECIDED", history.get("action"));
        assertEquals("Recorded as Y7: Emergency confirmed by phone", history.get("details"));
        assertFalse(calls.inbox(officer, school.id(), "").stream().anyMatch(r -> id(r) == reportId), "no longer in the inbox");
        assertTrue(calls.inbox(officer, school.id(), "?status=ACCEPTED&from=" + WED + "&to=" + WED).stream()
                .anyMatch(r -> id(r) == reportId));

        var again = assertThrows(HttpClientResponseException.class, () -> calls.decide(officer, reportId, Map.of("code", "O")));
        assertEquals(409, again.getStatus().getCode());
        // The family is told the school has recorded it (no device: a text, without names or reasons).
        assertEquals(List.of(AbsenceReportNotifier.DECIDED_TEXT), texts(family));
    }

    /**
     * Rule book §4: M is leave, given by a person the school authorises, not by the parent's word. The report proposes M;
     * until staff confirm, the register shows it expected but unconfirmed and the session stays N.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aMedicalAppointmentLeavesTheSessionNWithMExpectedUntilStaffConfirmThenMWithTheTrailNamingTheReportAndTheConfirmer() {
        Family family = family(school);
        long pupil = family.child().id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pupilIds", List.of(pupil));
        body.put("firstDay", WED);
        body.put("reason", "MEDICAL_APPOINTMENT");
        body.put("appointmentTime", "10:00");
        Map<String, Object> report = calls.reported(family.token(), body).get(0);
        long reportId = id(report);

        assertEquals("AWAITING_DECISION", report.get("status"));
        assertEquals("M", report.get("proposedCode"));
        assertEquals(Map.of(WED + " AM", "AWAITING_DECISION M"), summary(report));
        assertTrue(((List<String>) report.get("notices")).contains("The school confirms medical or dental appointments before "
                + "recording them (M): until then the register shows the absence as not yet explained."), report.toString());
        assertTrue(calls.inbox(officer, school.id(), "").stream().anyMatch(r -> id(r) == reportId), "in the staff inbox");
        String pending = "Absence report " + reportId + " from a parent: medical or dental appointment (awaiting confirmation by the school)";
        assertEquals(Map.of("code", "M", "category", "AUTHORISED", "reason", pending, "confirmed", false),
                calls.registerEntry(officer, school.id(), WED, "AM", family.group(), pupil).get("expected"));

        // The register is taken with the pupil absent: it stays N, nothing recorded on the parent's word.
        Map<String, Object> taken = calls.takeRegister(officer, school.id(), WED, "AM", family.group(), Map.of(pupil, "N"));
        assertEquals("N", list(taken, "entries").stream().filter(e -> ((Number) e.get("pupilId")).longValue() == pupil)
                .findFirst().orElseThrow().get("code"));
        Map<String, Object> before = calls.markHistory(officer, pupil, WED, "AM");
        assertEquals("N", before.get("currentCode"));
        assertEquals(List.of(), before.get("amendments"));
        assertEquals(Map.of(WED + " AM", "AWAITING_DECISION M"), summary(calls.get(family.token(), reportId)));

        var unsuitable = assertThrows(HttpClientResponseException.class, () -> calls.decide(officer, reportId, Map.of("code", "I")));
        Problems.assertProblem(unsuitable, 400, "code", "use M, O, G");
        Map<String, Object> confirmed = calls.decide(officer, reportId, Map.of("code", "M", "note", "Appointment letter seen"));

        assertEquals("ACCEPTED", confirmed.get("status"));
        assertEquals("M", confirmed.get("decidedCode"));
        assertEquals(Map.of(WED + " AM", "RECORDED M"), summary(confirmed));
        Map<String, Object> after = calls.markHistory(officer, pupil, WED, "AM");
        assertEquals("M", after.get("currentCode"));
        assertEquals("N", ((Map<String, Object>) after.get("original")).get("code"));
        Map<String, Object> change = list(after, "amendments").get(0);
        assertEquals("N", change.get("originalCode"));
        assertEquals("M", change.get("newCode"));
        assertEquals("Absence report " + reportId + " from a parent: medical or dental appointment (confirmed by the school)",
                change.get("reason"));
        assertEquals(officerName, change.get("byName"), "the staff member who confirmed it");
        assertEquals("Attendance officer", change.get("byPosition"));
        assertEquals("Recorded as M: Appointment letter seen", list(confirmed, "history").get(1).get("details"));
    }

    /** The register closed by the system (no mark at close) while the appointment awaits confirmation: N, not M. */
    @Test
    void aRegisterClosedWhileAnAppointmentAwaitsConfirmationRecordsNThenMOnceConfirmed() {
        SchoolRecord closing = fixtures.school(trust);
        var staff = fixtures.staff(trust, Optional.of(closing), Roles.ATTENDANCE_OFFICER);
        String closingOfficer = fixtures.token(staff);
        Family family = family(closing);
        long pupil = family.child().id();
        long reportId = id(calls.reported(family.token(), Map.of("pupilIds", List.of(pupil), "firstDay", WED,
                "reason", "MEDICAL_APPOINTMENT", "appointmentTime", "09:00")).get(0));

        var closed = register.closeRegister(closing.id(), java.time.LocalDate.parse(WED), uk.attendance.rules.calendar.Session.AM);

        assertEquals(List.of(new RegisterService.ClosedMark(pupil, uk.attendance.rules.RegisterCode.N,
                "no mark at register close")), closed);
        calls.decide(closingOfficer, reportId, Map.of("code", "M"));
        Map<String, Object> change = list(calls.markHistory(closingOfficer, pupil, WED, "AM"), "amendments").get(0);
        assertEquals("N", change.get("originalCode"));
        assertEquals("M", change.get("newCode"));
        assertEquals(staff.name(), change.get("byName"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void religiousObservanceIsExpectedUnconfirmedUntilStaffConfirmTheDayThenRecordedAsR() {
        Family family = family(school);
        long pupil = family.child().id();
        Map<String, Object> report = calls.reported(family.token(), Map.of("pupilIds", List.of(pupil), "firstDay", THU,
                "reason", "RELIGIOUS_OBSERVANCE")).get(0);
        assertEquals(Map.of(THU + " AM", "AWAITING_DECISION R", THU + " PM", "AWAITING_DECISION R"), summary(report));
        assertEquals(false, ((Map<String, Object>) calls.registerEntry(officer, school.id(), THU, "PM", family.group(), pupil)
                .get("expected")).get("confirmed"));

        Map<String, Object> confirmed = calls.decide(officer, id(report), Map.of("code", "R"));

        assertEquals(Map.of(THU + " AM", "AWAITING_REGISTER R", THU + " PM", "AWAITING_REGISTER R"), summary(confirmed));
        assertEquals(Map.of("code", "R", "category", "AUTHORISED", "confirmed", true, "reason", "Absence report " + id(report)
                        + " from a parent: religious observance (confirmed by the school)"),
                calls.registerEntry(officer, school.id(), THU, "PM", family.group(), pupil).get("expected"));
    }

    @Test
    void leaveForExceptionalCircumstancesOnlyWhenAskedBeforeTheFirstDay() {
        Family family = family(school);
        long reportId = id(reportOther(family, THU, THU));
        Map<String, Object> decided = calls.decide(officer, reportId, Map.of("code", "C"));
        assertEquals(Map.of(THU + " AM", "AWAITING_REGISTER C", THU + " PM", "AWAITING_REGISTER C"), summary(decided));
    }

    @Test
    void aReasonTheSchoolDoesNotAcceptIsRecordedUnauthorised() {
        Family family = family(school);
        long reportId = id(reportOther(family, WED, WED));
        Map<String, Object> decided = calls.decide(officer, reportId, Map.of("code", "O"));
        assertEquals("NOT_ACCEPTED", decided.get("status"));
        @SuppressWarnings("unchecked") List<String> notices = (List<String>) decided.get("notices");
        assertTrue(notices.contains("The school has not accepted the reason: the absence is recorded as unauthorised (O)."), notices.toString());
        assertEquals("Absence report " + reportId + " from a parent: other reason (reason not accepted by the school)",
                calls.registerEntry(officer, school.id(), WED, "AM", family.group(), family.child().id()).get("expected") instanceof Map<?, ?> m
                        ? m.get("reason") : null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aQuestionReachesTheParentByTextWhoAnswersInTheApp() {
        Family family = family(school);
        long reportId = id(reportOther(family, WED, WED));

        Map<String, Object> asked = calls.message(officer, reportId, "Could you tell us a little more?");
        assertEquals("QUESTION_ASKED", asked.get("status"));
        assertEquals(true, asked.get("awaitingReply"));
        assertEquals(List.of(AbsenceReportNotifier.QUESTION_TEXT), texts(family),
                "a text with no child's name and no reason: the details are in the app");

        Map<String, Object> seen = calls.get(family.token(), reportId);
        assertEquals(true, seen.get("awaitingReply"));
        Map<String, Object> question = list(seen, "messages").get(0);
        assertEquals("SCHOOL", question.get("from"));
        assertEquals("Could you tell us a little more?", question.get("text"));
        assertEquals(officerName, question.get("byName"));
        assertTrue(((List<String>) seen.get("notices")).contains("The school has a question about this report: answer it in the app."));

        Map<String, Object> answered = calls.message(family.token(), reportId, "Grandad was taken to hospital");
        assertEquals("AWAITING_DECISION", answered.get("status"));
        assertEquals(false, answered.get("awaitingReply"));
        assertEquals(List.of("SCHOOL", "PARENT"), list(answered, "messages").stream().map(m -> m.get("from")).toList());
        assertEquals(List.of("REPORTED", "QUESTION_ASKED", "REPLIED"),
                list(answered, "history").stream().map(h -> h.get("action")).toList());
        assertEquals(1, texts(family).size(), "the school is not texted the answer; it is in the inbox");
        var teacherAsks = assertThrows(HttpClientResponseException.class, () -> calls.message(teacher, reportId, "Hello?"));
        assertEquals(403, teacherAsks.getStatus().getCode());
    }

    @Test
    void aQuestionReachesAParentWithTheAppByPush() {
        Family family = family(school);
        var device = http.toBlocking().retrieve(HttpRequest.POST("/me/devices",
                Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "ANDROID")).bearerAuth(family.token()), Json.OBJECT);
        long reportId = id(reportOther(family, WED, WED));

        calls.message(officer, reportId, "Is she better?");
        outboxWorker.drain();

        List<Map<String, Object>> pushes = rows.rows("SELECT title, body, data FROM dev_push WHERE device_id = ?", id(device));
        assertEquals(1, pushes.size());
        assertEquals("A question from school", pushes.get(0).get("title"));
        assertEquals("{\"absenceReportId\":\"" + reportId + "\"}", pushes.get(0).get("data"));
        assertEquals(List.of(), texts(family));
    }

    @Test
    void withTheReviewSettingOnIllnessAwaitsStaffBeforeTheRegisterIsCoded() {
        SchoolRecord reviewing = fixtures.school(trust);
        String head = fixtures.token(fixtures.staff(trust, Optional.of(reviewing), Roles.HEADTEACHER));
        String reviewingOfficer = fixtures.token(fixtures.staff(trust, Optional.of(reviewing), Roles.ATTENDANCE_OFFICER));
        assertEquals(false, settings(reviewingOfficer, reviewing).get("illnessNeedsReview"));
        var officerMayNot = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(
                HttpRequest.PUT("/schools/" + reviewing.id() + "/absence-settings", Map.of("illnessNeedsReview", true))
                        .bearerAuth(reviewingOfficer), Json.OBJECT));
        assertEquals(403, officerMayNot.getStatus().getCode());
        Map<String, Object> changed = http.toBlocking().retrieve(HttpRequest.PUT("/schools/" + reviewing.id() + "/absence-settings",
                Map.of("illnessNeedsReview", true)).bearerAuth(head), Json.OBJECT);
        assertEquals(true, changed.get("illnessNeedsReview"));
        assertEquals(true, settings(reviewingOfficer, reviewing).get("illnessNeedsReview"));

        Family family = family(reviewing);
        Map<String, Object> report = calls.reported(family.token(), Map.of("pupilIds", List.of(family.child().id()),
                "firstDay", WED, "reason", "ILLNESS")).get(0);
        assertEquals("AWAITING_DECISION", report.get("status"));
        assertEquals(Map.of(WED + " AM", "AWAITING_DECISION", WED + " PM", "AWAITING_DECISION"), summary(report));
        assertNull(calls.registerEntry(reviewingOfficer, reviewing.id(), WED, "AM", family.group(), family.child().id()).get("expected"));

        var notIllness = assertThrows(HttpClientResponseException.class, () -> calls.decide(reviewingOfficer, id(report), Map.of("code", "M")));
        Problems.assertProblem(notIllness, 400, "code", "use I, O, G");
        Map<String, Object> decided = calls.decide(reviewingOfficer, id(report), Map.of("code", "I"));
        assertEquals(Map.of(WED + " AM", "AWAITING_REGISTER I", WED + " PM", "AWAITING_REGISTER I"), summary(decided));
        assertEquals("Absence report " + id(report) + " from a parent: illness (decided by the school)",
                calls.registerEntry(reviewingOfficer, reviewing.id(), WED, "AM", family.group(), family.child().id())
                        .get("expected") instanceof Map<?, ?> m ? m.get("reason") : null);
    }

    @Test
    void staffOfAnotherSchoolSeeNothing() {
        Family family = family(school);
        long reportId = id(reportOther(family, WED, WED));
        for (Executable call : List.<Executable>of(
                () -> calls.get(otherOfficer, reportId),
                () -> calls.decide(otherOfficer, reportId, Map.of("code", "O")),
                () -> calls.message(otherOfficer, reportId, "Hello?"),
                () -> calls.inbox(otherOfficer, school.id(), ""))) {
            var e = assertThrows(HttpClientResponseException.class, call);
            assertEquals(404, e.getStatus().getCode());
        }
        assertFalse(calls.inbox(otherOfficer, otherSchool.id(), "").stream().anyMatch(r -> id(r) == reportId));
        assertEquals("AWAITING_DECISION", calls.get(officer, reportId).get("status"));
    }

    private Map<String, Object> settings(String staff, SchoolRecord at) {
        return http.toBlocking().retrieve(HttpRequest.GET("/schools/" + at.id() + "/absence-settings").bearerAuth(staff), Json.OBJECT);
    }

    /** The texts the family has received, once the outbox's worker has sent what the school queued. */
    private List<Object> texts(Family family) {
        outboxWorker.drain();
        return rows.rows("SELECT body FROM dev_text WHERE recipient = ? ORDER BY id", family.parent().mobile()).stream()
                .map(r -> r.get("body")).toList();
    }
}
