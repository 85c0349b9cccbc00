package uk.attendance.staff;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;

/**
 * BCrypt for staff passwords. Store only {@link #hash}; check with {@link #matches}. Every check runs exactly one
 * bcrypt comparison, whatever is typed and whether or not the account exists, so the time of a refusal says nothing
 * about the account.
 */
@Singleton
public class PasswordHasher {
    /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    /** Compared with {@link #decoy} in place of a password that cannot be checked (empty, too long). */
    private static final String UNCHECKABLE = "no password is this long or this short";
    private final BCryptPasswordEncoder bcrypt;
    // Compared when the email is unknown or the password cannot be checked, so that answer takes as long as a wrong password.
    private final String decoy;

    @Inject
    public PasswordHasher() {
        this(new BCryptPasswordEncoder());
    }

    public PasswordHasher(BCryptPasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
        this.decoy = bcrypt.encode("no account has this password");
    }

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
        if (hash == null || uncheckable(password)) {
            return matchesNothing(password);
        }
        return bcrypt.matches(password, hash);
    }

    /** Spends the time of a real check, for unknown accounts. Always false. */
    public boolean matchesNothing(String password) {
        // BCryptPasswordEncoder answers an empty password at once, without hashing: never hand it one
        bcrypt.matches(uncheckable(password) ? UNCHECKABLE : password, decoy);
        return false;
    }

    private static boolean uncheckable(String password) {
        return password == null || password.isEmpty() || tooLong(password);
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
