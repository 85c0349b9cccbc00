package uk.attendance.notify.text;

import uk.attendance.notify.outbox.OutboxWorker;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.contract.model.DevText;
import uk.attendance.contract.model.Problem;
import uk.attendance.contract.model.TokenPair;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Without Twilio credentials (a newcomer's laptop) texts land in dev_text, and the trust admin can read those to their
 * own trust's parents/carers. Nobody else: the texts carry sign-in codes.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.outbox.poller", value = "false")
class DevTextsTest {
    private static final Pattern CODE = Pattern.compile("sign-in code is (\\d{6})\\.");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    SignInFixture fixture;
    @Inject
    SmsSender sms;
    @Inject
    OutboxWorker outbox;

    @Test
    void withoutTwilioASignInCodeIsWrittenToDevTextsAndTheTrustAdminCanReadIt() {
        var parent = fixture.parent();
        // Not trusted by default: the limit counts the real peer address, not this header.
        client.toBlocking().exchange(HttpRequest.POST("/auth/parent/code", Map.of("mobile", parent.typed()))
                .header("X-Forwarded-For", "203.0.113.9"));
        String admin = fixture.staffToken(parent.trustId(), Roles.TRUST_ADMIN);

        // the code goes through the outbox (its poller is off here: sent by hand)
        outbox.drain();
        List<DevText> texts = client.toBlocking().retrieve(HttpRequest.GET("/dev/texts?to=" + parent.typed().replace(" ", "%20"))
                .bearerAuth(admin), Argument.listOf(DevText.class));

        assertEquals(1, texts.size());
        DevText text = texts.get(0);
        assertEquals(parent.mobile(), text.getTo());
        Matcher code = CODE.matcher(text.getBody());
        assertTrue(code.find(), text.getBody());
        assertEquals(List.of("127.0.0.1"), fixture.rows("SELECT client FROM sign_in_code WHERE mobile = ?", parent.mobile())
                .stream().map(r -> r.get("client")).toList());
        TokenPair tokens = client.toBlocking().retrieve(HttpRequest.POST("/auth/parent/verify",
                Map.of("mobile", parent.mobile(), "code", code.group(1))), TokenPair.class);
        assertEquals(parent.id(), fixture.callerOf(tokens.getAccessToken()).id());
    }

    @Test
    void theTrustsDevTextsComeNewestFirst() {
        long trust = fixture.trust();
        String first = fixture.parentIn(trust).mobile();
        String second = fixture.parentIn(trust).mobile();
        sms.send(first, "one");
        sms.send(second, "two");

        List<DevText> texts = client.toBlocking().retrieve(HttpRequest.GET("/dev/texts")
                .bearerAuth(fixture.staffToken(trust, Roles.TRUST_ADMIN)), Argument.listOf(DevText.class));

        assertEquals(List.of(second, first), texts.stream().map(DevText::getTo).toList());
        assertEquals(List.of("two", "one"), texts.stream().map(DevText::getBody).toList());
        assertFalse(texts.get(1).getSentAt().isAfter(texts.get(0).getSentAt()));
    }

    @Test
    void anotherTrustsAdminSeesNoneOfItsTexts() {
        var parent = fixture.parent();
        sms.send(parent.mobile(), "Your sign-in code is 123456.");
        long otherTrust = fixture.trust();
        fixture.parentIn(otherTrust);
        String otherAdmin = fixture.staffToken(otherTrust, Roles.TRUST_ADMIN);

        List<DevText> all = client.toBlocking().retrieve(HttpRequest.GET("/dev/texts").bearerAuth(otherAdmin),
                Argument.listOf(DevText.class));
        List<DevText> toThatParent = client.toBlocking().retrieve(HttpRequest.GET("/dev/texts?to=" + parent.mobile().replace("+", "%2B"))
                .bearerAuth(otherAdmin), Argument.listOf(DevText.class));

        assertEquals(List.of(), all);
        assertEquals(List.of(), toThatParent);
        // the parent's own trust admin does see it
        assertEquals(1, client.toBlocking().retrieve(HttpRequest.GET("/dev/texts?to=" + parent.mobile().replace("+", "%2B"))
                .bearerAuth(fixture.staffToken(parent.trustId(), Roles.TRUST_ADMIN)), Argument.listOf(DevText.class)).size());
    }

    @Test
    void devTextsAreForTheTrustAdminOnly() {
        var parent = fixture.parent();
        sms.send(parent.mobile(), "Your sign-in code is 654321.");
        for (String role : List.of(Roles.TEACHER, Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER)) {
            var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.GET("/dev/texts").bearerAuth(fixture.staffToken(parent.trustId(), role)), String.class));
            assertEquals(HttpStatus.FORBIDDEN, e.getStatus(), role);
            assertFalse(e.getResponse().getBody(String.class).orElse("").contains("654321"), role);
        }
        var asParent = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/dev/texts").bearerAuth(fixture.token(Caller.Kind.PARENT, Roles.PARENT)), String.class));
        var anonymous = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/dev/texts"), String.class));

        assertEquals(HttpStatus.FORBIDDEN, asParent.getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void aFilterThatIsNotAUkMobileIs400NamingTo() {
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/dev/texts?to=12345").bearerAuth(fixture.token(Caller.Kind.STAFF, Roles.TRUST_ADMIN)), String.class));

        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("to", e.getResponse().getBody(Problem.class).orElseThrow().getErrors().get(0).getField());
    }
}
