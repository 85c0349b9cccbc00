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

@MicronautTest
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

    @Test
    void healthIsUp() {
        var response = client.toBlocking().exchange(HttpRequest.GET("/health"), Map.class);
        assertEquals(HttpStatus.OK, response.getStatus());
    }
}
