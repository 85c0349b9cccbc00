package uk.attendance.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UkMobileTest {

    @ParameterizedTest
    @ValueSource(strings = {"07700900123", "07700 900123", "07700-900-123", " +44 7700 900123 ", "+447700900123",
            "0044 7700 900123", "447700900123", "+44 (0)7700 900123", "(07700) 900.123"})
    void whatPeopleTypeBecomesE164(String typed) {
        assertEquals(Optional.of("+447700900123"), UkMobile.parse(typed).map(UkMobile::e164));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "07700 90012", "07700 9001234", "01632 960123", "+33612345678", "+44 20 7946 0000",
            "0770090012a", "+4407700900123x", "seven"})
    void anythingElseIsNotAUkMobile(String typed) {
        assertEquals(Optional.empty(), UkMobile.parse(typed));
    }

    @Test
    void nullIsNotAUkMobile() {
        assertEquals(Optional.empty(), UkMobile.parse(null));
    }

    @Test
    void logsSeeOnlyTheStartAndTheEndOfANumber() {
        assertEquals("+44*******123", UkMobile.mask("+447700900123"));
        assertEquals("***", UkMobile.mask("12345"));
        assertEquals("***", UkMobile.mask(null));
    }
}
