package uk.attendance.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ProblemResponsesTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anonymousCallToAProtectedEndpointIsA401Problem() {
        var e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/me"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"type\":\"https://attendance.example.org/problems/unauthorized\""), body);
    }

    @Inject
    uk.attendance.support.Fixtures fixtures;

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} names {3}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "PUT | /pupils/{p}/marks/2025-13-01/AM | {\"code\":\"I\",\"reason\":\"phoned\"} | date",
            "PUT | /pupils/{p}/marks/2025-12-01/XX | {\"code\":\"I\",\"reason\":\"phoned\"} | session",
            "PUT | /pupils/99999999999999999999/marks/2025-12-01/AM | {\"code\":\"I\",\"reason\":\"phoned\"} | pupilId",
            "PUT | /pupils/{p}/marks/2025-12-01/AM | {\"code\":\"I\"} | reason",
            "PUT | /pupils/{p}/marks/2025-12-01/AM | {\"code\":\"I\",\"reason\":\"x\"} | reason",
            "POST | /schools/{s}/registers | {\"date\":\"2025-12-01\",\"session\":\"MID\",\"registrationGroup\":\"4B\",\"marks\":[{\"pupilId\":1}]} | session",
            "GET | /pupils/{p}/marks?from=2025-12-01&to=2025-11-01 | | to",
            "GET | /pupils/0 | | pupilId",
            "GET | /schools/{s}/registers?date=2025-12-01&session=AM | | registrationGroup"})
    void frameworkErrorsAreProblemsNamingTheField(String method, String uri, String body, String field) {
        var trust = fixtures.trust();
        var school = fixtures.school(trust);
        var pupil = fixtures.pupil(school, "4B");
        String token = fixtures.token(fixtures.staff(trust, java.util.Optional.of(school), uk.attendance.caller.Roles.ATTENDANCE_OFFICER));
        var request = HttpRequest.create(io.micronaut.http.HttpMethod.parse(method),
                        uri.replace("{p}", String.valueOf(pupil.id())).replace("{s}", String.valueOf(school.id())))
                .bearerAuth(token)
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE);
        if (body != null) {
            request.body(body);
        }
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
        uk.attendance.support.Problems.assertProblem(e, 400, field, "");
    }

    @Test
    void malformedJsonIsA400Problem() {
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/auth/staff/login", "{\"email\":").contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void healthIsUpAndTellsAnonymousCallersNothingMore() {
        var response = client.toBlocking().exchange(HttpRequest.GET("/health"), Map.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("UP", response.body().get("status"));
        assertEquals(null, response.body().get("details"), "no database address, disk space or thread details");
    }
}
