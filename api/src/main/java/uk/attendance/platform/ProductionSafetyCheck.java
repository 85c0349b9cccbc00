package uk.attendance.platform;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.value.PropertyResolver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * With {@code attendance.require-secrets} (env {@code ATTENDANCE_REQUIRE_SECRETS=true}, set in the container image) the
 * app refuses to start while any setting is unsafe for real families: a missing secret (JWT, Twilio, Firebase), a
 * development stand-in left on (demo data, a fixed clock, the fake Twilio or FCM address) or the demo password used as
 * a real one. Every unsafe setting is named in one message, so one failed start is enough to fix them all.
 */
@Context
@Requires(property = ProductionSafetyCheck.REQUIRE_SECRETS, value = "true")
public final class ProductionSafetyCheck {
    public static final String REQUIRE_SECRETS = "attendance.require-secrets";
    /** The demo trust's staff password when {@code attendance.demo.password} is not set. */
    public static final String DEFAULT_DEMO_PASSWORD = "demo-password-2025";

    /** Secrets that must never be the demo password, by property, with the variable an operator sets. */
    private static final Map<String, String> SECRETS = Map.of(
            "datasources.default.password", "DATASOURCES_DEFAULT_PASSWORD",
            "attendance.twilio.auth-token", "TWILIO_AUTH_TOKEN",
            "attendance.evidence.s3.secret-access-key", "EVIDENCE_S3_SECRET_ACCESS_KEY",
            JwtSecretConfigurer.PROPERTY, "JWT_SECRET");

    ProductionSafetyCheck(PropertyResolver properties) {
        List<String> unsafe = unsafeSettings(properties);
        if (!unsafe.isEmpty()) {
            throw new IllegalStateException("ATTENDANCE_REQUIRE_SECRETS=true (production) but " + unsafe.size()
                    + " setting(s) are unsafe: " + String.join("; ", unsafe)
                    + ". Fix them, or leave ATTENDANCE_REQUIRE_SECRETS unset on a development machine.");
        }
    }

    /** Every unsafe setting, in a stable order; empty when the app may start in production. */
    static List<String> unsafeSettings(PropertyResolver properties) {
        List<String> unsafe = new ArrayList<>();
        if (properties.getProperty(JwtSecretConfigurer.GENERATED, Boolean.class).orElse(false)) {
            unsafe.add("JWT_SECRET is not set (sign-in tokens need a fixed secret of at least 32 characters)");
        }
        if (set(properties, "attendance.twilio.account-sid").isEmpty()) {
            unsafe.add("TWILIO_ACCOUNT_SID is not set: texts cannot be sent");
        }
        if (set(properties, "attendance.firebase.service-account").isEmpty()) {
            unsafe.add("FIREBASE_SERVICE_ACCOUNT is not set: push notifications cannot be sent");
        }
        if (properties.getProperty("attendance.demo.enabled", Boolean.class).orElse(false)) {
            unsafe.add("DEMO_DATA is on (the demo trust and its shared staff password would be loaded)");
        }
        set(properties, "attendance.clock.fixed")
                .ifPresent(v -> unsafe.add("ATTENDANCE_CLOCK_FIXED is set (the clock would stand still)"));
        set(properties, "attendance.twilio.api-base-url")
                .ifPresent(v -> unsafe.add("TWILIO_API_BASE_URL is set (texts would go to a fake Twilio)"));
        set(properties, "attendance.firebase.api-base-url")
                .ifPresent(v -> unsafe.add("FIREBASE_API_BASE_URL is set (pushes would go to a fake FCM)"));
        Set<String> demoPasswords = new LinkedHashSet<>(List.of(DEFAULT_DEMO_PASSWORD));
        set(properties, "attendance.demo.password").ifPresent(demoPasswords::add);
        SECRETS.entrySet().stream()
                .filter(secret -> set(properties, secret.getKey()).filter(demoPasswords::contains).isPresent())
                .map(secret -> secret.getValue() + " is the demo password")
                .sorted()
                .forEach(unsafe::add);
        return unsafe;
    }

    private static Optional<String> set(PropertyResolver properties, String name) {
        return properties.getProperty(name, String.class).filter(s -> !s.isBlank());
    }
}
