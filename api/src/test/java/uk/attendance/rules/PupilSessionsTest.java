package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.attendance.rules.calendar.TestCalendars.ENGLAND_2024_25;

/** A pupil's sessions: the school sessions of the calendar on the days the pupil is on roll. */
class PupilSessionsTest {
    /** On roll from 9 September 2024 to 14 February 2025. */
    private static final PupilSessions SESSIONS = new PupilSessions(ENGLAND_2024_25,
            new PupilFacts(LocalDate.parse("2016-03-14"), LocalDate.parse("2024-09-09"), Optional.of(LocalDate.parse("2025-02-14"))));

    @ParameterizedTest(name = "{0} {1}: {2} ({3})")
    @CsvSource(delimiter = '|', value = {
            "2024-09-09 | AM | true  | admission day",
            "2024-09-06 | AM | false | a school day before admission",
            "2024-09-14 | AM | false | Saturday",
            "2024-10-30 | PM | false | half-term",
            "2024-11-15 | AM | true  | morning of a half-day INSET",
            "2024-11-15 | PM | false | afternoon of a half-day INSET",
            "2024-12-25 | AM | false | Christmas holiday",
            "2025-01-09 | AM | true  | unexpected closure: the register is kept (Y4)",
            "2025-02-14 | PM | true  | leaving day",
            "2025-02-17 | AM | false | after leaving"})
    void aSessionIsThePupilsWhenTheCalendarHasItAndThePupilIsOnRoll(LocalDate date, Session session, boolean included, String why) {
        assertEquals(included, SESSIONS.includes(date, session), why);
    }

    @ParameterizedTest
    @CsvSource({"2024-11-15"})
    void keepDropsMarksOffThePupilsSessions(LocalDate date) {
        SessionMark morning = new SessionMark(date, Session.AM, RegisterCode.O);
        SessionMark afternoon = new SessionMark(date, Session.PM, RegisterCode.O);
        SessionMark saturday = new SessionMark(date.plusDays(1), Session.AM, RegisterCode.O);
        assertEquals(List.of(morning), SESSIONS.keep(List.of(morning, afternoon, saturday)));
    }
}
