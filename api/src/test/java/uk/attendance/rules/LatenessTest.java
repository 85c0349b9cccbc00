package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatenessTest {

    @ParameterizedTest(name = "{0} {1} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            AM | 08:30    | 08:45 | 30 | 12:00 | ON_TIME           | /
            AM | 08:44:59 | 08:45 | 30 | 12:00 | ON_TIME           | /
            AM | 08:45    | 08:45 | 30 | 12:00 | ON_TIME           | /
            AM | 08:45:01 | 08:45 | 30 | 12:00 | LATE_BEFORE_CLOSE | L
            AM | 08:46    | 08:45 | 30 | 12:00 | LATE_BEFORE_CLOSE | L
            AM | 09:14    | 08:45 | 30 | 12:00 | LATE_BEFORE_CLOSE | L
            AM | 09:14:59 | 08:45 | 30 | 12:00 | LATE_BEFORE_CLOSE | L
            AM | 09:15    | 08:45 | 30 | 12:00 | LATE_AFTER_CLOSE  | U
            AM | 11:59    | 08:45 | 30 | 12:00 | LATE_AFTER_CLOSE  | U
            AM | 11:59:59 | 08:45 | 30 | 12:00 | LATE_AFTER_CLOSE  | U
            AM | 12:00    | 08:45 | 30 | 12:00 | AFTER_SESSION_END | -
            AM | 14:00    | 08:45 | 30 | 12:00 | AFTER_SESSION_END | -
            PM | 13:00    | 13:15 | 10 | 15:15 | ON_TIME           | \\
            PM | 13:24    | 13:15 | 10 | 15:15 | LATE_BEFORE_CLOSE | L
            PM | 13:25    | 13:15 | 10 | 15:15 | LATE_AFTER_CLOSE  | U
            PM | 15:14    | 13:15 | 10 | 15:15 | LATE_AFTER_CLOSE  | U
            PM | 15:15    | 13:15 | 10 | 15:15 | AFTER_SESSION_END | -
            AM | 08:45    | 08:45 | 1  | 12:00 | ON_TIME           | /
            AM | 08:45:30 | 08:45 | 1  | 12:00 | LATE_BEFORE_CLOSE | L
            AM | 08:46    | 08:45 | 1  | 12:00 | LATE_AFTER_CLOSE  | U
            """)
    void arrivalIsCodedAgainstRegisterCloseAndSessionEnd(Session session, LocalTime arrival, LocalTime opens, int minutes,
                                                         LocalTime ends, ArrivalOutcome outcome, String symbol) {
        assertEquals(outcome, Lateness.arrivalOutcome(arrival, opens, minutes, ends));
        Optional<RegisterCode> code = Optional.ofNullable(symbol).flatMap(RegisterCode::fromSymbol);
        assertEquals(code, Lateness.codeForArrival(arrival, opens, minutes, ends, session));
        assertEquals(code.filter(c -> c == RegisterCode.L || c == RegisterCode.U),
                Lateness.codeForArrival(arrival, opens, minutes, ends));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 31, 45, 60})
    void registerMinutesOutsideOneToThirtyAreRejected(int minutes) {
        var ex = assertThrows(IllegalArgumentException.class, () -> Lateness.validateRegisterMinutes(minutes));
        assertEquals("The register must stay open between 1 and 30 minutes, got " + minutes, ex.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Lateness.arrivalOutcome(LocalTime.of(9, 0), LocalTime.of(8, 45), minutes, LocalTime.of(12, 0)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 29, 30})
    void registerMinutesFromOneToThirtyAreAccepted(int minutes) {
        assertDoesNotThrow(() -> Lateness.validateRegisterMinutes(minutes));
    }

    @Test
    void sessionMustEndAfterTheRegisterCloses() {
        assertThrows(IllegalArgumentException.class,
                () -> Lateness.arrivalOutcome(LocalTime.of(9, 0), LocalTime.of(8, 45), 30, LocalTime.of(9, 15)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ON_TIME           | AM | /
            ON_TIME           | PM | \\
            LATE_BEFORE_CLOSE | AM | L
            LATE_BEFORE_CLOSE | PM | L
            LATE_AFTER_CLOSE  | AM | U
            LATE_AFTER_CLOSE  | PM | U
            AFTER_SESSION_END | AM | -
            AFTER_SESSION_END | PM | -
            """)
    void outcomeCodes(ArrivalOutcome outcome, Session session, String symbol) {
        assertEquals(Optional.ofNullable(symbol).flatMap(RegisterCode::fromSymbol), outcome.code(session));
    }
}
