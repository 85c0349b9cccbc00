package uk.attendance.auth;

import uk.attendance.staff.PasswordHasher;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import uk.attendance.contract.model.Problem;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A refused staff sign-in costs one bcrypt comparison whether or not the email is known and whatever the password's
 * length, so its time does not tell which emails have accounts. Counted, not timed: the app's hasher is the real one
 * over an encoder that counts the comparisons it computes.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.test.counting-bcrypt", value = "true")
@Property(name = "attendance.trusted-proxies", value = SignInFixture.TEST_CLIENT_IS_A_PROXY)
class StaffSignInDecoyTest {
    private static final String TOO_LONG = "x".repeat(PasswordHasher.MAX_BYTES + 8);

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    SignInFixture fixture;
    @Inject
    CountingBcrypt bcrypt;

    @Factory
    @Requires(property = "attendance.test.counting-bcrypt", value = "true")
    static class CountingHasher {
        @Singleton
        CountingBcrypt countingBcrypt() {
            return new CountingBcrypt();
        }

        @Singleton
        @Replaces(PasswordHasher.class)
        PasswordHasher passwordHasher(CountingBcrypt bcrypt) {
            return new PasswordHasher(bcrypt);
        }
    }

    @Test
    void aPasswordTooLongForBcryptCostsOneComparisonForAnUnknownEmailAsForAKnownOne() {
        var staff = fixture.staff("TEACHER", true);

        Problem known = refusedAfterOneComparison(staff.email(), TOO_LONG);
        Problem unknown = refusedAfterOneComparison("nobody-" + staff.email(), TOO_LONG);

        assertEquals(known.getDetail(), unknown.getDetail());
        assertEquals(known.getStatus(), unknown.getStatus());
    }

    @Test
    void aWrongPasswordCostsOneComparisonForAnUnknownEmailAsForAKnownOne() {
        var staff = fixture.staff("TEACHER", true);

        refusedAfterOneComparison(staff.email(), "wrong-password");
        refusedAfterOneComparison("nobody-" + staff.email(), "wrong-password");
    }

    private Problem refusedAfterOneComparison(String email, String password) {
        int before = bcrypt.comparisons();
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/auth/staff/login", Map.of("email", email, "password", password))
                        .header("X-Forwarded-For", SignInFixture.uniqueClient()), String.class));
        assertEquals(401, e.getStatus().getCode());
        assertEquals(1, bcrypt.comparisons() - before, "bcrypt comparisons for " + email);
        return e.getResponse().getBody(Problem.class).orElseThrow();
    }
}
