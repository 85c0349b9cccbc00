package uk.attendance.auth;

import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.contract.model.Problem;
import uk.attendance.contract.model.TokenPair;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class StaffLoginTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    SignInFixture fixture;

    @Test
    void staffSignInWithEmailAndPasswordGivesATokenPairForThatStaffMember() {
        var staff = fixture.staff("ATTENDANCE_OFFICER,DSL", true);

        TokenPair tokens = login(staff.email().toUpperCase(), staff.password());

        assertEquals("Bearer", tokens.getTokenType());
        assertEquals(3600, tokens.getExpiresIn());
        Caller caller = fixture.callerOf(tokens.getAccessToken());
        assertEquals(new Caller(Caller.Kind.STAFF, staff.id(), staff.trustId(), Optional.empty(),
                Set.of(Roles.ATTENDANCE_OFFICER, Roles.DSL), "Sam Staff", "Attendance officer"), caller);
        assertEquals(43, tokens.getRefreshToken().length(), "32 random bytes, base64url");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSame401() {
        var staff = fixture.staff("TEACHER", true);

        Problem wrongPassword = refused(staff.email(), staff.password() + "x");
        Problem unknownEmail = refused("nobody-" + staff.email(), staff.password());

        assertEquals(401, wrongPassword.getStatus());
        assertEquals("The email or password is not right.", wrongPassword.getDetail());
        assertEquals(wrongPassword.getDetail(), unknownEmail.getDetail());
        assertEquals(wrongPassword.getType(), unknownEmail.getType());
    }

    @Test
    void anInactiveStaffMemberCannotSignIn() {
        var staff = fixture.staff("TEACHER", false);

        Problem problem = refused(staff.email(), staff.password());

        assertEquals(401, problem.getStatus());
        assertTrue(problem.getDetail().contains("switched off"), problem.getDetail());
    }

    @Test
    void aRefreshTokenWorksOnceAndIsReplacedByANewPair() {
        var staff = fixture.staff("HEADTEACHER", true);
        TokenPair first = login(staff.email(), staff.password());

        TokenPair second = refresh(first.getRefreshToken());
        assertNotEquals(first.getRefreshToken(), second.getRefreshToken());
        assertEquals(staff.id(), fixture.callerOf(second.getAccessToken()).id());

        Problem reused = expectProblem(HttpRequest.POST("/auth/refresh", Map.of("refreshToken", first.getRefreshToken())));
        assertEquals(401, reused.getStatus());
        assertTrue(reused.getDetail().contains("sign in again"), reused.getDetail());

        TokenPair third = refresh(second.getRefreshToken());
        assertEquals(staff.id(), fixture.callerOf(third.getAccessToken()).id());
    }

    @Test
    void onlyTheHashOfARefreshTokenIsStored() {
        var staff = fixture.staff("TEACHER", true);
        TokenPair tokens = login(staff.email(), staff.password());

        var rows = fixture.rows("SELECT * FROM refresh_token WHERE subject = ?", "staff:" + staff.id());

        assertEquals(1, rows.size());
        assertEquals(RefreshTokens.sha256(tokens.getRefreshToken()), rows.get(0).get("token_hash"));
        rows.get(0).values().forEach(v -> assertNotEquals(tokens.getRefreshToken(), String.valueOf(v)));
    }

    @Test
    void aStaffMemberSwitchedOffAfterSigningInCannotRefresh() {
        var staff = fixture.staff("TEACHER", true);
        TokenPair tokens = login(staff.email(), staff.password());
        fixture.update("UPDATE staff_user SET active = FALSE WHERE id = ?", staff.id());

        Problem problem = expectProblem(HttpRequest.POST("/auth/refresh", Map.of("refreshToken", tokens.getRefreshToken())));

        assertEquals(401, problem.getStatus());
    }

    @Test
    void logoutRevokesTheRefreshTokenAndAnswers204EvenForUnknownTokens() {
        var staff = fixture.staff("TEACHER", true);
        TokenPair tokens = login(staff.email(), staff.password());

        HttpResponse<?> out = client.toBlocking().exchange(HttpRequest.POST("/auth/logout", Map.of("refreshToken", tokens.getRefreshToken())));
        assertEquals(HttpStatus.NO_CONTENT, out.getStatus());
        assertEquals(401, expectProblem(HttpRequest.POST("/auth/refresh", Map.of("refreshToken", tokens.getRefreshToken()))).getStatus());

        HttpResponse<?> unknown = client.toBlocking().exchange(HttpRequest.POST("/auth/logout", Map.of("refreshToken", "never-issued")));
        assertEquals(HttpStatus.NO_CONTENT, unknown.getStatus());
    }

    private TokenPair login(String email, String password) {
        return client.toBlocking().retrieve(HttpRequest.POST("/auth/staff/login", Map.of("email", email, "password", password)), TokenPair.class);
    }

    private TokenPair refresh(String refreshToken) {
        return client.toBlocking().retrieve(HttpRequest.POST("/auth/refresh", Map.of("refreshToken", refreshToken)), TokenPair.class);
    }

    private Problem refused(String email, String password) {
        return expectProblem(HttpRequest.POST("/auth/staff/login", Map.of("email", email, "password", password)));
    }

    private Problem expectProblem(HttpRequest<?> request) {
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        return e.getResponse().getBody(Problem.class).orElseThrow();
    }
}
