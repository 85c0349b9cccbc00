package uk.attendance.followup.replies;

import uk.attendance.followup.morning.MorningSweep;

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
import uk.attendance.support.Problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Texts to review: a family texting the school's number when no morning text went to them that day (a mother at 08:00:
 * "Sam has a temperature") is put before the staff of their child's school, and the attendance officers are pushed.
 * Real database, texts posted to the inbound webhook signed as Twilio signs them, pushes through the real Firebase Admin
 * SDK to a {@link FakeFcm}. The outbox's scheduled poller is off: the test runs the worker.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.firebase.api-base-url", value = FakeFcm.API_BASE_URL)
@Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
@Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
@Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
@Property(name = "attendance.public-url", value = "https://attendance.example.org")
@Property(name = "attendance.outbox.poller", value = "false")
class TextsToReviewTest {
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

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    record Staff(StaffRecord record, String token, String device) {
    }

    final class School {
        final TrustRecord trust;
        final SchoolRecord school;
        final Staff officer;
        final Staff teacher;
        final Staff head;

        School() {
            this(fixtures.trust());
        }

        School(TrustRecord trust) {
            this.trust = trust;
            this.school = fixtures.school(trust);
            this.officer = staff(Roles.ATTENDANCE_OFFICER);
            this.teacher = staff(Roles.TEACHER);
            this.head = staff(Roles.HEADTEACHER);
        }

        private Staff staff(String role) {
            StaffRecord s = fixtures.staff(trust, Optional.of(school), role);
            String token = fixtures.token(s);
            String device = "fcm-" + UUID.randomUUID() + ":APA91b" + "q".repeat(60);
            http.toBlocking().exchange(HttpRequest.POST("/me/devices", Map.of("token", device, "platform", "ANDROID"))
                    .bearerAuth(token), String.class);
            return new Staff(s, token, device);
        }

        PupilRecord child(String firstName) {
            return pupils.admit(school, new PupilInput(firstName, "Family" + Fixtures.next(), LocalDate.parse("2016-03-14"),
                    4, "4B", LocalDate.parse("2021-09-01")));
        }

        /** Links the child to the contact with this mobile, made on first use (a trust knows a mobile once). */
        ContactRecord link(PupilRecord child, String mobile) {
            return pupils.link(child, trust.id(), new PupilContactInput("Sara", "Parent" + Fixtures.next(), mobile, 1,
                    "Mother")).contact();
        }

        /** The morning sweep at this time; the outbox's worker then sends what it decided. */
        void sweep(String time) {
            setClock(time);
            sweep.run(school.id(), CLOCK.instant());
            worker.drain();
        }

        String texts(String status) {
            return "/schools/" + school.id() + "/texts-to-review" + (status == null ? "" : "?status=" + status);
        }

        List<Map<String, Object>> list(String status) {
            return getList(texts(status), officer.token());
        }

        List<Map<String, Object>> listed(String status, ContactRecord contact) {
            return list(status).stream().filter(i -> ((Number) map(i.get("contact")).get("id")).longValue() == contact.id())
                    .toList();
        }

        String done(long itemId) {
            return "/schools/" + school.id() + "/texts-to-review/" + itemId + "/done";
        }
    }

