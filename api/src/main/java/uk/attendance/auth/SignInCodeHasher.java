package uk.attendance.auth;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes and hashes 6-digit sign-in codes. The stored value is HMAC-SHA256 of {@code mobile:code} under a key
 * derived from the token-signing secret, so a copy of the database alone cannot be used to try all million codes;
 * binding the number means equal codes for different numbers hash differently.
 */
@Singleton
class SignInCodeHasher {
    private static final String HMAC = "HmacSHA256";
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    SignInCodeHasher(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String jwtSecret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), HMAC),
                "attendance/sign-in-code/v1"), HMAC);
    }

    String newCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }

    String hash(String mobile, String code) {
        return HexFormat.of().formatHex(hmac(key, mobile + ":" + code));
    }

    /** A value no code hashes to. */
    String unmatchable() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean same(String hashA, String hashB) {
        return MessageDigest.isEqual(hashA.getBytes(StandardCharsets.US_ASCII), hashB.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
