package uk.attendance.notify.push;

import uk.attendance.support.LoopbackServer;

import com.sun.net.httpserver.HttpExchange;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for fcm.googleapis.com on 127.0.0.1: records every request and answers like FCM's HTTP v1 API
 * ({@code 200 {"name":"projects/…/messages/…"}}), or with an FCM error for the tokens it is told to reject.
 * <p>
 * Any {@code @MicronautTest} with
 * <pre>
 * &#64;Property(name = "attendance.firebase.api-base-url", value = FakeFcm.API_BASE_URL)
 * </pre>
 * gets it wired in by {@link FakeFcmFactory} (the real Firebase Admin SDK runs, only its transport is redirected)
 * and can {@code @Inject FakeFcm}. One fake serves a whole test class, so find your requests by token ({@link #sentTo}).
 */
public final class FakeFcm extends LoopbackServer<FakeFcm.Received> {
    /** The marker value that makes {@link FakeFcmFactory} aim the SDK at this fake's real address. */
    public static final String API_BASE_URL = "fake-fcm";
    public static final String PROJECT_ID = "demo-project";
    public static final String SEND_PATH = "/v1/projects/" + PROJECT_ID + "/messages:send";

    /** FCM's answer to a token whose app was uninstalled or whose token expired. */
    public static final Error UNREGISTERED = new Error(404, """
            {"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND","details":[\
            {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}""");
    /** FCM's answer to a string that is not a registration token at all. */
    public static final Error INVALID_TOKEN = new Error(400, """
            {"error":{"code":400,"message":"The registration token is not a valid FCM registration token",\
            "status":"INVALID_ARGUMENT","details":[\
            {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"},\
            {"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"message.token",\
            "description":"The registration token is not a valid FCM registration token"}]}]}}""");
    /** A failure that says nothing about the token: the project sends too much. */
    public static final Error QUOTA_EXCEEDED = new Error(429, """
            {"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED","details":[\
            {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"QUOTA_EXCEEDED"}]}}""");
    /** A failure that says nothing about the token (the APNs certificate of the project is wrong). */
    public static final Error THIRD_PARTY_AUTH_ERROR = new Error(401, """
            {"error":{"code":401,"message":"Auth error from APNS or Web Push Service","status":"UNAUTHENTICATED",\
            "details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"THIRD_PARTY_AUTH_ERROR"}]}}""");

    public record Error(int status, String json) {
    }

    /** One send request as FCM would have received it. */
    public record Received(String method, String path, String authorization, String token, String title, String body,
                           Map<String, String> data) {
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final Map<String, Error> rejected = new ConcurrentHashMap<>();

    public static FakeFcm start() {
        FakeFcm fake = new FakeFcm();
        fake.listen();
        return fake;
    }

    /** The pushes sent to this token, oldest first (rejected ones included). */
    public List<Received> sentTo(String token) {
        return requests().stream().filter(r -> token.equals(r.token())).toList();
    }

    /** Every later push to this token is answered with this error. */
    public void reject(String token, Error error) {
        rejected.put(token, error);
    }

    public void reset() {
        rejected.clear();
        forget();
    }

    @SuppressWarnings("unchecked")
    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        Map<String, Object> message = Map.of();
        if (request.length > 0) {
            Map<String, Object> body = JSON.readValue(request, Argument.mapOf(String.class, Object.class));
            message = (Map<String, Object>) body.getOrDefault("message", Map.of());
        }
        Map<String, Object> notification = (Map<String, Object>) message.getOrDefault("notification", Map.of());
        String token = (String) message.get("token");
        record(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), token,
                (String) notification.get("title"), (String) notification.get("body"),
                (Map<String, String>) message.getOrDefault("data", Map.of())));
        Error error = token == null ? null : rejected.get(token);
        int status = error == null ? 200 : error.status();
        String json = error == null
                ? "{\"name\":\"projects/" + PROJECT_ID + "/messages/" + UUID.randomUUID() + "\"}"
                : error.json();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