    @Test
    void aParentTextingBeforeAnyMorningTextIsListedAtTheirChildsSchoolAndTheOfficerIsPushed() {
        School s = new School();
        School elsewhere = new School();
        PupilRecord sam = s.child("Sam");
        PupilRecord sibling = s.child("Ella");
        String mobile = Fixtures.uniqueMobile();
        ContactRecord mum = s.link(sam, mobile);
        s.link(sibling, mobile);
        setClock("08:00");

        assertEquals(200, text(mobile, "Sam has a temperature, keeping him home").code());

        List<Map<String, Object>> open = s.list(null);
        assertEquals(1, open.size(), open.toString());
        Map<String, Object> item = open.get(0);
        assertEquals("OPEN", item.get("status"));
        assertEquals(s.school.id().intValue(), item.get("schoolId"));
        assertEquals("Sam has a temperature, keeping him home", item.get("body"));
        assertEquals(mobile, item.get("from"), "the full number: staff call back");
        assertEquals(WED + "T08:00:00Z", item.get("receivedAt"));
        assertEquals(Map.of("id", mum.id().intValue(), "name", mum.firstName() + " " + mum.lastName()), item.get("contact"));
        assertEquals(List.of(sam.id(), sibling.id()), list(item.get("children")).stream()
                .map(c -> ((Number) c.get("pupilId")).longValue()).toList());
        assertEquals(Map.of("pupilId", sam.id().intValue(), "firstName", "Sam", "lastName", sam.lastName()),
                list(item.get("children")).get(0));
        assertNull(item.get("handledAt"));
        assertEquals(open, s.list("OPEN"), "OPEN is the default");
        assertEquals(List.of(), s.list("DONE"));
        assertEquals(List.of(), elsewhere.list(null), "not at another school");
        assertEquals(List.of(), db.rows("SELECT id FROM absence_report WHERE pupil_id = ?", sam.id()), "no report made of it");

        worker.drain();
        List<FakeFcm.Received> pushes = fcm.sentTo(s.officer.device());
        assertEquals(1, pushes.size());
        assertEquals("A text from a family needs reading", pushes.get(0).title());
        assertFalse(pushes.get(0).body().contains("Sam") || pushes.get(0).body().contains("temperature")
                || pushes.get(0).body().contains(sam.lastName()), "no name or words on a lock screen: " + pushes.get(0).body());
        assertEquals(String.valueOf(item.get("id")), pushes.get(0).data().get("textReviewId"));
        assertEquals(List.of(), fcm.sentTo(s.teacher.device()), "the attendance officers are told");
        assertEquals(List.of(), fcm.sentTo(elsewhere.officer.device()));
    }

    @Test
    void aParentWithChildrenInTwoSchoolsHasAnItemInEachShowingOnlyThatSchoolsChild() {
        School primary = new School();
        School secondary = new School(primary.trust);
        PupilRecord younger = primary.child("Mia");
        PupilRecord older = secondary.child("Leo");
        String mobile = Fixtures.uniqueMobile();
        ContactRecord dad = primary.link(younger, mobile);
        assertEquals(dad.id(), secondary.link(older, mobile).id(), "one contact in the trust");
        setClock("08:05");

        text(mobile, "Both kids have a sickness bug");

        Map<String, Object> atPrimary = single(primary.listed("OPEN", dad));
        Map<String, Object> atSecondary = single(secondary.listed("OPEN", dad));
        assertEquals(List.of(younger.id().intValue()), list(atPrimary.get("children")).stream().map(c -> c.get("pupilId")).toList());
        assertEquals(List.of(older.id().intValue()), list(atSecondary.get("children")).stream().map(c -> c.get("pupilId")).toList());
        assertEquals(atPrimary.get("body"), atSecondary.get("body"));
        worker.drain();
        assertEquals(1, fcm.sentTo(primary.officer.device()).size());
        assertEquals(1, fcm.sentTo(secondary.officer.device()).size());
    }

    @Test
    void anUnknownNumberStopAndAReplyToTheMorningTextMakeNoItemAndTheSameMessageTwiceMakesOne() {
        School s = new School();
        PupilRecord child = s.child("Noah");
        String mobile = Fixtures.uniqueMobile();
        ContactRecord parent = s.link(child, mobile);
        setClock("08:10");
        String stranger = Fixtures.uniqueMobile();

        text(stranger, "Who is this?");
        text(mobile, "STOP");
        Map<String, String> fields = SignedInboundText.fields(SignedInboundText.newSid(), mobile, "Noah is poorly");
        assertEquals(200, SignedInboundText.post(http, fields).code());
        assertEquals(200, SignedInboundText.post(http, fields).code());

        assertEquals(0, itemsOf(stranger), "an unknown number");
        assertEquals(List.of("KEYWORD", "UNMATCHED"), db.rows("SELECT outcome FROM text_reply WHERE from_number = ? ORDER BY id",
                mobile).stream().map(r -> r.get("outcome")).toList());
        assertEquals(1, itemsOf(mobile), "STOP makes none; the same MessageSid twice makes one");
        assertEquals(1, s.listed("OPEN", parent).size());
        worker.drain();
        assertEquals(1, fcm.sentTo(s.officer.device()).size(), "pushed once");

        // the morning: the register closes with Noah unmarked, the 09:30 text goes, and the reply to it is a reply
        s.sweep("09:10");
        s.sweep("09:30");
        setClock("09:40");
        text(mobile, "Still poorly, sorry");
        assertEquals(1, itemsOf(mobile), "a reply to the morning text is read as before, not put to review");
        assertEquals(1, db.rows("SELECT id FROM absence_report WHERE pupil_id = ?", child.id()).size());
    }

