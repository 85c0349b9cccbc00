package uk.attendance.auth;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;

/** BCrypt for staff passwords. Store only {@link #hash}; check with {@link #matches}. */
@Singleton
public class PasswordHasher {
    /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    // Checked when the email is unknown, so that answer takes as long as a wrong password.
    private final String decoy = bcrypt.encode("no account has this password");

    /**
     * @throws IllegalArgumentException for a blank password or one longer than {@value #MAX_BYTES} bytes in UTF-8
     */
    public String hash(String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("A password is needed");
        }
        if (tooLong(password)) {
            throw new IllegalArgumentException("A password may be at most " + MAX_BYTES + " bytes long");
        }
        return bcrypt.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null || tooLong(password)) {
            return false;
        }
        return bcrypt.matches(password, hash);
    }

    /** Spends the time of a real check, for unknown accounts. Always false. */
    boolean matchesNothing(String password) {
        bcrypt.matches(password == null || tooLong(password) ? "" : password, decoy);
        return false;
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
