package uk.attendance.patterns;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Month bitmasks to weekday and session counts; November 2025 starts on a Saturday, so 3 Nov is a Monday. */
class SessionTallyTest {
    private static final LocalDate NOVEMBER = LocalDate.parse("2025-11-01");

    /** The bit of a session in its month's row: (day - 1) * 2, plus one for the afternoon. */
    private static long bit(int day, Session session) {
        return 1L << ((day - 1) * 2 + (session == Session.PM ? 1 : 0));
    }

    @ParameterizedTest(name = "{0} on {1} {2}: possible {3}, authorised {4}, unauthorised {5}, L {6}, U {7}")
    @CsvSource({
            // code, day of November 2025, session, possible, authorised, unauthorised, L, U
            "/,  3, AM, 1, 0, 0, 0, 0",
            "\\, 3, PM, 1, 0, 0, 0, 0",
            "L,  4, AM, 1, 0, 0, 1, 0",
            "U,  5, AM, 1, 0, 1, 0, 1",
            "I,  6, PM, 1, 1, 0, 0, 0",
            "O,  7, PM, 1, 0, 1, 0, 0",
            "V,  7, AM, 1, 0, 0, 0, 0",
            "X, 10, AM, 0, 0, 0, 0, 0",
            "#, 10, PM, 0, 0, 0, 0, 0",
            "D, 11, AM, 0, 0, 0, 0, 0",
    })
    void eachCodeCountsByItsCategory(String symbol, int day, Session session, long possible, long authorised,
                                     long unauthorised, long late, long lateAfterClose) {
        RegisterCode code = RegisterCode.fromSymbol(symbol).orElseThrow();
        SessionTally t = new SessionTally().add(NOVEMBER, code, bit(day, session));
        DayOfWeek weekday = LocalDate.of(2025, 11, day).getDayOfWeek();
        assertEquals(new SessionTally.Counts(possible, authorised, unauthorised), t.of(weekday, session));
        assertEquals(new SessionTally.Counts(possible, authorised, unauthorised), t.total());
        assertEquals(late, t.late());
        assertEquals(lateAfterClose, t.lateAfterClose());
    }

    @Test
    void bitsSpreadOverWeekdaysAndSessions() {
        // O on every Monday (3, 10, 17, 24) and Friday (7, 14, 21, 28) of November, both sessions: 16 sessions
        long mondaysFridays = 0;
        for (int day : new int[]{3, 10, 17, 24, 7, 14, 21, 28}) {
            mondaysFridays |= bit(day, Session.AM) | bit(day, Session.PM);
        }
        // present on Tuesday to Thursday of the same weeks: 24 sessions
        long present = 0;
        long presentPm = 0;
        for (int monday : new int[]{3, 10, 17, 24}) {
            for (int day = monday + 1; day <= monday + 3; day++) {
                present |= bit(day, Session.AM);
                presentPm |= bit(day, Session.PM);
            }
        }
        SessionTally t = new SessionTally()
                .add(NOVEMBER, RegisterCode.O, mondaysFridays)
                .add(NOVEMBER, RegisterCode.PRESENT_AM, present)
                .add(NOVEMBER, RegisterCode.PRESENT_PM, presentPm);
        assertEquals(new SessionTally.Counts(8, 0, 8), t.of(DayOfWeek.MONDAY));
        assertEquals(new SessionTally.Counts(8, 0, 8), t.of(DayOfWeek.FRIDAY));
        assertEquals(new SessionTally.Counts(8, 0, 0), t.of(DayOfWeek.WEDNESDAY));
        assertEquals(new SessionTally.Counts(4, 0, 4), t.of(DayOfWeek.MONDAY, Session.PM));
        assertEquals(new SessionTally.Counts(20, 0, 8), t.of(Session.AM));
        assertEquals(new SessionTally.Counts(40, 0, 16), t.total());
        assertEquals(new SessionTally.Counts(16, 0, 16), t.mondaysAndFridays());
        // and adding two tallies sums them
        assertEquals(new SessionTally.Counts(80, 0, 32), new SessionTally().add(t).add(t).total());
    }

    @ParameterizedTest(name = "absent {0} of {1}: persistent absence {2}")
    @CsvSource({"0, 0, false", "6, 60, true", "5, 60, false", "38, 380, true", "37, 380, false", "1, 1, true"})
    void persistentAbsenceIsTenPerCentExactly(long absent, long possible, boolean expected) {
        assertEquals(expected, new SessionTally.Counts(possible, absent, 0).persistentAbsence());
        assertEquals(expected, new SessionTally.Counts(possible, 0, absent).persistentAbsence());
    }

    @Test
    void aWeekendBitIsCountedNowhere() {
        // 1 November 2025 is a Saturday: a calendar never has a session then, and the tally does not count it
        SessionTally t = new SessionTally().add(NOVEMBER, RegisterCode.O, bit(1, Session.AM));
        assertEquals(0, t.total().possible());
        assertFalse(t.total().persistentAbsence());
        assertTrue(SessionTally.weekdays().size() == 5);
    }
}
