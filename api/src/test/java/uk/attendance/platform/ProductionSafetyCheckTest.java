package uk.attendance.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.auth.TokenIssuer;
import uk.attendance.notify.push.FakeFcm;
import uk.attendance.notify.text.FakeTwilio;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production ({@code attendance.require-secrets}) starts only with every secret set and no development setting on; a
 * refusal names every unsafe setting in one message.
 */
class ProductionSafetyCheckTest {
    private static final String JWT_SECRET = "production-test-secret-0123456789-abcdefghij";

    @TempDir
    Path dir;
    Path serviceAccount;

    @BeforeEach
    void writeServiceAccount() throws IOException, NoSuchAlgorithmException {
        serviceAccount = dir.resolve("firebase-service-account.json");
        Files.writeString(serviceAccount, serviceAccountJson());
        // JwtSecretConfigurer reads JWT_SECRET, or this property where the environment cannot be set
        System.setProperty("jwt.secret", JWT_SECRET);
    }

    @AfterEach
    void clearJwtSecret() {
        System.clearProperty("jwt.secret");
    }

    @Test
    void withEverySecretAndNoDevelopmentSettingItStartsAndHidesDevTexts() throws Exception {
        try (EmbeddedServer server = ApplicationContext.builder("test").properties(safe()).run(EmbeddedServer.class)) {
            String admin = server.getApplicationContext().getBean(TokenIssuer.class).accessToken(
                    new Caller(Caller.Kind.STAFF, 1, 1, Optional.empty(), Set.of(Roles.TRUST_ADMIN), "Admin", ""));
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.getURI().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> devTexts = http.send(HttpRequest.newBuilder(server.getURI().resolve("/dev/texts"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, health.statusCode());
            assertEquals(404, devTexts.statusCode(), devTexts.body());
        }
    }

    @Test
    void withoutJwtSecretItRefuses() {
        System.clearProperty("jwt.secret");
        assertRefused(safe(), "JWT_SECRET is not set");
    }

    @Test
    void withoutTwilioItRefuses() {
        Map<String, Object> settings = safe();
        settings.remove("attendance.twilio.account-sid");
        assertRefused(settings, "TWILIO_ACCOUNT_SID is not set");
    }

    @Test
    void withoutFirebaseItRefuses() {
        Map<String, Object> settings = safe();
        settings.remove("attendance.firebase.service-account");
        assertRefused(settings, "FIREBASE_SERVICE_ACCOUNT is not set");
    }

    @Test
    void withDemoDataItRefuses() {
        assertRefused(with("attendance.demo.enabled", "true"), "DEMO_DATA is on");
    }

    @Test
    void withAFixedClockItRefuses() {
        assertRefused(with("attendance.clock.fixed", "2025-11-20T10:15:00Z"), "ATTENDANCE_CLOCK_FIXED is set");
    }

    @Test
    void withAFakeTwilioAddressItRefuses() {
        assertRefused(with("attendance.twilio.api-base-url", "http://127.0.0.1:9"), "TWILIO_API_BASE_URL is set");
    }

    @Test
    void withAFakeFcmAddressItRefuses() {
        assertRefused(with("attendance.firebase.api-base-url", FakeFcm.API_BASE_URL), "FIREBASE_API_BASE_URL is set");
    }

    @Test
    void withTheDefaultDemoPasswordAsASecretItRefuses() {
        assertRefused(with("attendance.twilio.auth-token", ProductionSafetyCheck.DEFAULT_DEMO_PASSWORD),
                "TWILIO_AUTH_TOKEN is the demo password");
    }

    @Test
    void withTheConfiguredDemoPasswordAsASecretItRefuses() {
        Map<String, Object> settings = with("attendance.demo.password", "our-own-demo-password");
        settings.put("attendance.evidence.s3.secret-access-key", "our-own-demo-password");
        assertRefused(settings, "EVIDENCE_S3_SECRET_ACCESS_KEY is the demo password");
    }

    @Test
    void oneMessageNamesEveryUnsafeSetting() {
        System.clearProperty("jwt.secret");
        Map<String, Object> settings = safe();
        settings.remove("attendance.twilio.account-sid");
        settings.remove("attendance.firebase.service-account");
        settings.putAll(Map.of("attendance.demo.enabled", "true", "attendance.clock.fixed", "2025-11-20T10:15:00Z",
                "attendance.twilio.api-base-url", "http://127.0.0.1:9", "attendance.firebase.api-base-url", FakeFcm.API_BASE_URL,
                "attendance.twilio.auth-token", ProductionSafetyCheck.DEFAULT_DEMO_PASSWORD));

        String message = refusal(settings);

        for (String named : List.of("JWT_SECRET is not set", "TWILIO_ACCOUNT_SID is not set", "FIREBASE_SERVICE_ACCOUNT is not set",
                "DEMO_DATA is on", "ATTENDANCE_CLOCK_FIXED is set", "TWILIO_API_BASE_URL is set", "FIREBASE_API_BASE_URL is set",
                "TWILIO_AUTH_TOKEN is the demo password")) {
            assertTrue(message.contains(named), named + " missing from: " + message);
        }
        assertTrue(message.contains("8 setting(s) are unsafe"), message);
    }

    @Test
    void withoutRequireSecretsTheDevelopmentSettingsAreAllowed() {
        System.clearProperty("jwt.secret");
        Map<String, Object> settings = new HashMap<>(Map.of("attendance.clock.fixed", "2025-11-20T10:15:00Z"));
        try (ApplicationContext context = start(settings)) {
            assertFalse(context.containsBean(ProductionSafetyCheck.class));
        }
    }

    private Map<String, Object> safe() {
        return new HashMap<>(Map.of(
                "attendance.require-secrets", "true",
                "attendance.demo.enabled", "false",
                "attendance.twilio.account-sid", FakeTwilio.ACCOUNT_SID,
                "attendance.twilio.auth-token", FakeTwilio.AUTH_TOKEN,
                "attendance.twilio.from-number", FakeTwilio.FROM_NUMBER,
                "attendance.firebase.service-account", serviceAccount.toString()));
    }

    private Map<String, Object> with(String property, String value) {
        Map<String, Object> settings = safe();
        settings.put(property, value);
        return settings;
    }

    /** Refused, naming the setting and no other: the safe settings around it really are safe. */
    private static void assertRefused(Map<String, Object> settings, String named) {
        String message = refusal(settings);
        assertTrue(message.contains(named), message);
        assertTrue(message.contains("1 setting(s) are unsafe"), message);
    }

    private static String refusal(Map<String, Object> settings) {
        Throwable e = assertThrows(RuntimeException.class, () -> start(settings).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("ATTENDANCE_REQUIRE_SECRETS=true (production)"), messages.toString());
        return messages.toString();
    }

    /** As the application starts: with JwtSecretConfigurer's properties (ApplicationContext.run(Map) would hide them). */
    private static ApplicationContext start(Map<String, Object> settings) {
        return ApplicationContext.builder("test").properties(settings).start();
    }

    /** A service-account file with a freshly made key: read at start, never used to call Google here. */
    private static String serviceAccountJson() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";
        return """
                {"type": "service_account", "project_id": "attendance-test", "private_key_id": "test-key",
                 "private_key": "%s",
                 "client_email": "api@attendance-test.iam.gserviceaccount.com", "client_id": "1",
                 "token_uri": "https://oauth2.googleapis.com/token"}
                """.formatted(pem);
    }
}
