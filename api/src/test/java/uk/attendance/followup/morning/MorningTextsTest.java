package uk.attendance.followup.morning;

import uk.attendance.followup.records.FollowUpStep;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import uk.attendance.notify.push.FakeFcm;
import uk.attendance.notify.text.FakeTwilio;
import uk.attendance.notify.text.SignedInboundText;
import uk.attendance.notify.outbox.OutboxWorker;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, must-show 1, the texts and the replies: a school morning with the clock fixed, against the real database,
 * every text through the outbox's worker and the real Twilio SDK to a {@link FakeTwilio}, every push through the real
 * Firebase Admin SDK to a {@link FakeFcm}, and the replies posted to the inbound-SMS webhook signed as Twilio signs
 * them. The register opens at 08:40 and closes at 09:10; texts at 09:30, calls at 10:00 (London is on UTC in December).
 * The outbox's scheduled poller is off: the test runs the worker when the morning would.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.firebase.api-base-url", value = FakeFcm.API_BASE_URL)
@Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
@Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
@Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
@Property(name = "attendance.public-url", value = "https://attendance.example.org")
@Property(name = "attendance.outbox.poller", value = "false")
class MorningTextsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-12-03T07:00:00Z"));
    private static final LocalDate WED = LocalDate.parse("2025-12-03");

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
    OutboxWorker worker;
    @Inject
    PupilService pupils;
    @Inject
    FakeFcm fcm;
    @Inject
    FakeTwilio twilio;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    /** A member of staff with a phone registered for pushes. */
    record Staff(StaffRecord record, String token, String device) {
    }

    /** A child in 4B and the parent who is their priority-1 contact (with their language and a token for the app). */
    record Family(PupilRecord child, ContactRecord parent, String token) {
        String mobile() {
            return parent.mobile();
        }
    }

    final class School {
        final TrustRecord trust = fixtures.trust();
        final SchoolRecord school = fixtures.school(trust);
        final Staff officer = staff(Roles.ATTENDANCE_OFFICER);
        final Staff teacher = staff(Roles.TEACHER);

        private Staff staff(String role) {
            StaffRecord s = fixtures.staff(trust, Optional.of(school), role);
            String token = fixtures.token(s);
            String device = "fcm-" + UUID.randomUUID() + ":APA91b" + "q".repeat(60);
            http.toBlocking().exchange(HttpRequest.POST("/me/devices", Map.of("token", device, "platform", "ANDROID"))
                    .bearerAuth(token), String.class);
            return new Staff(s, token, device);
        }

        Family family(String firstName, String language) {
            PupilRecord child = pupils.admit(school, new PupilInput(firstName, "Family" + Fixtures.next(),
                    LocalDate.parse("2016-03-14"), 4, "4B", LocalDate.parse("2021-09-01")));
            ContactRecord parent = pupils.link(child, trust.id(), new PupilContactInput("Parent" + Fixtures.next(),
                    "Carer", Fixtures.uniqueMobile(), 1, "Mother").preferredLanguage(language)).contact();
            return new Family(child, parent, fixtures.token(parent));
        }

        /** The sweep at this time of the morning; the outbox's worker then sends what it decided. */
        List<FollowUpStep> at(String time) {
            List<FollowUpStep> ran = sweepOnly(time);
            worker.drain();
            return ran;
        }

        List<FollowUpStep> sweepOnly(String time) {
            setClock(time);
            return sweep.run(school.id(), CLOCK.instant());
        }

        Map<String, Object> board() {
            return get("/schools/" + school.id() + "/follow-up/" + WED, officer.token());
        }

        Map<String, Object> counts() {
            return map(board().get("counts"));
        }

        List<Long> pupilsWithCallTasks() {
            return list(board().get("callTasks")).stream().map(t -> ((Number) map(t.get("pupil")).get("id")).longValue()).toList();
        }

        Map<String, Object> taskOf(Family f) {
            return list(board().get("callTasks")).stream()
                    .filter(t -> ((Number) map(t.get("pupil")).get("id")).longValue() == f.child().id())
                    .findFirst().orElseThrow(() -> new AssertionError("no call task for " + f.child().firstName()));
        }

        String amCode(Family f) {
            return String.valueOf(get("/pupils/" + f.child().id() + "/marks/" + WED + "/AM", officer.token()).get("code"));
        }
    }

    @Test
    void aSchoolMorningOfTextsRepliesAndCalls() {
        School s = new School();
        Family reported = s.family("Amelia", "en");
        Family replies = s.family("Jakub", "pl");
        Family silent = s.family("Oliver", "en");
        Family late = s.family("Ioana", "ro");

        // 08:20: Amelia's mother reports her ill in the app.
        setClock("08:20");
        assertEquals(201, http.toBlocking().exchange(HttpRequest.POST("/absence-reports", Map.of("pupilIds",
                List.of(reported.child().id()), "firstDay", WED.toString(), "reason", "ILLNESS")).bearerAuth(reported.token()),
                String.class).code());

        // 09:10: the register closes with nobody marked: Amelia gets I from the report, the other three N.
        assertEquals(List.of(FollowUpStep.REGISTER_CLOSE), s.at("09:10"));
        assertEquals("I", s.amCode(reported));
        assertEquals("N", s.amCode(silent));

        // 09:30: one text per unexplained pupil is queued; Ioana arrives (09:25, entered at 09:31) before it is sent.
        assertEquals(List.of(FollowUpStep.TEXT), s.sweepOnly("09:30"));
        assertEquals(List.of(), twilio.textsTo(silent.mobile()), "queued in the outbox, not sent by the sweep");
        setClock("09:31");
        http.toBlocking().exchange(HttpRequest.PUT("/pupils/" + late.child().id() + "/marks/" + WED + "/AM",
                Map.of("code", "U", "arrivalTime", "09:25", "reason", "Arrived at 09:25 after the register closed"))
                .bearerAuth(s.teacher.token()), String.class);
        worker.drain();

        List<FakeTwilio.Received> toJakub = twilio.textsTo(replies.mobile());
        assertEquals(1, toJakub.size());
        assertEquals(s.school.name() + ": Państwa dziecko Jakub jest dziś nieobecne w szkole i nie znamy powodu. "
                + "Prosimy odpowiedzieć na tę wiadomość, podając powód nieobecności.", toJakub.get(0).body(),
                "in the contact's language, naming the child by first name");
        List<FakeTwilio.Received> toOliver = twilio.textsTo(silent.mobile());
        assertEquals(1, toOliver.size());
        assertEquals(s.school.name() + ": Oliver is not in school today and we have not been told why. "
                + "Please reply to this text with the reason for the absence.", toOliver.get(0).body());
        assertEquals(FakeTwilio.FROM_NUMBER, toOliver.get(0).from());
        assertEquals(List.of(), twilio.textsTo(late.mobile()), "arrived before the text went: not sent");
        assertEquals(List.of(), twilio.textsTo(reported.mobile()), "reported at 08:20: no text");
        Map<String, Object> cancelled = single(db.rows("SELECT status, last_error FROM outbox_message WHERE pupil_id = ?"
                + " AND purpose = 'morning-text'", late.child().id()));
        assertEquals(Map.of("status", "CANCELLED", "last_error", "PUPIL_MARKED"), cancelled);
        assertEquals("CANCELLED", textStep(late).get("outcome"));
        assertEquals(2, s.counts().get("texted"), "Jakub's and Oliver's families");

        // 09:50: Jakub's mother replies; the reply becomes an illness report and Jakub is coded I.
        setClock("09:50");
        HttpResponse<String> answer = reply(replies.mobile(), "Jakub jest chory, ma gorączkę od wczoraj");
        assertEquals(200, answer.code());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", answer.body());
        assertTrue(answer.getContentType().map(MediaType::toString).orElse("").startsWith("text/xml"));
        assertEquals("I", s.amCode(replies));
        Map<String, Object> report = single(db.rows("SELECT id, reason, status, parent_id, note FROM absence_report"
                + " WHERE pupil_id = ?", replies.child().id()));
        assertEquals("ILLNESS", report.get("reason"));
        assertEquals("ACCEPTED", report.get("status"));
        assertEquals(replies.parent().id(), ((Number) report.get("parent_id")).longValue());
        assertEquals("By text message: Jakub jest chory, ma gorączkę od wczoraj", report.get("note"));
        assertEquals(1, s.counts().get("replied"));

        // 10:00: the call step: only Oliver, whose family did not answer; the call task reaches the officer's phone.
        assertEquals(List.of(FollowUpStep.CALL), s.at("10:00"));
        assertEquals(List.of(silent.child().id()), s.pupilsWithCallTasks(),
                "no call for the pupil reported at 08:20, the one who replied, or the one who arrived");
        Map<String, Object> task = s.taskOf(silent);
        List<FakeFcm.Received> pushes = fcm.sentTo(s.officer.device());
        assertEquals(1, pushes.size());
        assertEquals("New call task", pushes.get(0).title());
        assertEquals(String.valueOf(task.get("id")), pushes.get(0).data().get("callTaskId"));
        List<Map<String, Object>> texts = list(task.get("texts"));
        assertEquals(1, texts.size(), "the task shows the text sent");
        assertEquals("SENT", texts.get(0).get("direction"));
        assertEquals("SENT", texts.get(0).get("status"));
        assertEquals(silent.parent().id(), ((Number) texts.get(0).get("contactId")).longValue());
        assertEquals(toOliver.get(0).body(), texts.get(0).get("body"));
        assertEquals("2025-12-03T09:31:00Z", texts.get(0).get("at"));
        Map<String, Object> counts = s.counts();
        assertEquals(3, counts.get("unexplainedAtRegisterClose"));
        assertEquals(1, counts.get("unexplained"));
        assertEquals(2, counts.get("texted"));
        assertEquals(1, counts.get("replied"));
        assertEquals(1, counts.get("callTasksOpen"));
        assertEquals(List.of("REGISTER_CLOSE", "TEXT", "CALL"),
                list(s.board().get("steps")).stream().map(r -> r.get("step")).toList());
        assertEquals(List.of(), s.at("10:30"), "every step has run");
        assertEquals(1, twilio.textsTo(silent.mobile()).size(), "texted once");
    }

    @Test
    void aReplyAfterTheCallTaskClosesItTellsWhoeverHeldItAndShowsOnTheTask() {
        School s = new School();
        Family f = s.family("Zain", "ur");
        s.at("09:10");
        s.at("09:30");
        assertEquals(1, twilio.textsTo(f.mobile()).size());
        assertTrue(twilio.textsTo(f.mobile()).get(0).body().contains("آپ کا بچہ Zain آج اسکول میں موجود نہیں ہے"),
                "Urdu: " + twilio.textsTo(f.mobile()).get(0).body());
        s.at("10:00");
        long task = ((Number) s.taskOf(f).get("id")).longValue();
        setClock("10:05");
        post("/call-tasks/" + task + "/claim", s.officer.token());

        setClock("10:20");
        reply(f.mobile(), "Sorry, Zain has a dentist appointment at 11:15 today");
        worker.drain();

        Map<String, Object> closed = get("/call-tasks/" + task, s.officer.token());
        assertEquals("CLOSED", closed.get("state"));
        assertEquals("The family replied to the morning text (medical appointment)", closed.get("closedReason"));
        List<Map<String, Object>> texts = list(closed.get("texts"));
        assertEquals(List.of("SENT", "RECEIVED"), texts.stream().map(t -> t.get("direction")).toList());
        assertEquals("Sorry, Zain has a dentist appointment at 11:15 today", texts.get(1).get("body"));
        assertEquals("MEDICAL_APPOINTMENT", texts.get(1).get("reason"));
        assertEquals(f.parent().id(), ((Number) texts.get(1).get("contactId")).longValue());
        Map<String, Object> report = single(db.rows("SELECT id, reason, appointment_time FROM absence_report WHERE pupil_id = ?",
                f.child().id()));
        assertEquals(((Number) report.get("id")).longValue(), ((Number) texts.get(1).get("absenceReportId")).longValue());
        assertEquals("11:15:00", String.valueOf(report.get("appointment_time")));
        assertEquals("N", s.amCode(f), "the appointment (morning session) awaits the school's confirmation before M is recorded");
        assertEquals("AWAITING_DECISION", single(db.rows("SELECT status FROM absence_report WHERE pupil_id = ?",
                f.child().id())).get("status"));
        List<FakeFcm.Received> told = fcm.sentTo(s.officer.device()).stream()
                .filter(p -> "CALL_TASK_CLOSED".equals(p.data().get("kind"))).toList();
        assertEquals(1, told.size(), "whoever held the task is told");
        assertEquals(1, s.counts().get("callTasksClosed"));
    }

    @Test
    void aReplyThatCannotBeUnderstoodWaitsForStaffAsAnOtherReportAndStopsTheCall() {
        School s = new School();
        Family f = s.family("Maryam", "ar");
        s.at("09:10");
        s.at("09:30");
        assertTrue(twilio.textsTo(f.mobile()).get(0).body().contains("طفلكم Maryam غائب عن المدرسة اليوم"));

        setClock("09:45");
        reply(f.mobile(), "We are stuck at the airport, back tomorrow");
        s.at("10:00");

        assertEquals(List.of(), s.pupilsWithCallTasks(), "the family has been in touch: no call");
        assertEquals("N", s.amCode(f), "staff decide the code");
        List<Map<String, Object>> inbox = getList("/schools/" + s.school.id() + "/absence-reports", s.officer.token());
        Map<String, Object> waiting = inbox.stream().filter(r -> ((Number) r.get("pupilId")).longValue() == f.child().id())
                .findFirst().orElseThrow(() -> new AssertionError("not in the staff inbox: " + inbox));
        assertEquals("AWAITING_DECISION", waiting.get("status"));
        assertEquals("OTHER", waiting.get("reason"));
        assertEquals(1, s.counts().get("replied"));
    }

    @Test
    void aTextFromAnUnknownNumberOrTwiceDeliveredIsTakenOnceAndOtherwiseIgnored() {
        School s = new School();
        Family f = s.family("Leo", "en");
        s.at("09:10");
        s.at("09:30");
        setClock("09:40");
        String sid = SignedInboundText.newSid();

        assertEquals(200, reply(Fixtures.uniqueMobile(), "Who is this?").code());
        assertEquals(200, reply(f.mobile(), "STOP").code());
        Map<String, String> fields = SignedInboundText.fields(sid, f.mobile(), "Leo is poorly");
        assertEquals(200, SignedInboundText.post(http, fields).code());
        assertEquals(200, SignedInboundText.post(http, fields).code());

        assertEquals(1, db.rows("SELECT id FROM absence_report WHERE pupil_id = ?", f.child().id()).size(), "one report");
        assertEquals("I", s.amCode(f));
        assertEquals(List.of("KEYWORD", "REPORTED"), db.rows("SELECT outcome FROM text_reply WHERE pupil_id = ? OR"
                + " (from_number = ? AND pupil_id IS NULL) ORDER BY id", f.child().id(), f.mobile())
                .stream().map(r -> r.get("outcome")).toList());
    }

    @Test
    void aRequestWithoutTwiliosSignatureIs403AndChangesNothing() {
        School s = new School();
        Family f = s.family("Ruby", "en");
        s.at("09:10");
        s.at("09:30");
        setClock("09:50");
        Map<String, String> fields = SignedInboundText.fields(SignedInboundText.newSid(), f.mobile(), "Ruby is ill");

        for (String signature : List.of("", "bm90LWEtc2lnbmF0dXJl", SignedInboundText.sign("http://localhost/webhooks/twilio/sms", fields))) {
            var request = HttpRequest.POST("/webhooks/twilio/sms", SignedInboundText.form(fields))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
            if (!signature.isEmpty()) {
                request.header("X-Twilio-Signature", signature);
            }
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(request, String.class));
            assertEquals(403, e.getStatus().getCode());
            assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        }
        assertEquals("N", s.amCode(f));
        assertEquals(List.of(), db.rows("SELECT id FROM text_reply WHERE from_number = ?", f.mobile()));
    }

    @Test
    void aParentSeesTheMessagesSentToThemAboutTheirChildAndNotAnotherFamilys() {
        School s = new School();
        Family f = s.family("Isla", "en");
        Family other = s.family("Noah", "en");
        s.at("09:10");
        s.at("09:30");

        List<Map<String, Object>> mine = getList("/pupils/" + f.child().id() + "/messages", f.token());
        assertEquals(1, mine.size());
        Map<String, Object> text = mine.get(0);
        assertEquals("TEXT", text.get("channel"));
        assertEquals("morning-text", text.get("purpose"));
        assertEquals("SENT", text.get("status"));
        assertEquals(Map.of("kind", "PARENT", "id", f.parent().id().intValue()), text.get("toPerson"));
        assertEquals(twilio.textsTo(f.mobile()).get(0).body(), text.get("body"));
        assertTrue(String.valueOf(text.get("toNumber")).startsWith("+44*"), "masked");

        HttpClientResponseException notYours = assertThrows(HttpClientResponseException.class,
                () -> getList("/pupils/" + other.child().id() + "/messages", f.token()));
        assertEquals(404, notYours.getStatus().getCode());

        s.at("10:00");
        List<Map<String, Object>> staffView = getList("/pupils/" + f.child().id() + "/messages", s.officer.token());
        assertEquals(List.of("call-task", "morning-text"), staffView.stream().map(m -> m.get("purpose")).toList(),
                "staff see every message about the child, newest first");
        staffView.forEach(m -> assertNull(m.get("body"), "no bodies for staff"));
        assertEquals(1, getList("/pupils/" + f.child().id() + "/messages", f.token()).size(),
                "the parent does not see the pushes to staff");
        assertEquals(403, assertThrows(HttpClientResponseException.class,
                () -> getList("/pupils/" + f.child().id() + "/messages", s.teacher.token())).getStatus().getCode());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Map<String, Object> textStep(Family f) {
        return single(db.rows("SELECT outcome FROM follow_up_action WHERE pupil_id = ? AND school_day = ? AND step = 'TEXT'",
                f.child().id(), WED));
    }

    /** A text from this number to the school's, posted as Twilio posts it, signed. */
    private HttpResponse<String> reply(String from, String body) {
        return SignedInboundText.post(http, SignedInboundText.fields(SignedInboundText.newSid(), from, body));
    }

    private static void setClock(String time) {
        Instant target = Instant.parse(WED + "T" + time + ":00Z");
        CLOCK.advance(Duration.between(CLOCK.instant(), target));
    }

    private Map<String, Object> get(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Json.OBJECT);
    }

    private List<Map<String, Object>> getList(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Json.LIST);
    }

    private void post(String uri, String token) {
        http.toBlocking().exchange(HttpRequest.POST(uri, Map.of()).bearerAuth(token), String.class);
    }

    private static Map<String, Object> single(List<Map<String, Object>> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
