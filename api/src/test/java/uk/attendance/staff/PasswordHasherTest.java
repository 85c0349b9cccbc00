package uk.attendance.staff;

import uk.attendance.auth.CountingBcrypt;

import org.junit.jupiter.api.Test;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private static final String TOO_LONG = "é".repeat(37);   // 74 bytes in UTF-8
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
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(TOO_LONG));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(" "));
        assertFalse(hasher.matches(TOO_LONG, hasher.hash("short")));
    }

    @Test
    void everyCheckComputesExactlyOneBcryptComparisonWhateverIsTyped() {
        CountingBcrypt bcrypt = new CountingBcrypt();
        PasswordHasher counted = new PasswordHasher(bcrypt);
        String hash = counted.hash("the-right-password");

        assertOneComparison(bcrypt, () -> counted.matches("the-right-password", hash));
        assertOneComparison(bcrypt, () -> !counted.matches("a-wrong-password", hash));
        assertOneComparison(bcrypt, () -> !counted.matches(TOO_LONG, hash));
        assertOneComparison(bcrypt, () -> !counted.matches("", hash));
        assertOneComparison(bcrypt, () -> !counted.matches(null, hash));
        // an unknown email: the decoy, also for a password too long or too short to check
        assertOneComparison(bcrypt, () -> !counted.matchesNothing("a-wrong-password"));
        assertOneComparison(bcrypt, () -> !counted.matchesNothing(TOO_LONG));
        assertOneComparison(bcrypt, () -> !counted.matchesNothing(""));
        assertOneComparison(bcrypt, () -> !counted.matchesNothing(null));
    }

    private static void assertOneComparison(CountingBcrypt bcrypt, BooleanSupplier check) {
        int before = bcrypt.comparisons();
        assertTrue(check.getAsBoolean());
        assertEquals(1, bcrypt.comparisons() - before);
    }
}
