package uk.attendance.e2e;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A staff member signed in to a running instance, reading JSON over plain HTTP (any instance of a deployment). */
final class StaffApi {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;

    private StaffApi(String token) {
        this.token = token;
    }

    static StaffApi signIn(String baseUrl, String email, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", email, "password", password));
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/auth/staff/login"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in of " + email + " answered " + response.statusCode());
        }
        return new StaffApi((String) map(response.body()).get("accessToken"));
    }

    Map<String, Object> get(String baseUrl, String path) throws IOException, InterruptedException {
        return map(send(baseUrl, path));
    }

    List<Object> list(String baseUrl, String path) throws IOException, InterruptedException {
        return JSON.readValue(send(baseUrl, path), Argument.listOf(Object.class));
    }

    private byte[] send(String baseUrl, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return response.body();
    }

    private static Map<String, Object> map(byte[] json) throws IOException {
        return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
    }
}
