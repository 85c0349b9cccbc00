package uk.attendance.register;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A lock taken on "still unexplained" only means something inside the caller's transaction (it ends with it), so
 * both forms refuse to run without one rather than locking and releasing at once.
 */
@MicronautTest(transactional = false)
class RegisterLocksTest {
    private static final LocalDate DAY = LocalDate.of(2025, 11, 20);

    @Inject
    RegisterService register;
    @Inject
    LockingCaller inTransaction;

    @Test
    void lockingOnePupilOutsideATransactionIsRefused() {
        assertThrows(IllegalTransactionStateException.class, () -> register.lockIfUnexplained(1L, DAY, Session.AM));
    }

    @Test
    void lockingSeveralPupilsOutsideATransactionIsRefused() {
        assertThrows(IllegalTransactionStateException.class, () -> register.lockIfUnexplained(List.of(1L, 2L), DAY, Session.AM));
    }

    @Test
    void insideATransactionBothFormsAnswer() {
        assertFalse(inTransaction.one(register, Long.MAX_VALUE));
        assertEquals(Set.of(), inTransaction.several(register, List.of(Long.MAX_VALUE)));
    }
}
