package uk.attendance.platform;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The token-signing secret comes only from the environment ({@code JWT_SECRET}, at least 32 bytes).
 * Without it a random one is made for this process (local runs and tests), so tokens do not survive a restart;
 * with {@code ATTENDANCE_REQUIRE_SECRETS=true} (production) the app refuses to start instead.
 */
@ContextConfigurer
public final class JwtSecretConfigurer implements ApplicationContextConfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecretConfigurer.class);
    private static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        String secret = Optional.ofNullable(System.getenv("JWT_SECRET")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty("jwt.secret")))
                .orElse(null);
        if (secret == null) {
            if (Boolean.parseBoolean(System.getenv("ATTENDANCE_REQUIRE_SECRETS"))) {
                throw new IllegalStateException("JWT_SECRET is not set");
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LOG.warn("JWT_SECRET is not set: using a random signing secret; sign-ins end when the process stops");
        } else if (secret.length() < 32) {
            throw new IllegalStateException("JWT_SECRET must be at least 32 characters");
        }
        builder.properties(Map.of(PROPERTY, secret));
    }
}
