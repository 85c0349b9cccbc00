package uk.attendance.auth;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Opaque, single-use refresh tokens: 32 random bytes (base64url) handed out, their SHA-256 (hex) stored. */
@Singleton
class RefreshTokens {
    static final Duration LIFETIME = Duration.ofDays(30);
    private final SecureRandom random = new SecureRandom();
    private final RefreshTokenRepository tokens;
    private final Clock clock;

    RefreshTokens(RefreshTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    String issue(Subject subject) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDateTime now = now();
        tokens.save(new RefreshTokenRecord(null, sha256(token), subject.toString(), now, now.plus(LIFETIME), null));
        return token;
    }

    /** Revokes the token and says whose it was, or empty when it is unknown, expired or already used. */
    Optional<Subject> consume(String token) {
        String hash = sha256(token);
        if (tokens.revokeIfLive(hash, now()) != 1) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash).map(t -> Subject.parse(t.subject()));
    }

    void revoke(String token) {
        tokens.revokeIfLive(sha256(token), now());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
