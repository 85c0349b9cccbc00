package uk.attendance.notify.outbox;

import uk.attendance.notify.push.PushMessage;
import uk.attendance.notify.text.FakeTwilio;
import uk.attendance.notify.text.SignedInboundText;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twilio's status callback (signature checked with the SDK's validator against the public URL) and the staff list of
 * a school's messages, over HTTP.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
@Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
@Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
@Property(name = "attendance.public-url", value = NotificationsHttpTest.PUBLIC_URL)
@Property(name = "attendance.outbox.poller", value = "false")
class NotificationsHttpTest {
    static final String PUBLIC_URL = "https://attendance.example.org";
    static final String STATUS_URL = PUBLIC_URL + "/webhooks/twilio/status";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Outbox outbox;
    @Inject
    OutboxWorker worker;
    @Inject
    FakeTwilio twilio;
    @Inject
    Fixtures fixtures;

    @Test
    void aSignedStatusCallbackRecordsDeliveryOnTheTextAndALateReportNeverMovesItBack() {
        String key = sentText(About.NOTHING);
        String sid = outbox.byDedupeKey(key).orElseThrow().providerRef();

        assertEquals(204, callback(Map.of("MessageSid", sid, "MessageStatus", "sent", "AccountSid", FakeTwilio.ACCOUNT_SID,
                "SmsSid", sid, "ApiVersion", "2010-04-01"), true).code());
        assertEquals("sent", outbox.byDedupeKey(key).orElseThrow().deliveryStatus());
        assertEquals(204, callback(Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003",
                "AccountSid", FakeTwilio.ACCOUNT_SID), true).code());
        assertEquals(204, callback(Map.of("MessageSid", sid, "MessageStatus", "sending",
                "AccountSid", FakeTwilio.ACCOUNT_SID), true).code());

