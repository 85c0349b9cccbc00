package uk.attendance.auth;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
@Property(name = "attendance.trust-forwarded-for", value = "true")
class StaffSignInLimitsTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    SignInFixture fixture;

    @Test
    void afterTenWrongPasswordsForAnAccountEvenTheRightOneWaits() {
        var staff = fixture.staff("TEACHER", true);
        for (int i = 0; i < StaffSignInLimits.PER_ACCOUNT; i++) {
            assertEquals(401, status(staff.email(), "wrong-" + i, fixture.uniqueClient()));
        }
        assertEquals(429, status(staff.email(), staff.password(), fixture.uniqueClient()));
        assertEquals(429, status(staff.email().toUpperCase(), staff.password(), fixture.uniqueClient()));
        var other = fixture.staff("TEACHER", true);
        assertEquals(200, status(other.email(), other.password(), fixture.uniqueClient()), "other accounts are not locked out");
    }

    @Test
    void oneClientAddressMayFailFiftyTimes() {
        String client = fixture.uniqueClient();
        for (int i = 0; i < StaffSignInLimits.PER_CLIENT; i++) {
            assertEquals(401, status("nobody-" + i + "@example.org", "guess", client));
        }
        var staff = fixture.staff("TEACHER", true);
        assertEquals(429, status(staff.email(), staff.password(), client));
        assertEquals(200, status(staff.email(), staff.password(), fixture.uniqueClient()));
    }

    private int status(String email, String password, String clientAddress) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/auth/staff/login", Map.of("email", email, "password", password))
                    .header("X-Forwarded-For", clientAddress)).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
