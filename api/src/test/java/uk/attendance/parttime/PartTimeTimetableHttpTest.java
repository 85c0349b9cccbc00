package uk.attendance.parttime;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.contract.model.ExpectedAbsence;
import uk.attendance.contract.model.PartTimeReviewOutcome;
import uk.attendance.contract.model.PartTimeTimetable;
import uk.attendance.contract.model.PartTimeTimetableStatus;
import uk.attendance.contract.model.PupilInput;
import uk.attendance.contract.model.Register;
import uk.attendance.followup.morning.MorningSweep;
import uk.attendance.notify.push.FakeFcm;
import uk.attendance.notify.outbox.OutboxWorker;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Part-time timetables over HTTP on the real database, the clock moved by hand through spring 2026 (London time is UTC
 * until 29 March): the agreement, C2 on its off-timetable sessions when the register is taken (or closed by the
 * morning follow-up), no morning text or call for them, a parent's illness report winning over C2, the reminders
 * before a review and the end (through the outbox, drained by hand through the real Firebase Admin SDK to a
 * {@link FakeFcm}), who sees what, and bad input.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.firebase.api-base-url", value = FakeFcm.API_BASE_URL)
@Property(name = "attendance.outbox.poller", value = "false")
class PartTimeTimetableHttpTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T07:00:00Z"));
    private static final LocalDate MON = LocalDate.parse("2026-03-02");
    private static final LocalDate WED = LocalDate.parse("2026-03-04");
    private static final LocalDate THU = LocalDate.parse("2026-03-05");
    private static final LocalDate NEXT_WED = LocalDate.parse("2026-03-11");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    PupilService pupils;
    @Inject
    MorningSweep morning;
    @Inject
    PartTimeReminders reminders;
    @Inject
    OutboxWorker worker;
    @Inject
    FakeFcm fcm;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    /** A school of its own for each test (a morning's register close marks the whole school), its staff and a family. */
    final class School {
        final TrustRecord trust = fixtures.trust();
        final SchoolRecord school = fixtures.school(trust);
        final StaffRecord officerRecord = fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER);
        final String officer = fixtures.token(officerRecord);
        final String teacher = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.TEACHER));
        final PupilRecord child = fixtures.pupil(school, "4B");
        final ContactRecord parentRecord = fixtures.parentOf(trust, child);
        final String parent = fixtures.token(parentRecord);

        /** The usual agreement for {@link #child}: off on Wednesdays and on Friday afternoons from Monday 2 March. */
        Map<String, Object> agreement() {
            Map<String, Object> body = new HashMap<>();
            body.put("offSessions", List.of(Map.of("weekday", "WEDNESDAY", "session", "AM"),
                    Map.of("weekday", "WEDNESDAY", "session", "PM"), Map.of("weekday", "FRIDAY", "session", "PM")));
            body.put("startsOn", "2026-03-02");
            body.put("proposedEndOn", "2026-03-27");
            body.put("reviewDates", List.of("2026-03-13"));
            body.put("reason", "Phased return after surgery: mornings at home with the medical needs tutor");
            body.put("agreedWithContactId", parentRecord.id());
            return body;
        }

        /** A teacher takes the 4B register of a session at its start, with these codes. */
        void register(LocalDate day, String session, Map<PupilRecord, String> codes) {
            setClock(day, session.equals("AM") ? "08:45" : "13:20");
            List<Map<String, Object>> marks = codes.entrySet().stream()
                    .map(e -> Map.<String, Object>of("pupilId", e.getKey().id(), "code", e.getValue())).toList();
            http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/registers", Map.of("date", day.toString(),
                    "session", session, "registrationGroup", "4B", "marks", marks)).bearerAuth(teacher), String.class);
        }

        Map<String, Object> original(PupilRecord pupil, LocalDate day, String session) {
            Map<String, Object> history = http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + pupil.id() + "/marks/" + day
                    + "/" + session + "/history").bearerAuth(officer), Json.OBJECT);
            @SuppressWarnings("unchecked") Map<String, Object> original = (Map<String, Object>) history.get("original");
            Map<String, Object> out = new HashMap<>(original);
            out.put("currentCode", history.get("currentCode"));
            return out;
        }
    }

    @Test
    void offTimetableSessionsAreRecordedC2AndOtherReasonsWin() {
        setClock(MON, "07:00");
        School s = new School();
        PartTimeTimetable created = create(s.child, s.officer, s.agreement());
        assertEquals(PartTimeTimetableStatus.ACTIVE, created.getStatus());
        assertEquals(LocalDate.parse("2026-03-13"), created.getNextReviewOn());
        assertEquals(LocalDate.parse("2026-03-27"), created.getProposedEndOn());
        assertEquals(s.officerRecord.id(), created.getAgreedByStaffId(), "agreed by whoever recorded it");
        assertEquals(s.parentRecord.id(), created.getAgreedWithContactId());
        assertEquals(3, created.getOffSessions().size());
        assertNotNull(created.getReason(), "staff see the reason");
        String reason = "part-time timetable " + created.getId();

        setClock(WED, "08:40");
        Register before = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + s.school.id() + "/registers?date=" + WED
                + "&session=AM&registrationGroup=4B").bearerAuth(s.teacher), Register.class);
        ExpectedAbsence expected = before.getEntries().stream().filter(e -> e.getPupilId().equals(s.child.id()))
                .findFirst().orElseThrow().getExpected();
        assertEquals("C2", expected.getCode(), "the teacher sees the agreed absence before taking the register");
        assertEquals(reason, expected.getReason());
        assertTrue(expected.getConfirmed());
        s.register(WED, "AM", Map.of(s.child, "N"));
        Map<String, Object> wednesday = s.original(s.child, WED, "AM");
        assertEquals("C2", wednesday.get("currentCode"), "absent on an off-timetable session: C2");
        assertEquals("C2", wednesday.get("code"));
        assertEquals(reason, wednesday.get("reason"));

        s.register(THU, "AM", Map.of(s.child, "N"));
        assertEquals("N", s.original(s.child, THU, "AM").get("currentCode"), "on-timetable: an absence stays N");

        s.register(WED, "PM", Map.of(s.child, "\\"));
        assertEquals("\\", s.original(s.child, WED, "PM").get("currentCode"), "a pupil who comes in anyway is present");

        // the family reports illness before the register of an off-timetable session: that reason's code wins (rule book §4)
        setClock(NEXT_WED, "07:50");
        http.toBlocking().exchange(HttpRequest.POST("/absence-reports", Map.of("pupilIds", List.of(s.child.id()),
                "firstDay", NEXT_WED.toString(), "reason", "ILLNESS")).bearerAuth(s.parent), String.class);
        s.register(NEXT_WED, "AM", Map.of(s.child, "N"));
        Map<String, Object> ill = s.original(s.child, NEXT_WED, "AM");
        assertEquals("I", ill.get("currentCode"), "an illness report wins over the part-time timetable: " + ill);
    }

    @Test
    void theMorningFollowUpLeavesOffTimetableAbsencesAlone() {
        setClock(MON, "07:00");
        School s = new School();
        PupilRecord unexplained = fixtures.pupil(s.school, "4B");
        fixtures.parentOf(s.trust, unexplained);
        long id = create(s.child, s.officer, s.agreement()).getId();

        // nobody takes 4B's register on Wednesday: it closes at 09:10 with both pupils unmarked
        morningAt(s, WED, "09:10");
        Map<String, Object> closed = s.original(s.child, WED, "AM");
        assertEquals("C2", closed.get("currentCode"));
        assertEquals("no mark at register close - part-time timetable " + id, closed.get("reason"));
        assertEquals("N", s.original(unexplained, WED, "AM").get("currentCode"));
        morningAt(s, WED, "09:30");
        morningAt(s, WED, "10:00");
        assertEquals(0, texts(s.child, WED), "no 09:30 text for an agreed off-timetable session");
        assertEquals(0, callTasks(s.child, WED), "no 10:00 call for it");
        assertEquals(1, texts(unexplained, WED), "an unexplained absence the same morning is texted");
        assertEquals(1, callTasks(unexplained, WED), "and called");

        // Thursday is on the timetable: the same pupil absent without a word is followed up like anyone else
        morningAt(s, THU, "09:10");
        morningAt(s, THU, "09:30");
        morningAt(s, THU, "10:00");
        assertEquals("N", s.original(s.child, THU, "AM").get("currentCode"));
        assertEquals(1, texts(s.child, THU));
        assertEquals(1, callTasks(s.child, THU));
    }

    @Test
    void remindersGoOutSchoolDaysBeforeAReviewAndTheEndOnceEach() {
        setClock(MON, "07:00");
        School s = new School();
        StaffRecord headRecord = fixtures.staff(s.trust, Optional.of(s.school), Roles.HEADTEACHER);
        String head = fixtures.token(headRecord);
        StaffRecord officer2 = fixtures.staff(s.trust, Optional.of(s.school), Roles.ATTENDANCE_OFFICER);
        String headDevice = device(head);
        String officerDevice = device(s.officer);
        String officer2Device = device(fixtures.token(officer2));
        String teacherDevice = device(s.teacher);
        long id = create(s.child, head, s.agreement()).getId();
        String reviewKeys = "push:part-time-review:" + id + ":%";
        String endKeys = "push:part-time-end:" + id + ":%";

        try {
            // review on Friday 13 March, 3 school days' notice: due from Tuesday 10th, not on Monday 9th
            setClock(LocalDate.parse("2026-03-09"), "06:00");
            reminders.remind();
            assertEquals(0, db.rows("SELECT id FROM outbox_message WHERE dedupe_key LIKE ?", reviewKeys).size());
            setClock(LocalDate.parse("2026-03-10"), "06:00");
            reminders.remind();
            reminders.remind();
            worker.drain();
            List<Map<String, Object>> queued = db.rows("SELECT to_person_id, purpose FROM outbox_message WHERE dedupe_key LIKE ?"
                    + " ORDER BY to_person_id", reviewKeys);
            assertEquals(List.of(headRecord.id(), s.officerRecord.id(), officer2.id()).stream().sorted().toList(),
                    queued.stream().map(r -> ((Number) r.get("to_person_id")).longValue()).toList(),
                    "the head who agreed it and both attendance officers, once each");
            for (String device : List.of(headDevice, officerDevice, officer2Device)) {
                List<FakeFcm.Received> pushes = fcm.sentTo(device);
                assertEquals(1, pushes.size(), pushes.toString());
                assertEquals("Part-time timetable review due", pushes.get(0).title());
                assertTrue(pushes.get(0).body().contains("Fri 13 Mar"), pushes.get(0).body());
            }
            assertEquals(List.of(), fcm.sentTo(teacherDevice), "not the class teacher");
            setClock(LocalDate.parse("2026-03-12"), "06:00");
            reminders.remind();
            assertEquals(3, db.rows("SELECT id FROM outbox_message WHERE dedupe_key LIKE ?", reviewKeys).size(), "never twice");

            // the proposed end, Friday 27 March: not on Monday 23rd, on Tuesday 24th, once
            setClock(LocalDate.parse("2026-03-23"), "06:00");
            reminders.remind();
            assertEquals(0, db.rows("SELECT id FROM outbox_message WHERE dedupe_key LIKE ?", endKeys).size());
            setClock(LocalDate.parse("2026-03-24"), "06:00");
            reminders.remind();
            setClock(LocalDate.parse("2026-03-25"), "06:00");
            reminders.remind();
            worker.drain();
            assertEquals(3, db.rows("SELECT id FROM outbox_message WHERE dedupe_key LIKE ?", endKeys).size());
            List<FakeFcm.Received> headPushes = fcm.sentTo(headDevice);
            assertEquals(2, headPushes.size());
            assertEquals("Part-time timetable ending", headPushes.get(1).title());
            assertTrue(headPushes.get(1).body().contains("Fri 27 Mar"), headPushes.get(1).body());
            assertTrue(headPushes.stream().noneMatch(p -> p.body().contains(s.child.legalFirstName())), "no pupil named");
        } finally {
            setClock(MON, "07:00");
        }
    }

    @Test
    void theFamilyReadsTheAgreementAndNobodyElseOutsideTheSchool() {
        setClock(MON, "07:00");
        School s = new School();
        long id = create(s.child, s.officer, s.agreement()).getId();
        PupilRecord otherChild = fixtures.pupil(s.school, "4B");
        String otherParent = fixtures.token(fixtures.parentOf(s.trust, otherChild));
        SchoolRecord otherSchool = fixtures.school(s.trust);
        String otherOfficer = fixtures.token(fixtures.staff(s.trust, Optional.of(otherSchool), Roles.ATTENDANCE_OFFICER));
        String trustAdmin = fixtures.token(fixtures.staff(s.trust, Optional.empty(), Roles.TRUST_ADMIN));

        PartTimeTimetable seen = http.toBlocking().retrieve(HttpRequest.GET("/part-time-timetables/" + id).bearerAuth(s.parent),
                PartTimeTimetable.class);
        assertEquals(id, seen.getId());
        assertEquals(3, seen.getOffSessions().size());
        assertEquals(LocalDate.parse("2026-03-27"), seen.getProposedEndOn());
        assertNull(seen.getReason(), "the reason is for staff only");
        List<PartTimeTimetable> mine = list("/pupils/" + s.child.id() + "/part-time-timetables", s.parent);
        assertEquals(List.of(id), mine.stream().map(PartTimeTimetable::getId).toList());
        assertNotNull(list("/pupils/" + s.child.id() + "/part-time-timetables", s.teacher).get(0).getReason());
        assertEquals(id, http.toBlocking().retrieve(HttpRequest.GET("/part-time-timetables/" + id).bearerAuth(trustAdmin),
                PartTimeTimetable.class).getId(), "a trust admin sees the whole trust");
        List<PartTimeTimetable> schoolList = list("/schools/" + s.school.id() + "/part-time-timetables", s.officer);
        assertEquals(List.of(id), schoolList.stream().map(PartTimeTimetable::getId).toList());
        assertEquals(LocalDate.parse("2026-03-13"), schoolList.get(0).getNextReviewOn());

        for (Map.Entry<String, String> who : Map.of("/part-time-timetables/" + id, otherParent,
                "/pupils/" + s.child.id() + "/part-time-timetables", otherParent).entrySet()) {
            assertStatus(404, who.getKey(), who.getValue());
        }
        assertStatus(404, "/part-time-timetables/" + id, otherOfficer);
        assertStatus(404, "/pupils/" + s.child.id() + "/part-time-timetables", otherOfficer);
        assertStatus(404, "/schools/" + s.school.id() + "/part-time-timetables", otherOfficer);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/part-time-timetables/" + id + "/end", Map.of("endedOn", "2026-03-06")).bearerAuth(otherOfficer), String.class));
        assertEquals(404, e.getStatus().getCode());
        e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/part-time-timetables/" + id + "/end", Map.of("endedOn", "2026-03-06")).bearerAuth(s.parent), String.class));
        assertEquals(403, e.getStatus().getCode(), "the family reads, staff write");
        e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/part-time-timetables/" + id + "/end", Map.of("endedOn", "2026-03-06")).bearerAuth(s.teacher), String.class));
        assertEquals(403, e.getStatus().getCode(), "class teachers read only");
    }

    @Test
    void reviewsExtendOrEndItAndAnEndedTimetableLeavesAbsencesAsN() {
        setClock(MON, "07:00");
        School s = new School();
        long id = create(s.child, s.officer, s.agreement()).getId();
        setClock(LocalDate.parse("2026-03-13"), "15:00");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> review(id, s.officer,
                Map.of("reviewedOn", "2026-03-13", "outcome", "EXTEND", "newEndOn", "2026-04-24")));
        Problems.assertProblem(e, 400, "note", "say why");
        PartTimeTimetable extended = review(id, s.officer, Map.of("reviewedOn", "2026-03-13", "outcome", "EXTEND",
                "newEndOn", "2026-04-24", "nextReviewOn", "2026-04-17", "note", "Consultant advises four more weeks"));
        assertEquals(LocalDate.parse("2026-04-24"), extended.getProposedEndOn());
        assertEquals(LocalDate.parse("2026-03-27"), extended.getOriginalEndOn());
        assertEquals(List.of(LocalDate.parse("2026-03-13"), LocalDate.parse("2026-04-17")), extended.getReviewDates());
        assertEquals(LocalDate.parse("2026-03-13"), extended.getNextReviewOn(), "today's review date still counts today");
        assertEquals(PartTimeReviewOutcome.EXTEND, extended.getReviews().get(0).getOutcome());
        assertEquals("Consultant advises four more weeks", extended.getReviews().get(0).getNote());
        assertNull(http.toBlocking().retrieve(HttpRequest.GET("/part-time-timetables/" + id).bearerAuth(s.parent),
                PartTimeTimetable.class).getReviews().get(0).getNote(), "review notes are for staff only");

        PartTimeTimetable ended = http.toBlocking().retrieve(HttpRequest.POST("/part-time-timetables/" + id + "/end",
                Map.of("endedOn", "2026-03-13", "note", "Back full-time")).bearerAuth(s.officer), PartTimeTimetable.class);
        assertEquals(PartTimeTimetableStatus.ENDED, ended.getStatus());
        assertEquals(LocalDate.parse("2026-03-13"), ended.getEndedOn());
        assertNull(ended.getNextReviewOn());
        e = assertThrows(HttpClientResponseException.class, () -> review(id, s.officer,
                Map.of("reviewedOn", "2026-03-13", "outcome", "CONTINUE")));
        assertEquals(409, e.getStatus().getCode(), "an ended timetable has no further reviews");

        LocalDate wednesdayAfter = LocalDate.parse("2026-03-18");
        s.register(wednesdayAfter, "AM", Map.of(s.child, "N"));
        assertEquals("N", s.original(s.child, wednesdayAfter, "AM").get("currentCode"), "after its end: an absence is N");
        assertEquals(List.of(id), list("/schools/" + s.school.id() + "/part-time-timetables?status=ENDED", s.officer)
                .stream().map(PartTimeTimetable::getId).toList());

        // an agreement left to run past its proposed end shows as EXPIRED, and a new one may then be agreed
        setClock(LocalDate.parse("2026-03-19"), "07:00");
        Map<String, Object> shortOne = s.agreement();
        shortOne.put("startsOn", "2026-03-19");
        shortOne.put("proposedEndOn", "2026-03-20");
        shortOne.put("reviewDates", List.of("2026-03-20"));
        long second = create(s.child, s.officer, shortOne).getId();
        setClock(LocalDate.parse("2026-03-23"), "07:00");
        try {
            assertEquals(PartTimeTimetableStatus.EXPIRED, http.toBlocking().retrieve(HttpRequest.GET("/part-time-timetables/" + second)
                    .bearerAuth(s.officer), PartTimeTimetable.class).getStatus());
            assertEquals(List.of(second), list("/schools/" + s.school.id() + "/part-time-timetables?status=EXPIRED", s.officer)
                    .stream().map(PartTimeTimetable::getId).toList());
            assertEquals(List.of(), list("/schools/" + s.school.id() + "/part-time-timetables", s.officer));
            setClock(LocalDate.parse("2026-03-24"), "06:00");
            reminders.remind();
            assertEquals(0, db.rows("SELECT id FROM outbox_message WHERE dedupe_key LIKE ?", "push:part-time-end:" + id + ":%").size(),
                    "an ended timetable is not reminded of its proposed end");
        } finally {
            setClock(MON, "07:00");
        }
    }

    @Test
    void badAgreementsAreRefusedNamingTheField() {
        setClock(MON, "07:00");
        School s = new School();
        Map<String, Object> body = s.agreement();
        body.put("proposedEndOn", "2026-03-01");
        Problems.assertProblem(refused(s, body), 400, "proposedEndOn", "before startsOn");

        body = s.agreement();
        body.put("reviewDates", List.of("2026-03-30"));
        Problems.assertProblem(refused(s, body), 400, "reviewDates[0]", "from startsOn");

        body = s.agreement();
        body.put("offSessions", List.of(Map.of("weekday", "SATURDAY", "session", "AM")));
        HttpClientResponseException e = refused(s, body);
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("offSessions[0].weekday"),
                e.getResponse().getBody(String.class).orElse(""));

        body = s.agreement();
        body.put("agreedWithContactId", fixtures.emergencyContactOf(s.trust, s.child).id());
        Problems.assertProblem(refused(s, body), 400, "agreedWithContactId", "normally lives with");
        body.put("agreedWithContactId", fixtures.parentOf(s.trust, fixtures.pupil(s.school, "4B")).id());
        Problems.assertProblem(refused(s, body), 400, "agreedWithContactId", "normally lives with");

        body = s.agreement();
        body.put("startsOn", "2026-02-27");
        Problems.assertProblem(refused(s, body), 400, "startsOn", "retrospectively");

        body = s.agreement();
        body.put("proposedEndOn", "2026-05-22");
        Problems.assertProblem(refused(s, body), 400, "longerReason", "6 weeks");

        PupilRecord reception = pupils.admit(s.school, new PupilInput("Pupil" + Fixtures.next(), "Young",
                LocalDate.parse("2021-06-01"), 0, "RA", LocalDate.parse("2025-09-01")));
        ContactRecord receptionParent = fixtures.parentOf(s.trust, reception);
        Map<String, Object> tooYoung = s.agreement();
        tooYoung.put("agreedWithContactId", receptionParent.id());
        e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.POST(
                "/pupils/" + reception.id() + "/part-time-timetables", tooYoung).bearerAuth(s.officer), String.class));
        Problems.assertProblem(e, 400, "startsOn", "compulsory school age");

        body = s.agreement();
        body.put("proposedEndOn", "2026-05-22");
        body.put("reviewDates", List.of("2026-03-20", "2026-04-24"));
        body.put("longerReason", "Long-term health condition: the consultant expects recovery by the summer half-term");
        long id = create(s.child, s.officer, body).getId();
        e = refused(s, s.agreement());
        assertEquals(409, e.getStatus().getCode(), "one agreement at a time (it overlaps " + id + ")");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private PartTimeTimetable create(PupilRecord pupil, String token, Map<String, Object> body) {
        HttpResponse<PartTimeTimetable> created = http.toBlocking().exchange(HttpRequest.POST(
                "/pupils/" + pupil.id() + "/part-time-timetables", body).bearerAuth(token), PartTimeTimetable.class);
        assertEquals(201, created.code());
        return created.body();
    }

    private HttpClientResponseException refused(School s, Map<String, Object> body) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.POST(
                "/pupils/" + s.child.id() + "/part-time-timetables", body).bearerAuth(s.officer), String.class));
    }

    private PartTimeTimetable review(long id, String token, Map<String, Object> body) {
        HttpResponse<PartTimeTimetable> reviewed = http.toBlocking().exchange(HttpRequest.POST(
                "/part-time-timetables/" + id + "/reviews", body).bearerAuth(token), PartTimeTimetable.class);
        assertEquals(201, reviewed.code());
        return reviewed.body();
    }

    private List<PartTimeTimetable> list(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token),
                io.micronaut.core.type.Argument.listOf(PartTimeTimetable.class));
    }

    private void assertStatus(int status, String uri, String token) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), String.class));
        assertEquals(status, e.getStatus().getCode(), uri);
    }

    private void morningAt(School s, LocalDate day, String time) {
        setClock(day, time);
        morning.run(s.school.id(), CLOCK.instant());
        worker.drain();
    }

    private int texts(PupilRecord pupil, LocalDate day) {
        return db.rows("SELECT id FROM outbox_message WHERE pupil_id = ? AND purpose = 'morning-text' AND dedupe_key LIKE ?",
                pupil.id(), "%" + day + "%").size();
    }

    private int callTasks(PupilRecord pupil, LocalDate day) {
        return db.rows("SELECT id FROM follow_up_task WHERE pupil_id = ? AND kind = 'CALL' AND school_day = ?", pupil.id(), day).size();
    }

    private String device(String token) {
        String device = "fcm-" + UUID.randomUUID() + ":APA91b" + "q".repeat(60);
        http.toBlocking().exchange(HttpRequest.POST("/me/devices", Map.of("token", device, "platform", "ANDROID"))
                .bearerAuth(token), String.class);
        return device;
    }

    private static void setClock(LocalDate day, String time) {
        Instant target = Instant.parse(day + "T" + time + ":00Z");
        CLOCK.advance(Duration.between(CLOCK.instant(), target));
    }
}
