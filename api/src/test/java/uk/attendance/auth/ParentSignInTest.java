package uk.attendance.auth;

import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.contract.model.ParentCodeSent;
import uk.attendance.contract.model.Problem;
import uk.attendance.contract.model.TokenPair;
import uk.attendance.notify.text.FakeTwilio;
import uk.attendance.notify.outbox.OutboxWorker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

@MicronautTest(transactional = false)
@Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
@Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
@Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
@Property(name = "attendance.trust-name", value = "Oak Test Trust")
@Property(name = "attendance.trusted-proxies", value = SignInFixture.TEST_CLIENT_IS_A_PROXY)
@Property(name = "attendance.outbox.poller", value = "false")
@Property(name = "attendance.outbox.retry-base", value = "30s")
class ParentSignInTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static final Pattern TEXT = Pattern.compile(
            "Your Oak Test Trust sign-in code is (\\d{6})\\. It expires in 10 minutes\\. Never share it\\.");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    SignInFixture fixture;
    @Inject
    FakeTwilio twilio;
    @Inject
    OutboxWorker outbox;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @Test
    void aKnownParentIsTextedACodeThatSignsThemIn() {
        var parent = fixture.parent();

        HttpResponse<ParentCodeSent> sent = ask(parent.typed(), SignInFixture.uniqueClient());

        assertEquals(HttpStatus.ACCEPTED, sent.getStatus());
        assertEquals(600, sent.body().getExpiresInSeconds());
        assertEquals(List.of(), twilio.textsTo(parent.mobile()), "Twilio is not called while the parent waits");
        List<FakeTwilio.Received> texts = sentTo(parent.mobile());
        assertEquals(1, texts.size());
        FakeTwilio.Received text = texts.get(0);
        assertEquals("/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json", text.path());
        assertEquals(FakeTwilio.FROM_NUMBER, text.from());
        assertTrue(text.authorization().startsWith("Basic "), text.authorization());

        TokenPair tokens = verify(parent.mobile(), codeIn(text));

        assertEquals(new Caller(Caller.Kind.PARENT, parent.id(), parent.trustId(), Optional.empty(), Set.of(Roles.PARENT),
                "Pat Parent", ""), fixture.callerOf(tokens.getAccessToken()));
        // The server accepts the token (403 for a role, not 401 for a stranger).
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/dev/texts").bearerAuth(tokens.getAccessToken()), String.class));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        TokenPair refreshed = client.toBlocking().retrieve(
                HttpRequest.POST("/auth/refresh", Map.of("refreshToken", tokens.getRefreshToken())), TokenPair.class);
        assertEquals(parent.id(), fixture.callerOf(refreshed.getAccessToken()).id());
    }

    @Test
    void aCodeWorksOnlyOnce() {
        var parent = fixture.parent();
        ask(parent.mobile(), SignInFixture.uniqueClient());
        String code = codeIn(sentTo(parent.mobile()).get(0));
        verify(parent.typed(), code);

        Problem again = verifyRefused(parent.mobile(), code);

        assertEquals("No sign-in code is waiting for this number. Ask for a new code.", again.getDetail());
    }

    @Test
    void anUnknownNumberGetsTheSameAnswersAndTheSameWritesButNoText() {
        var parent = fixture.parent();
        String unknown = SignInFixture.uniqueMobile();

        HttpResponse<ParentCodeSent> known = ask(parent.mobile(), SignInFixture.uniqueClient());
        HttpResponse<ParentCodeSent> stranger = ask(unknown, SignInFixture.uniqueClient());

        assertEquals(known.getStatus(), stranger.getStatus());
        assertEquals(HttpStatus.ACCEPTED, stranger.getStatus());
        assertEquals(known.body(), stranger.body());
        assertEquals(known.getContentType(), stranger.getContentType());
        // the same work before the answer: a code row and a pending text in the outbox, for either number
        assertEquals(List.of("PENDING"), textStates(parent.mobile()));
        assertEquals(List.of("PENDING"), textStates(unknown));
        assertEquals(1, fixture.rows("SELECT id FROM sign_in_code WHERE mobile = ?", unknown).size());

        assertEquals(1, sentTo(parent.mobile()).size());
        assertEquals(List.of(), twilio.textsTo(unknown));
        assertEquals(List.of(Map.of("status", "CANCELLED", "last_error", "NOT_A_CONTACT")), fixture.rows(
                "SELECT status, last_error FROM outbox_message WHERE to_number = ?", unknown));
        String wrongForKnown = otherThan(codeIn(sentTo(parent.mobile()).get(0)));
        assertEquals(verifyRefused(parent.mobile(), wrongForKnown), withoutInstance(verifyRefused(unknown, "123456")));
    }

    @Test
    void aNumberThatIsNotAUkMobileIs400NamingMobile() {
        for (String typed : List.of("01632 960123", "+33 6 12 34 56 78", "call me")) {
            var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.POST("/auth/parent/code", Map.of("mobile", typed)), String.class));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
            Problem problem = e.getResponse().getBody(Problem.class).orElseThrow();
            assertEquals("mobile", problem.getErrors().get(0).getField(), typed);
        }
    }

    @Test
    void theFifthWrongCodeLocksTheCodeSoEvenTheRightOneFails() {
        var parent = fixture.parent();
        ask(parent.mobile(), SignInFixture.uniqueClient());
        String code = codeIn(sentTo(parent.mobile()).get(0));

        for (int tries = 4; tries >= 1; tries--) {
            assertTrue(verifyRefused(parent.mobile(), otherThan(code)).getDetail()
                    .contains("(" + tries + (tries == 1 ? " try" : " tries") + " left)"));
        }
        assertTrue(verifyRefused(parent.mobile(), otherThan(code)).getDetail().contains("now locked"));
        Problem rightButLocked = verifyRefused(parent.mobile(), code);

        assertEquals("This code is locked after 5 wrong tries. Ask for a new code.", rightButLocked.getDetail());
        var row = fixture.rows("SELECT state, attempts FROM sign_in_code WHERE mobile = ?", parent.mobile()).get(0);
        assertEquals("LOCKED", row.get("state"));
        assertEquals(5, row.get("attempts"));
    }

    @Test
    void aCodeExpiresAfter10Minutes() {
        var parent = fixture.parent();
        ask(parent.mobile(), SignInFixture.uniqueClient());
        String code = codeIn(sentTo(parent.mobile()).get(0));

        CLOCK.advance(Duration.ofMinutes(10));
        Problem problem = verifyRefused(parent.mobile(), code);

        assertEquals(401, problem.getStatus());
        assertEquals("This code has expired: codes last 10 minutes. Ask for a new code.", problem.getDetail());
    }

    @Test
    void aNewCodeReplacesTheOlderOne() {
        var parent = fixture.parent();
        ask(parent.mobile(), SignInFixture.uniqueClient());
        String older = codeIn(sentTo(parent.mobile()).get(0));
        ask(parent.mobile(), SignInFixture.uniqueClient());
        String newer = codeIn(sentTo(parent.mobile()).get(1));
        assumeFalse(older.equals(newer), "the two random codes happen to be equal");

        assertEquals(401, verifyRefused(parent.mobile(), older).getStatus());
        assertEquals(parent.id(), fixture.callerOf(verify(parent.mobile(), newer).getAccessToken()).id());
        assertEquals(List.of("SUPERSEDED", "USED"), fixture.rows(
                "SELECT state FROM sign_in_code WHERE mobile = ? ORDER BY id", parent.mobile()).stream().map(r -> r.get("state")).toList());
    }

    @Test
    void aCodeReplacedBeforeItsTextWentIsNotTexted() {
        var parent = fixture.parent();
        ask(parent.mobile(), SignInFixture.uniqueClient());
        ask(parent.mobile(), SignInFixture.uniqueClient());

        List<FakeTwilio.Received> texts = sentTo(parent.mobile());

        assertEquals(1, texts.size());
        assertEquals(List.of("CANCELLED", "SENT"), textStates(parent.mobile()));
        assertEquals(parent.id(), fixture.callerOf(verify(parent.mobile(), codeIn(texts.get(0))).getAccessToken()).id());
    }

    @Test
    void aTextThatCouldNotGoBeforeTheCodeExpiredIsNotSent() {
        var parent = fixture.parent();
        ask(parent.mobile(), SignInFixture.uniqueClient());

        CLOCK.advance(Duration.ofMinutes(10));

        assertEquals(List.of(), sentTo(parent.mobile()));
        assertEquals(List.of(Map.of("status", "CANCELLED", "last_error", "CODE_EXPIRED")), fixture.rows(
                "SELECT status, last_error FROM outbox_message WHERE to_number = ?", parent.mobile()));
    }

    @Test
    void theCodeIsNeverStoredInPlainText() {
        var parent = fixture.parent();
        ask(parent.mobile(), SignInFixture.uniqueClient());
        String code = codeIn(sentTo(parent.mobile()).get(0));
        verify(parent.mobile(), code);

        var written = new java.util.ArrayList<Map<String, Object>>();
        written.addAll(fixture.rows("SELECT * FROM sign_in_code WHERE mobile = ?", parent.mobile()));
        written.addAll(fixture.rows("SELECT * FROM refresh_token WHERE subject = ?", "parent:" + parent.id()));
        written.addAll(fixture.rows("SELECT * FROM contact WHERE id = ?", parent.id()));
        written.addAll(fixture.rows("SELECT * FROM dev_text WHERE recipient = ?", parent.mobile()));
        written.addAll(fixture.rows("SELECT * FROM outbox_message WHERE to_number = ?", parent.mobile()));

        assertEquals(4, written.size(), "the code, the refresh token, the contact and the sent text: " + written);
        assertEquals(SignInCodeTexts.FORGOTTEN_BODY, written.get(3).get("body"));
        for (Map<String, Object> row : written) {
            row.forEach((column, value) -> assertFalse(String.valueOf(value).contains(code), column + " holds the code"));
        }
        String hash = (String) written.get(0).get("code_hash");
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    }

    @Test
    void theSixthCodeForANumberWithin15MinutesIs429UntilTheWindowPasses() {
        var parent = fixture.parent();
        for (int i = 0; i < 5; i++) {
            ask(parent.mobile(), SignInFixture.uniqueClient());
        }

        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                codeRequest(parent.mobile(), SignInFixture.uniqueClient()), String.class));

        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertEquals("900", e.getResponse().header("Retry-After"));
        assertEquals(5, textStates(parent.mobile()).size(), "the refused request wrote no text");

        CLOCK.advance(Duration.ofMinutes(15));
        assertEquals(HttpStatus.ACCEPTED, ask(parent.mobile(), SignInFixture.uniqueClient()).getStatus());
    }

    @Test
    void oneClientMayAskFor20CodesIn15Minutes() {
        String client = SignInFixture.uniqueClient();
        for (int i = 0; i < 20; i++) {
            ask(SignInFixture.uniqueMobile(), client);
        }

        var e = assertThrows(HttpClientResponseException.class, () -> this.client.toBlocking().exchange(
                codeRequest(SignInFixture.uniqueMobile(), SignInFixture.uniqueClient() + ", " + client), String.class));

        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        assertTrue(e.getResponse().getBody(Problem.class).orElseThrow().getDetail().contains("network"));
        assertEquals(HttpStatus.ACCEPTED, ask(SignInFixture.uniqueMobile(), SignInFixture.uniqueClient()).getStatus());
    }

    @Test
    void whenTwilioFailsTheAnswerIsStill202AndTheOutboxTriesAgain() {
        var parent = fixture.parent();
        twilio.failNextTextsTo(parent.mobile(), 1, 500, 20500);

        HttpResponse<ParentCodeSent> sent = ask(parent.mobile(), SignInFixture.uniqueClient());

        assertEquals(HttpStatus.ACCEPTED, sent.getStatus());
        assertEquals(AuthController.CODE_SENT, sent.body().getMessage());
        assertEquals(1, sentTo(parent.mobile()).size(), "Twilio was asked once");
        assertEquals(0, twilio.acceptedTextsTo(parent.mobile()));
        var row = fixture.rows("SELECT status, attempts, last_error FROM outbox_message WHERE to_number = ?", parent.mobile());
        assertEquals(List.of(Map.of("status", "PENDING", "attempts", 1, "last_error", "TWILIO_20500")), row);

        CLOCK.advance(Duration.ofSeconds(30));
        List<FakeTwilio.Received> texts = sentTo(parent.mobile());

        assertEquals(2, texts.size());
        assertEquals(1, twilio.acceptedTextsTo(parent.mobile()));
        assertEquals(parent.id(), fixture.callerOf(verify(parent.mobile(), codeIn(texts.get(1))).getAccessToken()).id());
    }

    @Test
    void devTextsAre404WhenTextsGoThroughTwilio() {
        String staffToken = fixture.token(Caller.Kind.STAFF, Roles.TRUST_ADMIN);

        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/dev/texts").bearerAuth(staffToken), String.class));

        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    /** The texts Twilio was asked to send to this number, once the outbox has sent what is due. */
    private List<FakeTwilio.Received> sentTo(String mobile) {
        outbox.drain();
        return twilio.textsTo(mobile);
    }

    private List<Object> textStates(String mobile) {
        return fixture.rows("SELECT status FROM outbox_message WHERE to_number = ? ORDER BY id", mobile).stream()
                .map(r -> r.get("status")).toList();
    }

    private HttpRequest<?> codeRequest(String mobile, String clientAddress) {
        return HttpRequest.POST("/auth/parent/code", Map.of("mobile", mobile)).header("X-Forwarded-For", clientAddress);
    }

    private HttpResponse<ParentCodeSent> ask(String mobile, String clientAddress) {
        return client.toBlocking().exchange(codeRequest(mobile, clientAddress), ParentCodeSent.class);
    }

    private TokenPair verify(String mobile, String code) {
        return client.toBlocking().retrieve(
                HttpRequest.POST("/auth/parent/verify", Map.of("mobile", mobile, "code", code)), TokenPair.class);
    }

    private Problem verifyRefused(String mobile, String code) {
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/auth/parent/verify", Map.of("mobile", mobile, "code", code)), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        return withoutInstance(e.getResponse().getBody(Problem.class).orElseThrow());
    }

    private static Problem withoutInstance(Problem problem) {
        return problem.instance(null);
    }

    private static String codeIn(FakeTwilio.Received text) {
        Matcher m = TEXT.matcher(text.body());
        assertTrue(m.matches(), text.body());
        return m.group(1);
    }

    private static String otherThan(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }
}
