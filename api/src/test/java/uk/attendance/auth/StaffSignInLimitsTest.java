package uk.attendance.auth;

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
import uk.attendance.contract.model.Problem;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing is slowed per account and client address, with a wait that doubles, and per client address
 * overall; a stranger cannot lock a member of staff out. The test client is a trusted proxy, so each request's
 * client is the address in its X-Forwarded-For.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.trusted-proxies", value = SignInFixture.TEST_CLIENT_IS_A_PROXY)
class StaffSignInLimitsTest {
    private static final MutableClock CLOCK = new MutableClock();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    SignInFixture fixture;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @Test
    void aStrangersWrongPasswordsDoNotStopTheHeadSigningInFromAnotherAddress() {
        var head = fixture.staff("HEADTEACHER", true);
        String stranger = SignInFixture.uniqueClient();
        String headsLaptop = SignInFixture.uniqueClient();
        for (int i = 0; i < StaffSignInLimits.FREE_FAILURES; i++) {
            assertEquals(401, attempt(head.email(), "guess-" + i, stranger).code());
        }

        Attempt refused = attempt(head.email(), "guess-again", stranger);
        Attempt rightButStranger = attempt(head.email(), head.password(), stranger);

        assertEquals(429, refused.code());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("30", refused.retryAfter());
        assertEquals("https://attendance.example.org/problems/rate-limited", refused.problem().getType());
        assertEquals("Too many wrong passwords for this account from your device. Try again in 30 seconds.",
                refused.problem().getDetail());
        assertEquals(429, rightButStranger.code(), "the stranger's own pair waits, whatever they type");
        assertEquals(200, attempt(head.email(), head.password(), headsLaptop).code());
        assertEquals(200, attempt(head.email().toUpperCase(), head.password(), SignInFixture.uniqueClient()).code());
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToFifteenMinutes() {
        var staff = fixture.staff("TEACHER", true);
        String guesser = SignInFixture.uniqueClient();
        for (int i = 0; i < StaffSignInLimits.FREE_FAILURES; i++) {
            assertEquals(401, attempt(staff.email(), "guess-" + i, guesser).code());
        }
        long expected = 30;
        for (int round = 0; round < 7; round++) {
            Attempt refused = attempt(staff.email(), "too-soon", guesser);
            assertEquals(429, refused.code());
            assertEquals(Long.toString(expected), refused.retryAfter(), "round " + round);

            CLOCK.advance(Duration.ofSeconds(expected - 1));
            assertEquals(429, attempt(staff.email(), "still-too-soon", guesser).code());
            assertEquals("1", attempt(staff.email(), "still-too-soon", guesser).retryAfter(),
                    "refused attempts do not extend the wait");
            CLOCK.advance(Duration.ofSeconds(1));
            assertEquals(401, attempt(staff.email(), "guess-after-wait-" + round, guesser).code());
            expected = Math.min(expected * 2, 900);
        }
        assertEquals("900", attempt(staff.email(), "too-soon", guesser).retryAfter());
        assertEquals(200, attempt(staff.email(), staff.password(), SignInFixture.uniqueClient()).code());
    }

    @Test
    void afterAnHourWithoutFailuresTheCountStartsAgain() {
        var staff = fixture.staff("TEACHER", true);
        String client = SignInFixture.uniqueClient();
        for (int i = 0; i < StaffSignInLimits.FREE_FAILURES; i++) {
            assertEquals(401, attempt(staff.email(), "typo-" + i, client).code());
        }
        assertEquals(429, attempt(staff.email(), staff.password(), client).code());

        CLOCK.advance(StaffSignInLimits.PAIR_WINDOW);

        assertEquals(401, attempt(staff.email(), "typo-again", client).code());
        assertEquals(200, attempt(staff.email(), staff.password(), client).code());
    }

    @Test
    void oneClientAddressMayFailAHundredTimesIn15MinutesOnAnyAccounts() {
        String sprayer = SignInFixture.uniqueClient();
        // 99 earlier failures on 99 accounts (written directly: 99 real bcrypt checks would only slow the test)
        LocalDateTime now = LocalDateTime.now(CLOCK).withNano(0);
        for (int i = 0; i < StaffSignInLimits.PER_CLIENT - 1; i++) {
            fixture.update("INSERT INTO staff_sign_in_failure (email, client, failed_at) VALUES (?, ?, ?)",
                    "sprayed-" + i + "@school.example.org", sprayer, now);
        }
        assertEquals(401, attempt("sprayed-last@school.example.org", "Winter2025!", sprayer).code());
        var staff = fixture.staff("TEACHER", true);

        Attempt refused = attempt(staff.email(), staff.password(), sprayer);

        assertEquals(429, refused.code());
        assertEquals("900", refused.retryAfter());
        assertEquals("Too many failed sign-ins from your network. Try again in 15 minutes.", refused.problem().getDetail());
        assertEquals(200, attempt(staff.email(), staff.password(), SignInFixture.uniqueClient()).code());
        CLOCK.advance(StaffSignInLimits.CLIENT_WINDOW);
        assertEquals(200, attempt(staff.email(), staff.password(), sprayer).code());
    }

    @Test
    void aForgedForwardedForBehindTheProxyCountsAgainstTheAddressTheProxySaw() {
        var staff = fixture.staff("TEACHER", true);
        String real = SignInFixture.uniqueClient();
        for (int i = 0; i < StaffSignInLimits.FREE_FAILURES; i++) {
            // the caller prepends a new made-up address each time; the proxy appends the one it saw
            assertEquals(401, attempt(staff.email(), "guess-" + i, SignInFixture.uniqueClient() + ", " + real).code());
        }

        assertEquals(429, attempt(staff.email(), "guess", SignInFixture.uniqueClient() + ", " + real).code());
        assertEquals(Long.valueOf(StaffSignInLimits.FREE_FAILURES), fixture.rows(
                "SELECT COUNT(*) AS n FROM staff_sign_in_failure WHERE email = ? AND client = ?", staff.email(), real)
                .get(0).get("n"));
    }

    private record Attempt(int code, String retryAfter, String contentType, Problem problem) {
    }

    private Attempt attempt(String email, String password, String forwardedFor) {
        try {
            HttpResponse<?> response = client.toBlocking().exchange(HttpRequest.POST("/auth/staff/login",
                    Map.of("email", email, "password", password)).header("X-Forwarded-For", forwardedFor));
            return new Attempt(response.code(), response.header("Retry-After"), null, null);
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            String type = response.getContentType().map(Object::toString).orElse(null);
            Problem problem = e.getResponse().getBody(Problem.class).orElse(null);
            assertTrue(e.getStatus().getCode() != 429 || response.header("Retry-After") != null, "429 without Retry-After");
            return new Attempt(e.getStatus().getCode(), response.header("Retry-After"), type, problem);
        }
    }
}
