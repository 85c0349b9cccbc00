package uk.attendance.followup;

import uk.attendance.followup.morning.MorningSweep;
import uk.attendance.followup.records.FollowUpStep;
import uk.attendance.followup.tasks.CallTaskService;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
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
import uk.attendance.contract.model.PupilContactInput;
import uk.attendance.contract.model.PupilInput;
import uk.attendance.contract.model.SendStatus;
import uk.attendance.contract.model.SocialWorker;
import uk.attendance.notify.push.FakeFcm;
import uk.attendance.notify.text.FakeTwilio;
import uk.attendance.notify.outbox.OutboxWorker;
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
import java.util.ArrayList;
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

/**
 * School mornings with the clock fixed, against the real database, with pushes going through the real Firebase Admin
 * SDK to a {@link FakeFcm} and texts through the real Twilio SDK to a {@link FakeTwilio}, all of them through the
 * outbox, whose worker the test runs after each step (the scheduled poller is off). The school's register opens
 * at 08:40 for 30 minutes (closes 09:10), texts at 09:30, calls at 10:00; in December London time is UTC.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.firebase.api-base-url", value = FakeFcm.API_BASE_URL)
@Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
@Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
@Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
@Property(name = "attendance.outbox.poller", value = "false")
class FollowUpMorningTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-12-03T07:00:00Z"));
    private static final LocalDate MON = LocalDate.parse("2025-12-01");
    private static final LocalDate TUE = LocalDate.parse("2025-12-02");
    private static final LocalDate WED = LocalDate.parse("2025-12-03");
    private static final LocalDate THU = LocalDate.parse("2025-12-04");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    MorningSweep sweep;
    @Inject
    CallTaskService callTasks;
    @Inject
    FakeFcm fcm;
    @Inject
    FakeTwilio twilio;
    @Inject
    PupilService pupils;
    @Inject
    OutboxWorker worker;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    /** A member of staff with a phone registered for pushes. */
    record Staff(StaffRecord record, String token, String device) {
        long id() {
            return record.id();
        }
    }

    /** A school, its staff and the trust. */
    final class Morning {
        final TrustRecord trust = fixtures.trust();
        final SchoolRecord school = fixtures.school(trust);
        final Staff officer = staff(Roles.ATTENDANCE_OFFICER);
        final Staff officer2 = staff(Roles.ATTENDANCE_OFFICER);
        final Staff dsl = staff(Roles.DSL);
        final Staff teacher = staff(Roles.TEACHER);
        final Staff head = staff(Roles.HEADTEACHER);

        private Staff staff(String role) {
            StaffRecord s = fixtures.staff(trust, Optional.of(school), role);
            String token = fixtures.token(s);
            String device = "fcm-" + UUID.randomUUID() + ":APA91b" + "q".repeat(60);
            http.toBlocking().exchange(HttpRequest.POST("/me/devices", Map.of("token", device, "platform", "ANDROID"))
                    .bearerAuth(token), String.class);
            return new Staff(s, token, device);
        }

        PupilRecord pupil(String last) {
            return pupil(new PupilInput("Pupil" + Fixtures.next(), last, LocalDate.parse("2016-03-14"), 4, "4B",
                    LocalDate.parse("2021-09-01")));
        }

        PupilRecord pupil(PupilInput in) {
            return pupils.admit(school, in);
        }

        /** A parent or carer with a unique mobile, linked at this priority. */
        long contact(PupilRecord pupil, String first, String relationship, int priority) {
            return pupils.link(pupil, trust.id(), new PupilContactInput(first, "Carer" + Fixtures.next(),
                    Fixtures.uniqueMobile(), priority, relationship)).contact().id();
        }

        /** The steps the sweep ran at this time of the school's day (UTC = London time in winter). */
        List<FollowUpStep> at(LocalDate day, String time) {
            setClock(day, time);
            List<FollowUpStep> ran = sweep.run(school.id(), CLOCK.instant());
            worker.drain();
            return ran;
        }

        /** A teacher takes the 4B morning register (codes by pupil) at 08:45. */
        void register(LocalDate day, Map<PupilRecord, String> codes) {
            setClock(day, "08:45");
            List<Map<String, Object>> marks = new ArrayList<>();
            codes.forEach((p, code) -> marks.add(Map.of("pupilId", p.id(), "code", code)));
            http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/registers", Map.of("date", day.toString(),
                    "session", "AM", "registrationGroup", "4B", "marks", marks)).bearerAuth(teacher.token()), String.class);
        }

        Map<String, Object> board(LocalDate day) {
            return get("/schools/" + school.id() + "/follow-up/" + day, officer.token());
        }

        List<Map<String, Object>> callTasks(LocalDate day) {
            return list(board(day).get("callTasks"));
        }

        Map<String, Object> taskOf(PupilRecord pupil, LocalDate day) {
            return callTasks(day).stream().filter(t -> pupilId(t) == pupil.id()).findFirst()
                    .orElseThrow(() -> new AssertionError("no call task for pupil " + pupil.id()));
        }
    }

    @Test
    void aPupilReportedBeforeTheRegisterClosesGetsTheReportedCodeAndNoCall() {
        Morning m = new Morning();
        PupilRecord reported = m.pupil("Reported");
        PupilRecord unexplained = m.pupil("Unexplained");
        PupilRecord present = m.pupil("Present");
        String parent = fixtures.token(fixtures.parentOf(m.trust, reported));
        setClock(WED, "07:50");
        long report = ((Number) map(list(post("/absence-reports", Map.of("pupilIds", List.of(reported.id()),
                "firstDay", WED.toString(), "reason", "ILLNESS"), parent).get("reports")).get(0)).get("id")).longValue();
        m.register(WED, Map.of(present, "/"));

        assertEquals(List.of(), m.at(WED, "09:09"), "the register is still open");
        assertEquals(List.of(FollowUpStep.REGISTER_CLOSE), m.at(WED, "09:10"));

        Map<String, Object> reportedMark = history(reported, WED, m.officer);
        assertEquals("I", reportedMark.get("currentCode"));
        Map<String, Object> entry = map(reportedMark.get("original"));
        assertEquals("SYSTEM", entry.get("byName"));
        assertEquals("automated rule", entry.get("byPosition"));
        assertEquals("no mark at register close - Absence report " + report + " from a parent: illness", entry.get("reason"));
        Map<String, Object> unexplainedMark = history(unexplained, WED, m.officer);
        assertEquals("N", unexplainedMark.get("currentCode"));
        assertEquals("no mark at register close", map(unexplainedMark.get("original")).get("reason"));
        assertEquals("SYSTEM", map(unexplainedMark.get("original")).get("byName"));
        assertEquals("/", history(present, WED, m.officer).get("currentCode"));

        assertEquals(List.of(FollowUpStep.CALL), m.at(WED, "10:00"));
        List<Map<String, Object>> tasks = m.callTasks(WED);
        assertEquals(List.of(unexplained.id()), tasks.stream().map(FollowUpMorningTest::pupilId).toList(),
                "the reported pupil gets no call");
        Map<String, Object> counts = map(m.board(WED).get("counts"));
        assertEquals(1, counts.get("unexplainedAtRegisterClose"));
        assertEquals(1, counts.get("unexplained"));
        assertEquals(1, counts.get("callTasksOpen"));
        assertEquals(0, counts.get("texted"));
    }

    @Test
    void anUnexplainedPupilIsMarkedNAtRegisterCloseAndTheCallTaskReachesTheOfficersThroughFcmAtTen() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("Absent");
        m.contact(pupil, "Sam", "Mother", 1);

        assertEquals(List.of(), m.at(WED, "08:59"));
        assertEquals(List.of(FollowUpStep.REGISTER_CLOSE), m.at(WED, "09:12"));
        assertEquals("N", history(pupil, WED, m.officer).get("currentCode"));
        assertEquals(List.of(FollowUpStep.TEXT), m.at(WED, "09:59"), "the texts (from 09:30), no call before the call time");
        assertEquals(List.of(), m.callTasks(WED));

        assertEquals(List.of(FollowUpStep.CALL), m.at(WED, "10:00"));
        Map<String, Object> task = m.taskOf(pupil, WED);
        assertEquals("OPEN", task.get("state"));
        assertEquals("CALL", task.get("kind"));
        assertEquals(1, task.get("consecutiveSchoolDaysAbsent"));
        assertEquals("Mother", map(task.get("nextContact")).get("relationship"));
        for (Staff officer : List.of(m.officer, m.officer2)) {
            List<FakeFcm.Received> pushes = fcm.sentTo(officer.device());
            assertEquals(1, pushes.size(), "one push per officer");
            FakeFcm.Received push = pushes.get(0);
            assertEquals(FakeFcm.SEND_PATH, push.path());
            assertEquals("New call task", push.title());
            assertEquals(Map.of("kind", "CALL_TASK", "callTaskId", String.valueOf(task.get("id")),
                    "schoolId", String.valueOf(m.school.id()), "date", "2025-12-03"), push.data());
            assertFalse(push.body().contains(pupil.lastName()), "no names on a lock screen");
        }
        assertEquals(List.of(), fcm.sentTo(m.teacher.device()), "teachers are not on the call list");
        assertEquals(List.of(), fcm.sentTo(m.dsl.device()), "the DSL hears of concerns and home visits only");
        assertEquals(List.of(), m.at(WED, "10:01"), "the call step has run");
    }

    @Test
    void callTasksComeSafeguardingFirstThenSendThenTheLongestAbsence() {
        Morning m = new Morning();
        PupilRecord plain1 = m.pupil("Plain");
        PupilRecord plain3 = m.pupil("Long");
        PupilRecord send1 = m.pupil(input("Needs").sendStatus(SendStatus.EHCP));
        PupilRecord send2 = m.pupil(input("Support").sendStatus(SendStatus.SEN_SUPPORT));
        PupilRecord protection1 = m.pupil(input("Ahmed").childProtection(true));
        PupilRecord socialWorker1 = m.pupil(input("Brown").socialWorker(new SocialWorker("Jo Social").email("jo@example.org")));
        PupilRecord lookedAfter3 = m.pupil(input("Carer").lookedAfter(true));
        m.register(MON, Map.of(plain1, "/", plain3, "N", send1, "/", send2, "/", protection1, "/", socialWorker1, "/",
                lookedAfter3, "N"));
        m.register(TUE, Map.of(plain1, "/", plain3, "N", send1, "/", send2, "N", protection1, "/", socialWorker1, "/",
                lookedAfter3, "N"));

        m.at(WED, "10:00");

        List<Map<String, Object>> tasks = m.callTasks(WED);
        assertEquals(List.of(lookedAfter3.id(), protection1.id(), socialWorker1.id(), send2.id(), send1.id(), plain3.id(),
                plain1.id()), tasks.stream().map(FollowUpMorningTest::pupilId).toList());
        assertEquals(List.of(3, 1, 1, 2, 1, 3, 1), tasks.stream().map(t -> t.get("consecutiveSchoolDaysAbsent")).toList());
        assertEquals(List.of("LOOKED_AFTER"), tasks.get(0).get("flags"));
        assertEquals(List.of("SOCIAL_WORKER"), tasks.get(2).get("flags"));
        assertEquals(List.of("SEN_SUPPORT"), tasks.get(3).get("flags"));
        assertEquals(List.of(), tasks.get(6).get("flags"));
    }

    @Test
    void aTaskSomeoneElseHoldsCannotBeClaimed() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("Claimed");
        m.at(WED, "10:00");
        long task = id(m.taskOf(pupil, WED));

        setClock(WED, "10:02");
        Map<String, Object> claimed = post("/call-tasks/" + task + "/claim", null, m.officer.token());
        assertEquals("CLAIMED", claimed.get("state"));
        assertEquals(m.officer.id(), ((Number) map(claimed.get("claimedBy")).get("staffId")).longValue());
        assertEquals("2025-12-03T10:02:00Z", map(claimed.get("claimedBy")).get("at"));

        HttpClientResponseException taken = assertThrows(HttpClientResponseException.class,
                () -> post("/call-tasks/" + task + "/claim", null, m.officer2.token()));
        assertEquals(409, taken.getStatus().getCode());
        assertEquals("application/problem+json", taken.getResponse().getContentType().map(Object::toString).orElse(""));
        assertEquals(409, assertThrows(HttpClientResponseException.class, () -> post("/call-tasks/" + task + "/outcomes",
                Map.of("outcome", "NO_ANSWER"), m.officer2.token())).getStatus().getCode(), "nor worked on");
        assertEquals("CLAIMED", post("/call-tasks/" + task + "/claim", null, m.officer.token()).get("state"),
                "claiming again changes nothing");
        assertEquals(List.of(task), getList("/me/call-tasks", m.officer.token()).stream().map(FollowUpMorningTest::id).toList());
        assertEquals(List.of(), getList("/me/call-tasks", m.officer2.token()));
        assertEquals(403, assertThrows(HttpClientResponseException.class,
                () -> post("/call-tasks/" + task + "/claim", null, m.teacher.token())).getStatus().getCode());
    }

    @Test
    void reachedRecordsTheCodeThroughTheAmendmentTrailAndTheAfternoonRegisterFollows() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("Reached");
        long mother = m.contact(pupil, "Sam", "Mother", 1);
        PupilRecord other = m.pupil("Other");
        m.at(WED, "10:00");
        long task = id(m.taskOf(pupil, WED));

        setClock(WED, "10:06");
        Map<String, Object> done = post("/call-tasks/" + task + "/outcomes",
                Map.of("outcome", "REACHED", "contactId", mother, "code", "I", "note", "Sickness bug since last night"),
                m.officer.token());

        assertEquals("DONE", done.get("state"));
        assertEquals("2025-12-03T10:06:00Z", done.get("closedAt"));
        Map<String, Object> outcome = list(done.get("outcomes")).get(0);
        assertEquals("REACHED", outcome.get("outcome"));
        assertEquals("I", outcome.get("code"));
        assertEquals("RECORDED", outcome.get("registerResult"));
        Map<String, Object> trail = history(pupil, WED, m.officer);
        assertEquals("I", trail.get("currentCode"));
        Map<String, Object> change = list(trail.get("amendments")).get(0);
        assertEquals("N", change.get("originalCode"));
        assertEquals("I", change.get("newCode"));
        assertEquals(m.officer.record().name(), change.get("byName"));
        assertEquals(m.officer.record().position(), change.get("byPosition"));
        assertEquals("call task " + task + ": reached mother by phone - Sickness bug since last night", change.get("reason"));
        Map<String, Object> counts = map(m.board(WED).get("counts"));
        assertEquals(1, counts.get("callTasksDone"));
        assertEquals(1, counts.get("unexplained"), "the other pupil");

        // the afternoon register taken with N for both: the reached pupil's code follows, the other stays N
        setClock(WED, "13:20");
        Map<String, Object> pm = post("/schools/" + m.school.id() + "/registers", Map.of("date", "2025-12-03", "session", "PM",
                "registrationGroup", "4B", "marks", List.of(Map.of("pupilId", pupil.id(), "code", "N"),
                        Map.of("pupilId", other.id(), "code", "N"))), m.teacher.token());
        Map<Long, String> codes = new java.util.HashMap<>();
        list(pm.get("entries")).forEach(e -> codes.put(((Number) e.get("pupilId")).longValue(), (String) e.get("code")));
        assertEquals(Map.of(pupil.id(), "I", other.id(), "N"), codes);

        assertEquals(409, assertThrows(HttpClientResponseException.class, () -> post("/call-tasks/" + task + "/outcomes",
                Map.of("outcome", "NO_ANSWER"), m.officer.token())).getStatus().getCode(), "a done task takes nothing more");
    }

    @Test
    void anOutcomeIsCheckedFieldByField() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("Checked");
        m.at(WED, "10:00");
        long task = id(m.taskOf(pupil, WED));
        String uri = "/call-tasks/" + task + "/outcomes";

        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> post(uri, Map.of("outcome", "REACHED"), m.officer.token())), 400, "code", "required with REACHED");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> post(uri, Map.of("outcome", "REACHED", "code", "C"), m.officer.token())), 400, "code",
                "leave is granted in advance");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> post(uri, Map.of("outcome", "REACHED", "code", "H"), m.officer.token())), 400, "code",
                "not a register code in force");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> post(uri, Map.of("outcome", "CONCERN"), m.officer.token())), 400, "note", "required for a concern");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> post(uri, Map.of("outcome", "NO_ANSWER", "contactId", 999_999_999), m.officer.token())), 400,
                "contactId", "not a contact of this pupil");
        assertEquals("OPEN", get("/call-tasks/" + task, m.officer.token()).get("state"), "nothing was stored");
    }

    @Test
    void noAnswerShowsTheNextContactUntilEveryContactHasBeenTried() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("NoAnswer");
        long dad = m.contact(pupil, "Ravi", "Father", 2);
        long mum = m.contact(pupil, "Sam", "Mother", 1);
        m.at(WED, "10:00");
        long task = id(m.taskOf(pupil, WED));
        String uri = "/call-tasks/" + task + "/outcomes";

        Map<String, Object> first = post(uri, Map.of("outcome", "NO_ANSWER"), m.officer.token());
        assertEquals("CLAIMED", first.get("state"), "logging on an open task takes it");
        assertEquals(mum, contactId(list(first.get("outcomes")).get(0)), "the first contact shown was tried");
        assertEquals(dad, contactId(map(first.get("nextContact"))));
        assertEquals(List.of(true, false), list(first.get("contacts")).stream().map(c -> c.get("tried")).toList());
        assertEquals(false, first.get("allContactsTried"));

        Map<String, Object> second = post(uri, Map.of("outcome", "NO_ANSWER"), m.officer.token());
        assertEquals(dad, contactId(list(second.get("outcomes")).get(1)));
        assertNull(second.get("nextContact"));
        assertEquals(true, second.get("allContactsTried"));
        assertEquals("CLAIMED", second.get("state"), "the task stays with the caller");

        HttpClientResponseException none = assertThrows(HttpClientResponseException.class,
                () -> post(uri, Map.of("outcome", "NO_ANSWER"), m.officer.token()));
        assertEquals(409, none.getStatus().getCode());
        assertTrue(none.getResponse().getBody(String.class).orElse("").contains("Every contact has been tried"));
        Map<String, Object> again = post(uri, Map.of("outcome", "NO_ANSWER", "contactId", mum), m.officer.token());
        assertEquals(3, list(again.get("outcomes")).size(), "a contact can be tried again by name");
    }

    @Test
    void aConcernEscalatesTheTaskAndTheDslIsPushed() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("Concern");
        m.at(WED, "10:00");
        long task = id(m.taskOf(pupil, WED));

        Map<String, Object> escalated = post("/call-tasks/" + task + "/outcomes",
                Map.of("outcome", "CONCERN", "note", "Father sounded scared and hung up"), m.officer.token());

        assertEquals("ESCALATED", escalated.get("state"));
        List<FakeFcm.Received> pushes = fcm.sentTo(m.dsl.device());
        assertEquals(1, pushes.size());
        assertEquals("Safeguarding concern", pushes.get(0).title());
        assertEquals("CALL_TASK_CONCERN", pushes.get(0).data().get("kind"));
        assertEquals(String.valueOf(task), pushes.get(0).data().get("callTaskId"));
        assertFalse(pushes.get(0).body().contains("scared"), "no reasons on a lock screen");
        assertEquals("N", history(pupil, WED, m.officer).get("currentCode"), "the register is left as it is");
        assertEquals(1, map(m.board(WED).get("counts")).get("callTasksEscalated"));
        assertEquals(409, assertThrows(HttpClientResponseException.class,
                () -> post("/call-tasks/" + task + "/claim", null, m.officer2.token())).getStatus().getCode());
    }

    @Test
    void theSweepRunTwiceAndFromTwoThreadsAtOnceRaisesOneTaskPerPupilAndOnePushEach() throws Exception {
        Morning m = new Morning();
        List<PupilRecord> absent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            absent.add(m.pupil("Racer" + (char) ('A' + i)));
        }
        setClock(WED, "10:00");
        Instant tenAm = CLOCK.instant();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<FollowUpStep>> run = () -> {
                start.await();
                return sweep.run(m.school.id(), tenAm);
            };
            Future<List<FollowUpStep>> a = pool.submit(run);
            Future<List<FollowUpStep>> b = pool.submit(run);
            start.countDown();
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        sweep.run(m.school.id(), tenAm);
        m.at(WED, "10:30");

        List<Map<String, Object>> rows = db.rows("SELECT pupil_id, COUNT(*) AS n FROM follow_up_task WHERE school_id = ?"
                + " AND school_day = ? AND kind = 'CALL' GROUP BY pupil_id", m.school.id(), WED);
        assertEquals(12, rows.size());
        assertTrue(rows.stream().allMatch(r -> ((Number) r.get("n")).intValue() == 1), rows.toString());
        assertEquals(12, m.callTasks(WED).size());
        assertEquals(12, fcm.sentTo(m.officer.device()).size(), "one push per task");
        assertEquals(12, db.rows("SELECT id FROM mark WHERE school_id = ? AND session_date = ? AND session = 'AM'",
                m.school.id(), WED).size(), "one mark per pupil");
        assertEquals(12, db.rows("SELECT id FROM follow_up_action WHERE school_id = ? AND school_day = ?"
                + " AND step = 'REGISTER_CLOSE'", m.school.id(), WED).size());
        assertEquals(List.of("REGISTER_CLOSE", "CALL"), list(m.board(WED).get("steps")).stream().map(s -> s.get("step")).toList());
    }

    @Test
    void threeSchoolDaysWithoutWordRaiseOneHomeVisitForTheDslAndTheOfficers() {
        Morning m = new Morning();
        PupilRecord missing = m.pupil("Missing");
        PupilRecord back = m.pupil("Back");
        m.at(MON, "10:00");
        m.register(TUE, Map.of(back, "/"));
        m.at(TUE, "10:00");
        assertEquals(List.of(), list(m.board(TUE).get("homeVisits")));

        m.at(WED, "10:00");
        m.at(WED, "10:05");
        sweep.run(m.school.id(), CLOCK.instant());

        List<Map<String, Object>> visits = list(m.board(WED).get("homeVisits"));
        assertEquals(List.of(missing.id()), visits.stream().map(FollowUpMorningTest::pupilId).toList(),
                "one home visit, for the pupil absent all three days");
        assertEquals("HOME_VISIT", visits.get(0).get("kind"));
        assertEquals(3, visits.get(0).get("consecutiveSchoolDaysAbsent"));
        assertEquals(1, map(m.board(WED).get("counts")).get("homeVisits"));
        String visitId = String.valueOf(visits.get(0).get("id"));
        for (Staff told : List.of(m.dsl, m.officer, m.officer2)) {
            assertEquals(1, fcm.sentTo(told.device()).stream()
                    .filter(p -> "HOME_VISIT_TASK".equals(p.data().get("kind")) && visitId.equals(p.data().get("callTaskId")))
                    .count(), "pushed once to each of them");
        }
        assertEquals(List.of(), fcm.sentTo(m.teacher.device()));

        m.at(THU, "10:00");
        assertEquals(List.of(), list(m.board(THU).get("homeVisits")), "one per run of absence");
        assertEquals(4, m.taskOf(missing, THU).get("consecutiveSchoolDaysAbsent"));
    }

    @Test
    void aParentGettingInTouchClosesTheOpenTasksAndTellsWhoeverHeldThem() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("Reporting");
        m.at(WED, "10:00");
        long task = id(m.taskOf(pupil, WED));
        post("/call-tasks/" + task + "/claim", null, m.officer2.token());

        List<Long> closed = callTasks.closeForPupil(pupil.id(), WED, "Absence report 12 from a parent: illness");
        worker.drain();

        assertEquals(List.of(task), closed);
        Map<String, Object> view = get("/call-tasks/" + task, m.officer.token());
        assertEquals("CLOSED", view.get("state"));
        assertEquals("Absence report 12 from a parent: illness", view.get("closedReason"));
        assertNull(view.get("nextContact"));
        List<FakeFcm.Received> told = fcm.sentTo(m.officer2.device()).stream()
                .filter(p -> "CALL_TASK_CLOSED".equals(p.data().get("kind"))).toList();
        assertEquals(1, told.size());
        assertEquals(String.valueOf(task), told.get(0).data().get("callTaskId"));
        assertEquals(List.of(), getList("/me/call-tasks", m.officer2.token()));
        assertEquals(List.of(), callTasks.closeForPupil(pupil.id(), WED, "again"), "nothing left to close");
        assertEquals(1, map(m.board(WED).get("counts")).get("callTasksClosed"));
    }

    @Test
    void aReportFromTheParentsAppAfterTheCallTaskWasRaisedClosesIt() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("AppReport");
        String parent = fixtures.token(fixtures.parentOf(m.trust, pupil));
        m.at(WED, "10:00");
        long task = id(m.taskOf(pupil, WED));
        post("/call-tasks/" + task + "/claim", null, m.officer.token());

        setClock(WED, "10:20");
        http.toBlocking().exchange(HttpRequest.POST("/absence-reports", Map.of("pupilIds", List.of(pupil.id()),
                "firstDay", WED.toString(), "reason", "ILLNESS")).bearerAuth(parent), String.class);
        worker.drain();

        Map<String, Object> view = get("/call-tasks/" + task, m.officer.token());
        assertEquals("CLOSED", view.get("state"));
        assertTrue(String.valueOf(view.get("closedReason")).startsWith("Absence report "), String.valueOf(view.get("closedReason")));
        assertEquals(1, fcm.sentTo(m.officer.device()).stream()
                .filter(p -> "CALL_TASK_CLOSED".equals(p.data().get("kind"))).count(), "whoever held it is told");
    }

    @Test
    void theSocialWorkerIsToldThatMorningByInitialsAndSchoolOnly() {
        Morning m = new Morning();
        String mobile = Fixtures.uniqueMobile();
        PupilRecord pupil = m.pupil(new PupilInput("Zara", "Quinn", LocalDate.parse("2016-03-14"), 4, "4B",
                LocalDate.parse("2021-09-01")).socialWorker(new SocialWorker("Jo Social").phone("0" + mobile.substring(3))));
        PupilRecord landline = m.pupil(input("Landline").socialWorker(new SocialWorker("Al Worker").phone("020 7946 0000")));

        m.at(WED, "10:00");
        m.at(WED, "10:20");

        List<FakeTwilio.Received> texts = twilio.textsTo(mobile);
        assertEquals(1, texts.size());
        String body = texts.get(0).body();
        assertTrue(body.contains("Z.Q.") && body.contains(m.school.name()) && body.contains("Wed 3 Dec"), body);
        assertFalse(body.contains("Zara") || body.contains("Quinn"), "initials only: " + body);
        Map<String, Object> history = get("/pupils/" + pupil.id() + "/follow-up?from=2025-12-01&to=2025-12-03", m.officer.token());
        List<Map<String, Object>> actions = list(history.get("actions"));
        assertEquals(List.of("SOCIAL_WORKER", "REGISTER_CLOSE"), actions.stream().map(a -> a.get("step")).toList());
        assertEquals("TEXTED", actions.get(0).get("outcome"));
        assertEquals("N", actions.get(1).get("code"));
        assertEquals(1, list(history.get("tasks")).size());
        Map<String, Object> landlineAction = list(get("/pupils/" + landline.id() + "/follow-up?to=2025-12-03",
                m.officer.token()).get("actions")).get(0);
        assertEquals("NO_MOBILE", landlineAction.get("outcome"));
        assertEquals(1, map(m.board(WED).get("counts")).get("socialWorkersTold"));
    }

    @Test
    void anotherSchoolsStaffFindNoTask() {
        Morning m = new Morning();
        Morning other = new Morning();
        PupilRecord pupil = m.pupil("Private");
        m.at(WED, "10:00");
        long task = id(m.taskOf(pupil, WED));

        for (String token : List.of(other.officer.token(), other.head.token())) {
            assertEquals(404, status(() -> get("/call-tasks/" + task, token)));
            assertEquals(404, status(() -> post("/call-tasks/" + task + "/claim", null, token)));
            assertEquals(404, status(() -> post("/call-tasks/" + task + "/outcomes", Map.of("outcome", "NO_ANSWER"), token)));
            assertEquals(404, status(() -> get("/schools/" + m.school.id() + "/follow-up/2025-12-03", token)));
            assertEquals(404, status(() -> get("/pupils/" + pupil.id() + "/follow-up", token)));
        }
        assertEquals(404, status(() -> get("/call-tasks/999999999", m.officer.token())));
        assertEquals("OPEN", get("/call-tasks/" + task, m.teacher.token()).get("state"), "teachers may read");
    }

    @Test
    void theHeadteacherSetsTheTimesAndTheMorningFollows() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("Later");
        String uri = "/schools/" + m.school.id() + "/follow-up-settings";
        assertEquals(Map.of("schoolId", m.school.id().intValue(), "timezone", "Europe/London", "registerClosesAt", "09:10",
                "textTime", "09:30", "callTime", "10:00"), get(uri, m.officer.token()));

        Map<String, Object> changed = put(uri, Map.of("textTime", "09:45", "callTime", "10:30"), m.head.token());
        assertEquals("10:30", changed.get("callTime"));
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> put(uri, Map.of("textTime", "09:00", "callTime", "10:00"), m.head.token())), 400, "textTime",
                "at or after the morning register closes (09:10)");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> put(uri, Map.of("textTime", "09:30", "callTime", "09:30"), m.head.token())), 400, "callTime",
                "after the text time");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> put(uri, Map.of("textTime", "09:30", "callTime", "12:00"), m.head.token())), 400, "callTime",
                "before the morning session ends");
        assertEquals(403, status(() -> put(uri, Map.of("textTime", "09:30", "callTime", "10:00"), m.officer.token())));

        assertEquals(List.of(FollowUpStep.REGISTER_CLOSE, FollowUpStep.TEXT), m.at(WED, "10:00"));
        assertEquals(List.of(), m.callTasks(WED));
        assertEquals(List.of(FollowUpStep.CALL), m.at(WED, "10:30"));
        assertEquals(1, m.callTasks(WED).size());
        assertEquals(pupil.id(), pupilId(m.callTasks(WED).get(0)));
    }

    @Test
    void nothingRunsWithoutAMorningSessionOrAfterTheSchoolDay() {
        Morning m = new Morning();
        PupilRecord pupil = m.pupil("Weekend");
        assertEquals(List.of(), m.at(LocalDate.parse("2025-12-06"), "10:00"), "Saturday");
        assertEquals(List.of(), m.at(LocalDate.parse("2025-10-29"), "10:00"), "half-term");
        assertEquals(List.of(), m.at(WED, "15:15"), "the school day is over");
        assertEquals(404, status(() -> history(pupil, WED, m.officer)), "no mark entered");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static PupilInput input(String last) {
        return new PupilInput("Pupil" + Fixtures.next(), last, LocalDate.parse("2016-03-14"), 4, "4B", LocalDate.parse("2021-09-01"));
    }

    private static void setClock(LocalDate day, String time) {
        Instant target = Instant.parse(day + "T" + time + ":00Z");
        CLOCK.advance(Duration.between(CLOCK.instant(), target));
    }

    private Map<String, Object> history(PupilRecord pupil, LocalDate day, Staff who) {
        return get("/pupils/" + pupil.id() + "/marks/" + day + "/AM/history", who.token());
    }

    private Map<String, Object> get(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Json.OBJECT);
    }

    private List<Map<String, Object>> getList(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Json.LIST);
    }

    /** Posts, then runs the outbox's worker (a concern's push to the DSL goes through the outbox). */
    private Map<String, Object> post(String uri, Object body, String token) {
        try {
            return http.toBlocking().retrieve(HttpRequest.POST(uri, body == null ? Map.of() : body).bearerAuth(token), Json.OBJECT);
        } finally {
            worker.drain();
        }
    }

    private Map<String, Object> put(String uri, Object body, String token) {
        return http.toBlocking().retrieve(HttpRequest.PUT(uri, body).bearerAuth(token), Json.OBJECT);
    }

    private static int status(Runnable call) {
        return assertThrows(HttpClientResponseException.class, call::run).getStatus().getCode();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static long id(Map<String, Object> task) {
        return ((Number) task.get("id")).longValue();
    }

    private static long pupilId(Map<String, Object> task) {
        Object pupil = task.get("pupil");
        return ((Number) (pupil == null ? task.get("pupilId") : map(pupil).get("id"))).longValue();
    }

    private static long contactId(Map<String, Object> o) {
        return ((Number) o.get("contactId")).longValue();
    }
}
