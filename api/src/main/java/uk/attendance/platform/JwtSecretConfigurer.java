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
 * {@link #GENERATED} says so, and with {@code attendance.require-secrets} (production) {@link ProductionSafetyCheck}
 * refuses to start.
 */
@ContextConfigurer
public final class JwtSecretConfigurer implements ApplicationContextConfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecretConfigurer.class);
    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    /** True when no secret was configured and this process made up its own. */
    static final String GENERATED = "attendance.jwt.secret-generated";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        String secret = Optional.ofNullable(System.getenv("JWT_SECRET")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty("jwt.secret")))
                .orElse(null);
        if (secret == null) {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LOG.warn("JWT_SECRET is not set: using a random signing secret; sign-ins end when the process stops");
            builder.properties(Map.of(PROPERTY, secret, GENERATED, true));
            return;
        } else if (secret.length() < 32) {
            throw new IllegalStateException("JWT_SECRET must be at least 32 characters");
        }
        builder.properties(Map.of(PROPERTY, secret));
    }
}
