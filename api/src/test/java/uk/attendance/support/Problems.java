package uk.attendance.support;

import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An error answer is RFC 9457 problem+json with our type, naming the bad field, with no class names. */
public final class Problems {
    private Problems() {
    }

    public static Map<String, Object> assertProblem(HttpClientResponseException e, int status, String field, String message) {
        assertEquals(status, e.getStatus().getCode());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        Map<String, Object> problem = e.getResponse().getBody(Json.OBJECT).orElseThrow();
        assertTrue(String.valueOf(problem.get("type")).startsWith("https://attendance.example.org/problems/"), problem.toString());
        @SuppressWarnings("unchecked") List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertNotNull(errors, problem.toString());
        assertTrue(errors.stream().anyMatch(f -> field.equals(f.get("field")) && String.valueOf(f.get("message")).contains(message)),
                problem.toString());
        assertFalse(problem.toString().contains("uk.attendance"), "no class names in responses");
        return problem;
    }
}