        OutboxRecord text = outbox.byDedupeKey(key).orElseThrow();
        assertEquals("undelivered", text.deliveryStatus());
        assertEquals("30003", text.deliveryErrorCode());
        assertEquals(OutboxRecord.Status.SENT, text.status(), "handed over all the same");
    }

    @Test
    void aCallbackWithoutAValidSignatureIs403AndChangesNothing() {
        String key = sentText(About.NOTHING);
        String sid = outbox.byDedupeKey(key).orElseThrow().providerRef();
        Map<String, String> delivered = Map.of("MessageSid", sid, "MessageStatus", "delivered");

        HttpClientResponseException unsigned = assertThrows(HttpClientResponseException.class, () -> callback(delivered, false));
        HttpClientResponseException forged = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/webhooks/twilio/status", form(delivered))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("X-Twilio-Signature", signature(Map.of("MessageSid", sid, "MessageStatus", "failed"))),
                String.class));
        HttpClientResponseException otherUrl = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/webhooks/twilio/status", form(delivered))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("X-Twilio-Signature", signature("http://localhost/webhooks/twilio/status", delivered)),
                String.class));

        for (HttpClientResponseException e : List.of(unsigned, forged, otherUrl)) {
            assertEquals(403, e.getStatus().getCode());
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        }
        assertNull(outbox.byDedupeKey(key).orElseThrow().deliveryStatus());
    }

    @Test
    void aSignedCallbackForATextOutsideTheOutboxIsAcknowledgedAndOneWithoutASidIs400() {
        assertEquals(204, callback(Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "MessageStatus", "delivered"), true).code());
        HttpClientResponseException noSid = assertThrows(HttpClientResponseException.class,
                () -> callback(Map.of("MessageStatus", "delivered"), true));
        assertEquals(400, noSid.getStatus().getCode());
    }

    @Test
    void staffSeeTheirSchoolsMessagesWithMaskedNumbersAndNoBodies() {
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        SchoolRecord otherSchool = fixtures.school(trust);
        PupilRecord pupil = fixtures.pupil(school, "4B");
        PupilRecord classmate = fixtures.pupil(school, "4B");
        String officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        String mobile = Fixtures.uniqueMobile();
        String textKey = sentText(About.pupil(school.id(), pupil.id()), mobile);
        twilio.failNextTextsTo(mobile, 1, 400, 21211);
        String failedKey = "test:" + UUID.randomUUID();
        outbox.enqueue(OutboxMessage.text(failedKey, "test-text", mobile, "Where is Pupil?", About.pupil(school.id(), classmate.id())));
        worker.drain();
        String pushKey = "test:" + UUID.randomUUID();
        outbox.enqueue(OutboxMessage.push(pushKey, "call-task", Caller.Kind.STAFF, 77,
                new PushMessage("Call task", "A pupil is not in school"), About.pupil(school.id(), classmate.id())));
        outbox.enqueue(OutboxMessage.text("test:" + UUID.randomUUID(), "test-text", mobile, "Elsewhere",
                About.pupil(otherSchool.id(), 1)));

        List<Map<String, Object>> all = list(officer, "/schools/" + school.id() + "/notifications");
        List<Map<String, Object>> failed = list(officer, "/schools/" + school.id() + "/notifications?status=FAILED");
        List<Map<String, Object>> aboutPupil = list(officer, "/schools/" + school.id() + "/notifications?pupilId=" + pupil.id());
        List<Map<String, Object>> firstPage = list(officer, "/schools/" + school.id() + "/notifications?limit=2");
        List<Map<String, Object>> secondPage = list(officer, "/schools/" + school.id() + "/notifications?limit=2&before="
                + firstPage.get(1).get("id"));

        assertEquals(List.of(id(pushKey), id(failedKey), id(textKey)), all.stream().map(m -> ((Number) m.get("id")).longValue()).toList());
        Map<String, Object> push = all.get(0);
        assertEquals("PUSH", push.get("channel"));
        assertEquals("call-task", push.get("purpose"));
        assertEquals(Map.of("kind", "STAFF", "id", 77), push.get("toPerson"));
        assertEquals("PENDING", push.get("status"));
        assertTrue(push.containsKey("nextAttemptAt"));
        Map<String, Object> text = all.get(2);
        assertEquals("TEXT", text.get("channel"));
        assertEquals(mobile.substring(0, 3) + "*******" + mobile.substring(mobile.length() - 3), text.get("toNumber"));
        assertEquals("SENT", text.get("status"));
        assertEquals(((Number) text.get("pupilId")).longValue(), pupil.id());
        assertTrue(String.valueOf(text.get("providerReference")).startsWith("SM"));
        assertFalse(text.containsKey("body"));
        assertFalse(all.toString().contains(mobile), "no full number anywhere");
        assertFalse(all.toString().contains("Where is"), "no bodies");
        assertEquals(List.of("TWILIO_21211"), failed.stream().map(m -> m.get("lastError")).toList());
        assertEquals(1, aboutPupil.size());
        assertEquals(2, firstPage.size());
        assertEquals(List.of(id(textKey)), secondPage.stream().map(m -> ((Number) m.get("id")).longValue()).toList());
        worker.drain(); // leave nothing pending for other tests' workers (the database is shared)
    }

    @Test
    void aBadFilterIs400() {
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        String officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.HEADTEACHER));
        for (String query : List.of("status=LOST", "limit=0", "limit=201", "pupilId=0")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> list(officer, "/schools/" + school.id() + "/notifications?" + query), query);
            assertEquals(400, e.getStatus().getCode(), query);
        }
    }

    private long id(String key) {
        return outbox.byDedupeKey(key).orElseThrow().id();
    }

    private List<Map<String, Object>> list(String token, String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private String sentText(About about) {
        return sentText(about, Fixtures.uniqueMobile());
    }

    private String sentText(About about, String mobile) {
        String key = "test:" + UUID.randomUUID();
        outbox.enqueue(OutboxMessage.text(key, "test-text", mobile, "Where is Sam?", about));
        worker.drain();
        assertEquals(OutboxRecord.Status.SENT, outbox.byDedupeKey(key).orElseThrow().status());
        return key;
    }

    private HttpResponse<String> callback(Map<String, String> fields, boolean signed) {
        var request = HttpRequest.POST("/webhooks/twilio/status", form(fields))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (signed) {
            request.header("X-Twilio-Signature", signature(fields));
        }
        return http.toBlocking().exchange(request, String.class);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String signature(Map<String, String> fields) {
        return signature(STATUS_URL, fields);
    }

    static String signature(String url, Map<String, String> fields) {
        return SignedInboundText.sign(url, fields);
    }
}
