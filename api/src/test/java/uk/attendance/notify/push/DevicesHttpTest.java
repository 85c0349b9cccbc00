package uk.attendance.notify.push;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parents and staff register, list and remove their own devices; a token belongs to its latest registrant. */
@MicronautTest(transactional = false)
class DevicesHttpTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    SignInFixture fixture;
    @Inject
    JsonMapper json;

    static String newToken() {
        return "fcm:" + UUID.randomUUID() + "-APA91b" + "x".repeat(140);
    }

    @Test
    void aParentRegistersListsAndRemovesADeviceAndNeverSeesTheTokenAgain() {
        String parent = fixture.token(Caller.Kind.PARENT, Roles.PARENT);
        String token = newToken();

        HttpResponse<String> created = register(parent, token, "ANDROID", "Pixel 8");

        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertFalse(created.body().contains(token.substring(0, 20)), "the token is never returned");
        Map<String, Object> device = parse(created.body());
        assertEquals("ANDROID", device.get("platform"));
        assertEquals("Pixel 8", device.get("label"));
        assertEquals(token.substring(token.length() - 6), device.get("tokenEnding"));
        assertEquals(device.get("registeredAt"), device.get("lastSeenAt"));
        List<Map<String, Object>> listed = list(parent);
        assertEquals(List.of(device.get("id")), listed.stream().map(d -> d.get("id")).toList());

        HttpResponse<?> deleted = client.toBlocking().exchange(
                HttpRequest.DELETE("/me/devices/" + device.get("id")).bearerAuth(parent));

        assertEquals(HttpStatus.NO_CONTENT, deleted.getStatus());
        assertEquals(List.of(), list(parent));
        assertEquals(404, assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.DELETE("/me/devices/" + device.get("id")).bearerAuth(parent))).getStatus().getCode());
    }

    @Test
    void theSameTokenAgainFromTheSamePersonRefreshesTheSameDevice() {
        String staff = fixture.token(Caller.Kind.STAFF, Roles.TEACHER);
        String token = newToken();
        Map<String, Object> first = parse(register(staff, token, "IOS", "Old name").body());

        HttpResponse<String> again = register(staff, token, "IOS", "iPhone");

        assertEquals(HttpStatus.OK, again.getStatus());
        Map<String, Object> refreshed = parse(again.body());
        assertEquals(first.get("id"), refreshed.get("id"));
        assertEquals("iPhone", refreshed.get("label"));
        assertEquals(first.get("registeredAt"), refreshed.get("registeredAt"));
        assertEquals(1, list(staff).size());
        assertEquals(1, fixture.rows("SELECT id FROM device WHERE token_hash = ?", DeviceService.sha256(token)).size());
    }

    @Test
    void aTokenRegisteredBySomeoneElseMovesToTheCaller() {
        String parent = fixture.token(Caller.Kind.PARENT, Roles.PARENT);
        String staff = fixture.token(Caller.Kind.STAFF, Roles.ATTENDANCE_OFFICER);
        String token = newToken();
        Map<String, Object> parents = parse(register(parent, token, "ANDROID", null).body());

        HttpResponse<String> moved = register(staff, token, "ANDROID", null);

        assertEquals(HttpStatus.CREATED, moved.getStatus());
        assertNotEquals(parents.get("id"), parse(moved.body()).get("id"));
        assertEquals(List.of(), list(parent));
        assertEquals(1, list(staff).size());
    }

    @Test
    void anotherPersonsDeviceIs404AndStaysRegistered() {
        String owner = fixture.token(Caller.Kind.PARENT, Roles.PARENT);
        String other = fixture.token(Caller.Kind.PARENT, Roles.PARENT);
        Object id = parse(register(owner, newToken(), "WEB", "Laptop").body()).get("id");

        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.DELETE("/me/devices/" + id).bearerAuth(other)));

        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        assertEquals(1, list(owner).size());
        assertEquals(List.of(), list(other));
    }

    @Test
    void aTooLongTokenOrAnUnknownPlatformIs400NamingTheField() {
        String parent = fixture.token(Caller.Kind.PARENT, Roles.PARENT);

        var tooLong = assertThrows(HttpClientResponseException.class, () -> register(parent, "t".repeat(4097), "ANDROID", null));
        var platform = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/me/devices", Map.of("token", newToken(), "platform", "SYMBIAN")).bearerAuth(parent), String.class));
        var spaces = assertThrows(HttpClientResponseException.class, () -> register(parent, " " + newToken(), "WEB", null));

        Problems.assertProblem(tooLong, 400, "token", "");
        assertEquals(400, platform.getStatus().getCode());
        Problems.assertProblem(spaces, 400, "token", "without spaces");
        assertEquals(List.of(), list(parent));
    }

    @Test
    void aLongTokenIsStoredWhole() {
        String parent = fixture.token(Caller.Kind.PARENT, Roles.PARENT);
        String start = newToken();
        String token = start + "y".repeat(4096 - start.length());

        assertEquals(HttpStatus.CREATED, register(parent, token, "WEB", null).getStatus());

        assertEquals(token, fixture.rows("SELECT token FROM device WHERE token_hash = ?", DeviceService.sha256(token))
                .get(0).get("token"));
    }

    private HttpResponse<String> register(String bearer, String token, String platform, String label) {
        Map<String, Object> body = new HashMap<>(Map.of("token", token, "platform", platform));
        if (label != null) {
            body.put("label", label);
        }
        return client.toBlocking().exchange(HttpRequest.POST("/me/devices", body).bearerAuth(bearer), String.class);
    }

    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Json.OBJECT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Map<String, Object>> list(String bearer) {
        List<Map<String, Object>> devices = client.toBlocking().retrieve(HttpRequest.GET("/me/devices").bearerAuth(bearer), Json.LIST);
        devices.forEach(d -> assertTrue(d.containsKey("tokenEnding") && !d.containsKey("token"), d.toString()));
        return devices;
    }
}
