package uk.attendance.auth;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract tells clients of the sign-in operations that can answer 429 how long to wait. */
class SignInContractTest {

    @Test
    void everyRateLimitedSignInOperationListsA429ProblemWithRetryAfter() throws IOException {
        Map<String, Object> spec = spec();
        for (String path : List.of("/auth/staff/login", "/auth/parent/code")) {
            Map<String, Object> responses = map(map(map(map(spec, "paths"), path), "post"), "responses");
            Map<String, Object> tooMany = resolve(spec, map(responses, "429"));
            assertTrue(map(tooMany, "headers").containsKey("Retry-After"), path);
            assertEquals("integer", map(map(map(tooMany, "headers"), "Retry-After"), "schema").get("type"), path);
            assertTrue(map(tooMany, "content").containsKey("application/problem+json"), path);
        }
    }

    @Test
    void askingForACodeAnswers202AndNothingThatDependsOnTheNumber() throws IOException {
        Map<String, Object> responses = map(map(map(map(spec(), "paths"), "/auth/parent/code"), "post"), "responses");

        // 413/414/415 answer the request's shape (size, address, content type), never the number asked about
        assertEquals(List.of("202", "400", "413", "414", "415", "429"), responses.keySet().stream().sorted().toList());
    }

    private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        Map<String, Object> target = spec;
        for (String part : ((String) ref).substring(2).split("/")) {
            target = map(target, part);
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String key) {
        Object value = node.get(key);
        assertTrue(value instanceof Map, key + " in " + node.keySet());
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> spec() throws IOException {
        Path source = Files.exists(Path.of("openapi.yaml")) ? Path.of("openapi.yaml") : Path.of("..", "openapi.yaml");
        return new Yaml().load(Files.readString(source));
    }
}
