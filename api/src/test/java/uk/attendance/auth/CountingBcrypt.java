package uk.attendance.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real BCrypt encoder, counting the comparisons it actually computes: Spring calls {@code matchesNonNull} only for
 * a non-empty password, and answers an empty one at once without hashing.
 */
public final class CountingBcrypt extends BCryptPasswordEncoder {
    private final AtomicInteger comparisons = new AtomicInteger();

    public CountingBcrypt() {
        super(4);
    }

    @Override
    protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
        comparisons.incrementAndGet();
        return super.matchesNonNull(rawPassword, encodedPassword);
    }

    public int comparisons() {
        return comparisons.get();
    }
}
