package uk.attendance.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Raw HTTP (no contract filter in the way, so undocumented paths can be asked for too): management endpoints other than
 * health are off, and every answer carries the security headers.
 */
@MicronautTest(transactional = false)
class SecurityHeadersTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    SignInFixture fixture;

    @Test
    void managementEndpointsOtherThanHealthAnswerNothing() throws Exception {
        String admin = fixture.staffToken(1, Roles.TRUST_ADMIN);
        for (String path : List.of("/info", "/env", "/beans", "/loggers", "/routes", "/refresh", "/threaddump", "/caches",
                "/metrics", "/stop", "/health/liveness/../../env")) {
            for (Optional<String> token : List.of(Optional.<String>empty(), Optional.of(admin))) {
                HttpResponse<String> answer = get(path, token);

                assertTrue(answer.statusCode() == 401 || answer.statusCode() == 404, path + " answered " + answer.statusCode());
                assertEquals(Optional.of("application/problem+json"), answer.headers().firstValue("Content-Type"), path);
                String problem = answer.body().replaceAll("\"instance\":\"[^\"]*\"", "");
                assertTrue(problem.startsWith("{\"type\":\"https://attendance.example.org/problems/"), path + ": " + answer.body());
                assertFalse(problem.contains("datasources") || problem.contains("beans") || problem.contains("ROOT")
                        || problem.contains("uk.attendance"), path + ": " + answer.body());
            }
        }
        HttpResponse<String> health = get("/health", Optional.empty());
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void apiAnswersErrorsIncludedCarryTheHeadersAndAreNotCached() throws Exception {
        var staff = fixture.staff(Roles.TEACHER, true);
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(uri("/auth/staff/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + staff.email() + "\",\"password\":\"" + staff.password() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> me = get("/me", Optional.of(fixture.staffToken(1, Roles.TEACHER)));
        HttpResponse<String> unauthorized = get("/me", Optional.empty());
        HttpResponse<String> forbidden = get("/dev/texts", Optional.of(fixture.staffToken(1, Roles.TEACHER)));
        HttpResponse<String> notFound = get("/no-such-thing", Optional.of(fixture.staffToken(1, Roles.TEACHER)));
        HttpResponse<String> badRequest = http.send(HttpRequest.newBuilder(uri("/auth/staff/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(List.of(200, 200, 401, 403, 404, 400), List.of(tokens.statusCode(), me.statusCode(),
                unauthorized.statusCode(), forbidden.statusCode(), notFound.statusCode(), badRequest.statusCode()));
        for (HttpResponse<String> answer : List.of(tokens, me, unauthorized, forbidden, notFound, badRequest)) {
            String what = answer.request().uri().getPath() + " " + answer.statusCode();
            assertSecurityHeaders(answer, what);
            assertEquals(Optional.of("no-store"), answer.headers().firstValue("Cache-Control"), what);
            assertEquals(Optional.empty(), answer.headers().firstValue("Strict-Transport-Security"), what + ": PUBLIC_URL is not https");
        }
    }

    @Test
    void theContractAndTheDocsAssetsMayBeCached() throws Exception {
        for (String path : List.of("/openapi.yaml", "/docs/ui/swagger-ui.css")) {
            HttpResponse<String> answer = get(path, Optional.empty());

            assertEquals(200, answer.statusCode(), path);
            assertSecurityHeaders(answer, path);
            assertFalse(answer.headers().allValues("Cache-Control").contains("no-store"), path);
        }
    }

    @Test
    void strictTransportSecurityWhenThePublicUrlIsHttps() throws Exception {
        try (EmbeddedServer https = ApplicationContext.builder("test")
                .properties(Map.of("attendance.public-url", "https://attendance.example.org"))
                .run(EmbeddedServer.class)) {
            for (String path : List.of("/health", "/me")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(https.getURI().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertEquals(Optional.of(SecurityHeaders.HSTS), answer.headers().firstValue("Strict-Transport-Security"), path);
            }
        }
    }

    private static void assertSecurityHeaders(HttpResponse<String> answer, String what) {
        assertEquals(Optional.of("nosniff"), answer.headers().firstValue("X-Content-Type-Options"), what);
        assertEquals(Optional.of("no-referrer"), answer.headers().firstValue("Referrer-Policy"), what);
        assertEquals(Optional.of("DENY"), answer.headers().firstValue("X-Frame-Options"), what);
    }

    private HttpResponse<String> get(String path, Optional<String> token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }
}
