package uk.attendance.register;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cutting a month's session bits to a range: the ends of a range fall inside months. */
class PupilMarkReaderTest {

    @ParameterizedTest(name = "{0} cut to {1}..{2}: {3} sessions")
    @CsvSource({
            // month,     from,       to,         sessions of a month where every session (62 bits) is set
            "2025-10-01, 2025-09-01, 2026-07-20, 62",
            "2025-10-01, 2025-10-01, 2025-10-31, 62",
            "2025-10-01, 2025-10-02, 2025-10-31, 60",
            "2025-10-01, 2025-10-01, 2025-10-01, 2",
            "2025-10-01, 2025-10-15, 2025-10-15, 2",
            "2025-10-01, 2025-10-31, 2025-11-30, 2",
            "2025-10-01, 2025-09-01, 2025-10-10, 20",
            "2025-02-01, 2025-02-10, 2025-03-31, 44",  // from the 10th to the last bit of the month
    })
    void withinKeepsTheSessionsOfTheRange(LocalDate month, LocalDate from, LocalDate to, int sessions) {
        long everySession = (1L << 62) - 1;
        assertEquals(sessions, Long.bitCount(everySession & PupilMarkReader.within(month, from, to)));
    }

    @ParameterizedTest
    @CsvSource({"2025-10-01, AM, 0", "2025-10-01, PM, 1", "2025-10-02, AM, 2", "2025-10-31, PM, 61"})
    void aSessionsBitIsItsDayAndHalf(LocalDate date, Session session, int position) {
        assertEquals(position, MarkMonths.position(date, session));
        assertEquals(1L << position, MarkMonths.bit(date, session));
    }

    /** The pupil's sessions of a month as bits: a calendar with autumn half-term 27-31 October 2025, admitted 8 October. */
    @ParameterizedTest
    @CsvSource({
            "2025-10-01, 2025-09-01, 36",  // 23 weekdays less 5 of half-term: 18 days
            "2025-10-01, 2025-10-08, 26",  // from Wednesday the 8th to the 24th: 13 days
            "2025-11-01, 2025-10-08, 40"}) // 20 weekdays
    void aMonthIsCutToThePupilsSessions(LocalDate month, LocalDate admitted, int sessions) {
        uk.attendance.rules.calendar.SchoolCalendar calendar = new uk.attendance.rules.calendar.SchoolCalendar(
                java.util.List.of(new uk.attendance.rules.calendar.Term("Autumn", LocalDate.parse("2025-09-01"), LocalDate.parse("2025-12-19"))),
                java.util.List.of(new uk.attendance.rules.calendar.Closure(LocalDate.parse("2025-10-27"), LocalDate.parse("2025-10-31"),
                        uk.attendance.rules.calendar.ClosureKind.HALF_TERM, uk.attendance.rules.calendar.SessionScope.ALL_DAY, "Half-term")));
        var pupil = new uk.attendance.rules.PupilSessions(calendar,
                new uk.attendance.rules.PupilFacts(LocalDate.parse("2016-03-14"), admitted, java.util.Optional.empty()));
        long bits = PupilMarkReader.pupilSessions(month, pupil);
        assertEquals(sessions, Long.bitCount(bits));
        LocalDate saturday = month.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SATURDAY));
        assertEquals(0, bits & MarkMonths.bit(saturday, Session.AM), "a Saturday is nobody's session");
    }
}
