package uk.attendance.platform;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks every operation of openapi.yaml that takes a JSON body or query parameters, so a new operation is covered
 * without editing this test, and sends, as a role the operation allows ({@code x-allowed-roles}), bad input made
 * from the operation's own schema, one fault at a time on top of its example:
 * <ul>
 *   <li>a {@code null} item in each list ({@code terms: [null]});</li>
 *   <li>each field with the wrong JSON type: text for a boolean or a number ({@code "true"}, {@code "12"}), a number
 *       for text, an object for a list;</li>
 *   <li>a value outside each enum, in the body, the query and the path; text for an integer parameter, an impossible
 *       date for a date parameter.</li>
 * </ul>
 * Each must answer 400 (422 where the operation documents it) as problem+json whose {@code errors} name the field
 * ({@code terms[0]}, {@code marks[0].code}, {@code status}): never 2xx (silently coerced or ignored), never 5xx.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.clock.fixed", value = "2025-11-20T07:00:00Z")
class BadInputSweepTest {
    private static final String NOT_ALLOWED = "NOT_AN_ALLOWED_VALUE";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;

    Map<String, Object> spec;
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> pathValues = new HashMap<>();

    @BeforeAll
    void setUp() throws IOException {
        try (InputStream in = Files.newInputStream(specPath())) {
            spec = new Yaml().load(in);
        }
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        PupilRecord pupil = fixtures.pupil(school, "4B");
        tokens.put(Roles.PARENT, fixtures.token(fixtures.parentOf(trust, pupil)));
        for (String role : List.of(Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER)) {
            tokens.put(role, fixtures.token(fixtures.staff(trust, Optional.of(school), role)));
        }
        tokens.put(Roles.TRUST_ADMIN, fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN)));
        pathValues.put("schoolId", String.valueOf(school.id()));
        pathValues.put("pupilId", String.valueOf(pupil.id()));
        pathValues.put("academicYear", "2025-26");
        pathValues.put("date", "2025-11-03");
        pathValues.put("session", "AM");
        Map<String, Object> report = http.toBlocking().retrieve(HttpRequest.POST("/absence-reports",
                Map.of("pupilIds", List.of(pupil.id()), "firstDay", "2025-11-04", "reason", "ILLNESS"))
                .bearerAuth(tokens.get(Roles.PARENT)), Json.OBJECT);
        @SuppressWarnings("unchecked") List<Map<String, Object>> reports = (List<Map<String, Object>>) report.get("reports");
        pathValues.put("reportId", String.valueOf(reports.get(0).get("id")));
        Map<String, Object> leave = http.toBlocking().retrieve(HttpRequest.POST("/leave-requests", Map.of("pupilId", pupil.id(),
                "type", "EXCEPTIONAL_CIRCUMSTANCES", "firstDay", "2025-12-01", "lastDay", "2025-12-02", "reason", "A family funeral"))
                .bearerAuth(tokens.get(Roles.PARENT)), Json.OBJECT);
        pathValues.put("leaveRequestId", String.valueOf(leave.get("id")));
    }

    /**
     * One fault: {@code value} put at {@code path} of the operation's example body (none for a query fault), or
     * {@code query} added to the query; the answer must name {@code field}.
     */
    record Variant(String what, String field, List<Object> path, Object value, Map<String, String> query) {
        static Variant body(String what, List<Object> path, Object value, String field) {
            return new Variant(what + " at " + field, field, path, value, Map.of());
        }
    }

    record Operation(String method, String path, String id, List<String> roles, Map<String, Object> spec,
                     List<Map<String, Object>> parameters) {
    }

    @TestFactory
    Stream<DynamicTest> everyBadValueIsA400NamingTheField() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations()) {
            Optional<Map<String, Object>> json = jsonBody(op);
            List<Variant> variants = new ArrayList<>();
            Object example = json.map(j -> j.get("example")).orElse(null);
            json.ifPresent(j -> walk(resolve(j.get("schema")), new ArrayList<>(), example, variants));
            queryVariants(op, variants);
            for (Variant variant : variants) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + variant.what(), () -> expectRefused(op, variant)));
            }
        }
        assertTrue(tests.size() > 100, "the sweep found only " + tests.size() + " bad inputs to send");
        return tests.stream();
    }

    // ---- variants from the schema --------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void walk(Map<String, Object> schema, List<Object> path, Object example, List<Variant> out) {
        if (schema.containsKey("enum")) {
            out.add(Variant.body("a value outside the enum", path, NOT_ALLOWED, field(path)));
        }
        String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : ""));
        switch (type) {
            case "object" -> {
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                properties.forEach((name, property) -> {
                    List<Object> child = append(path, name);
                    walk(resolve(property), child, example instanceof Map<?, ?> m ? m.get(name) : null, out);
                });
            }
            case "array" -> {
                List<Object> nullItem = new ArrayList<>();
                nullItem.add(null);
                out.add(Variant.body("a null item", path, nullItem, field(append(path, 0))));
                out.add(Variant.body("an object for a list", path, Map.of("a", 1), field(path)));
                Object first = example instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
                walk(resolve(schema.get("items")), append(path, 0), first, out);
            }
            case "string" -> {
                if (!schema.containsKey("enum")) {
                    out.add(Variant.body("a number for text", path, 12345, field(path)));
                }
            }
            case "integer", "number" -> out.add(Variant.body("text for a number", path, "12", field(path)));
            case "boolean" -> out.add(Variant.body("text for a boolean", path, "true", field(path)));
            default -> {
            }
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    /** "terms[0].name" for [terms, 0, name]. */
    private static String field(List<Object> path) {
        StringBuilder field = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(step);
            }
        }
        return field.toString();
    }

    /** The example with {@code value} at {@code path}; missing objects and list items on the way are created. */
    @SuppressWarnings("unchecked")
    private static Object withFault(Object example, List<Object> path, Object value) {
        Object root = copy(example == null ? Map.of() : example);
        Object node = root;
        for (int i = 0; i < path.size(); i++) {
            Object step = path.get(i);
            boolean last = i == path.size() - 1;
            Object next = last ? value : (path.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> m = (Map<String, Object>) map;
                if (last || !(m.get(step) instanceof Map || m.get(step) instanceof List)) {
                    m.put((String) step, next);
                }
                node = m.get(step);
            } else {
                List<Object> list = (List<Object>) node;
                int index = (Integer) step;
                if (list.size() <= index) {
                    list.add(next);
                } else if (last || !(list.get(index) instanceof Map || list.get(index) instanceof List)) {
                    list.set(index, next);
                }
                node = list.get(index);
            }
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().toString().substring(0, 10);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private void queryVariants(Operation op, List<Variant> out) {
        for (Map<String, Object> parameter : op.parameters()) {
            boolean path = "path".equals(parameter.get("in"));
            if (!"query".equals(parameter.get("in")) && !path) {
                continue;
            }
            String name = String.valueOf(parameter.get("name"));
            Map<String, Object> schema = resolve(parameter.get("schema"));
            Map<String, Object> scalar = "array".equals(schema.get("type")) ? resolve(schema.get("items")) : schema;
            String bad = scalar.containsKey("enum") ? NOT_ALLOWED
                    : switch (String.valueOf(scalar.get("type"))) {
                        case "integer", "number" -> "twelve";
                        case "boolean" -> "yes";
                        case "string" -> "date".equals(scalar.get("format")) ? "2025-13-45" : null;
                        default -> null;
                    };
            if (bad != null && path) {
                out.add(new Variant("path {" + name + "} = " + bad, name, null, null, Map.of("{" + name + "}", bad)));
            } else if (bad != null) {
                out.add(new Variant("query " + name + "=" + bad, name, null, null, Map.of(name, bad)));
            }
        }
    }

    // ---- sending ----------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void expectRefused(Operation op, Variant variant) {
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.parse(op.method().toUpperCase()), uri(op, variant.query()));
        jsonBody(op).ifPresent(json -> request.body(variant.path() == null ? copy(json.get("example"))
                : withFault(json.get("example"), variant.path(), variant.value())));
        op.roles().stream().filter(tokens::containsKey).findFirst().ifPresent(role -> request.bearerAuth(tokens.get(role)));
        for (Map<String, Object> parameter : op.parameters()) {
            if ("header".equals(parameter.get("in")) && Boolean.TRUE.equals(parameter.get("required"))) {
                request.header(String.valueOf(parameter.get("name")), "sweep-" + Fixtures.next());
            }
        }
        int allowed = op.spec().get("responses") instanceof Map<?, ?> r && r.containsKey("422") ? 422 : 400;
        try {
            var response = http.toBlocking().exchange(request, String.class);
            fail(op.id() + " accepted " + variant.what() + ": " + response.code() + " " + response.body());
        } catch (HttpClientResponseException e) {
            int status = e.getStatus().getCode();
            String body = e.getResponse().getBody(String.class).orElse("");
            assertTrue(status == 400 || status == allowed, op.id() + " answered " + status + " to " + variant.what() + ": " + body);
            assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
            Map<String, Object> problem = e.getResponse().getBody(Json.OBJECT).orElseThrow();
            List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.getOrDefault("errors", List.of());
            assertTrue(errors.stream().anyMatch(f -> variant.field().equals(f.get("field"))),
                    op.id() + ": " + variant.what() + " must name " + variant.field() + ": " + body);
            assertFalse(body.contains("uk.attendance") || body.contains("java."), "no class names: " + body);
        }
    }

    private String uri(Operation op, Map<String, String> faults) {
        String uri = op.path();
        Map<String, String> queryFault = new LinkedHashMap<>(faults);
        for (Map<String, Object> parameter : op.parameters()) {
            if ("path".equals(parameter.get("in"))) {
                String name = String.valueOf(parameter.get("name"));
                String fault = queryFault.remove("{" + name + "}");
                String valid = pathValues.getOrDefault(name, String.valueOf(parameter.getOrDefault("example",
                        resolve(parameter.get("schema")).getOrDefault("example", "1"))));
                uri = uri.replace("{" + name + "}", fault != null ? fault : valid);
            }
        }
        uri = uri.replaceAll("\\{[^}]+}", "1");
        Map<String, String> query = new LinkedHashMap<>();
        for (Map<String, Object> parameter : op.parameters()) {
            if ("query".equals(parameter.get("in")) && Boolean.TRUE.equals(parameter.get("required"))) {
                query.put(String.valueOf(parameter.get("name")), String.valueOf(parameter.get("example")));
            }
        }
        query.putAll(queryFault);
        return query.isEmpty() ? uri : uri + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    // ---- the document -------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            List<Object> parameters = new ArrayList<>((List<Object>) item.getOrDefault("parameters", List.of()));
            parameters.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
            operations.add(new Operation(method, path, String.valueOf(operation.get("operationId")),
                    (List<String>) operation.getOrDefault("x-allowed-roles", List.of()), operation,
                    parameters.stream().map(this::resolve).toList()));
        }));
        assertFalse(operations.isEmpty());
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> jsonBody(Operation op) {
        return Optional.ofNullable((Map<String, Object>) op.spec().get("requestBody"))
                .map(b -> (Map<String, Object>) b.get("content"))
                .map(c -> (Map<String, Object>) c.get("application/json"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Object node) {
        Map<String, Object> map = (Map<String, Object>) node;
        if (map == null) {
            return Map.of();
        }
        Object ref = map.get("$ref");
        if (ref == null) {
            return map;
        }
        Map<String, Object> target = spec;
        for (String part : String.valueOf(ref).substring(2).split("/")) {
            target = (Map<String, Object>) target.get(part);
        }
        return resolve(target);
    }

    static Path specPath() {
        Path here = Path.of("openapi.yaml");
        return Files.exists(here) ? here : Path.of("..", "openapi.yaml");
    }
}
