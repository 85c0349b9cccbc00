package uk.attendance.absence;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import uk.attendance.support.Json;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTTP calls the absence-report tests make, as the apps would make them. */
final class AbsenceReportCalls {
    private final HttpClient http;

    AbsenceReportCalls(HttpClient http) {
        this.http = http;
    }

    HttpResponse<Map<String, Object>> report(String parent, Map<String, Object> body, String idempotencyKey) {
        MutableHttpRequest<Map<String, Object>> request = HttpRequest.POST("/absence-reports", body).bearerAuth(parent);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.toBlocking().exchange(request, Json.OBJECT);
    }

    /** The reports of a 201, in the order of the request's children. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reported(String parent, Map<String, Object> body) {
        HttpResponse<Map<String, Object>> response = report(parent, body, null);
        if (response.code() != 201) {
            throw new AssertionError("answered " + response.code());
        }
        return (List<Map<String, Object>>) response.body().get("reports");
    }

    Map<String, Object> get(String token, long reportId) {
        return http.toBlocking().retrieve(HttpRequest.GET("/absence-reports/" + reportId).bearerAuth(token), Json.OBJECT);
    }

    List<Map<String, Object>> mine(String parent) {
        return http.toBlocking().retrieve(HttpRequest.GET("/absence-reports").bearerAuth(parent), Json.LIST);
    }

    Map<String, Object> update(String parent, long reportId, Map<String, Object> change) {
        return http.toBlocking().retrieve(HttpRequest.PATCH("/absence-reports/" + reportId, change).bearerAuth(parent), Json.OBJECT);
    }

    Map<String, Object> withdraw(String parent, long reportId, Map<String, Object> withdrawal) {
        return http.toBlocking().retrieve(HttpRequest.POST("/absence-reports/" + reportId + "/withdrawal", withdrawal)
                .bearerAuth(parent), Json.OBJECT);
    }

    Map<String, Object> message(String token, long reportId, String text) {
        return http.toBlocking().retrieve(HttpRequest.POST("/absence-reports/" + reportId + "/messages", Map.of("text", text))
                .bearerAuth(token), Json.OBJECT);
    }

    Map<String, Object> decide(String staff, long reportId, Map<String, Object> decision) {
        return http.toBlocking().retrieve(HttpRequest.POST("/absence-reports/" + reportId + "/decision", decision)
                .bearerAuth(staff), Json.OBJECT);
    }

    List<Map<String, Object>> inbox(String staff, long schoolId, String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/schools/" + schoolId + "/absence-reports" + query)
                .bearerAuth(staff), Json.LIST);
    }

    Map<String, Object> takeRegister(String staff, long schoolId, String date, String session, String group,
                                     Map<Long, String> codes) {
        List<Map<String, Object>> marks = codes.entrySet().stream()
                .map(e -> Map.<String, Object>of("pupilId", e.getKey(), "code", e.getValue()))
                .collect(Collectors.toList());
        return http.toBlocking().retrieve(HttpRequest.POST("/schools/" + schoolId + "/registers",
                Map.of("date", date, "session", session, "registrationGroup", group, "marks", marks)).bearerAuth(staff), Json.OBJECT);
    }

    /** One pupil's entry in a register (taken or not). */
    @SuppressWarnings("unchecked")
    Map<String, Object> registerEntry(String staff, long schoolId, String date, String session, String group, long pupilId) {
        Map<String, Object> register = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + schoolId + "/registers?date="
                + date + "&session=" + session + "&registrationGroup=" + group).bearerAuth(staff), Json.OBJECT);
        return ((List<Map<String, Object>>) register.get("entries")).stream()
                .filter(e -> ((Number) e.get("pupilId")).longValue() == pupilId)
                .findFirst().orElseThrow();
    }

    Map<String, Object> markHistory(String staff, long pupilId, String date, String session) {
        return http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + pupilId + "/marks/" + date + "/" + session + "/history")
                .bearerAuth(staff), Json.OBJECT);
    }

    static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    /** The report's sessions as "date session" → the session's JSON. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> sessions(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("sessions")).stream()
                .collect(Collectors.toMap(s -> s.get("date") + " " + s.get("session"), s -> s,
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** "date session" → status (code) for compact assertions, e.g. {@code 2025-12-02 AM → RECORDED I}. */
    static Map<String, String> summary(Map<String, Object> report) {
        return sessions(report).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().get("status") + (e.getValue().get("code") == null ? "" : " " + e.getValue().get("code")),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> json, String field) {
        return (List<Map<String, Object>>) json.get(field);
    }
}