    @Test
    void staffMarkATextDoneWithANoteOnceAndOnlyAtTheirSchool() {
        School s = new School();
        School other = new School(s.trust);
        PupilRecord child = s.child("Ava");
        String mobile = Fixtures.uniqueMobile();
        ContactRecord parent = s.link(child, mobile);
        setClock("08:15");
        text(mobile, "Ava has a dentist appointment at 10, she will be in after");
        long id = ((Number) single(s.listed("OPEN", parent)).get("id")).longValue();

        // the wrong school, a class teacher, a note too long: nothing changes
        assertEquals(404, status(() -> postJson(other.done(id), Map.of(), other.officer.token())));
        assertEquals(404, status(() -> postJson(s.done(id), Map.of(), other.officer.token())));
        assertEquals(403, status(() -> postJson(s.done(id), Map.of(), s.teacher.token())));
        assertEquals(403, status(() -> getList(s.texts(null), s.teacher.token())));
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> postJson(s.done(id), Map.of("note", "x".repeat(501)), s.officer.token())), 400, "note", "500");
        assertEquals(1, s.listed("OPEN", parent).size());

        setClock("08:40");
        Map<String, Object> done = postJson(s.done(id), Map.of("note", "Recorded as M on the register"), s.officer.token());
        assertEquals("DONE", done.get("status"));
        assertEquals(WED + "T08:40:00Z", done.get("handledAt"));
        assertEquals(s.officer.record().name(), done.get("handledBy"));
        assertEquals("Recorded as M on the register", done.get("note"));
        assertEquals(List.of(), s.listed("OPEN", parent));
        assertEquals(done, single(s.listed("DONE", parent)));

        setClock("08:45");
        assertEquals(done, postJson(s.done(id), Map.of("note", "Again"), s.head.token()), "already done: unchanged");
        assertEquals(done, http.toBlocking().retrieve(HttpRequest.POST(s.done(id), "").bearerAuth(s.officer.token()),
                Json.OBJECT), "no body");
        worker.drain();
        assertEquals(List.of("CANCELLED"), db.rows("SELECT status FROM outbox_message WHERE purpose = 'text-review'"
                + " AND to_person_id = ?", s.officer.record().id()).stream().map(r -> r.get("status")).toList(),
                "a push that had not gone yet is not sent about a text already done");
        assertEquals(List.of(), fcm.sentTo(s.officer.device()));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private int itemsOf(String mobile) {
        return db.rows("SELECT r.id FROM text_review r JOIN text_reply t ON t.id = r.text_reply_id WHERE t.from_number = ?",
                mobile).size();
    }

    private HttpResponse<String> text(String from, String body) {
        return SignedInboundText.post(http, SignedInboundText.fields(SignedInboundText.newSid(), from, body));
    }

    private static void setClock(String time) {
        Instant target = Instant.parse(WED + "T" + time + ":00Z");
        CLOCK.advance(Duration.between(CLOCK.instant(), target));
    }

    private List<Map<String, Object>> getList(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Json.LIST);
    }

    private Map<String, Object> postJson(String uri, Object body, String token) {
        return http.toBlocking().retrieve(HttpRequest.POST(uri, body).bearerAuth(token), Json.OBJECT);
    }

    private static int status(Runnable call) {
        return assertThrows(HttpClientResponseException.class, call::run).getStatus().getCode();
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
