package uk.attendance.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsBcryptSaltedAndMatchesOnlyItsPassword() {
        String hash = hasher.hash("correct-horse-battery");

        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertNotEquals(hash, hasher.hash("correct-horse-battery"));
        assertTrue(hasher.matches("correct-horse-battery", hash));
        assertFalse(hasher.matches("correct-horse-batterY", hash));
    }

    @Test
    void passwordsBcryptWouldCutShortAreRefused() {
        String tooLong = "é".repeat(37);   // 74 bytes in UTF-8

        assertThrows(IllegalArgumentException.class, () -> hasher.hash(tooLong));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(" "));
        assertFalse(hasher.matches(tooLong, hasher.hash("short")));
    }
}
