package uk.attendance.rules.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.attendance.rules.calendar.TestCalendars.ENGLAND_2024_25;
import static uk.attendance.rules.calendar.TestCalendars.d;

class SchoolCalendarTest {
    private final SchoolCalendar calendar = ENGLAND_2024_25;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2024-09-02 | HOLIDAY            | false | false | -           | -
            2024-09-03 | INSET              | false | false | Autumn 2024 | Staff training
            2024-09-04 | SCHOOL_DAY         | true  | true  | Autumn 2024 | -
            2024-09-07 | WEEKEND            | false | false | Autumn 2024 | -
            2024-10-25 | SCHOOL_DAY         | true  | true  | Autumn 2024 | -
            2024-10-28 | HALF_TERM          | false | false | Autumn 2024 | Autumn half-term
            2024-11-01 | HALF_TERM          | false | false | Autumn 2024 | Autumn half-term
            2024-11-04 | SCHOOL_DAY         | true  | true  | Autumn 2024 | -
            2024-11-15 | SCHOOL_DAY         | true  | false | Autumn 2024 | Half-day INSET (PM): Staff training
            2024-12-20 | SCHOOL_DAY         | true  | true  | Autumn 2024 | -
            2024-12-23 | HOLIDAY            | false | false | -           | -
            2024-12-25 | HOLIDAY            | false | false | -           | -
            2025-01-06 | SCHOOL_DAY         | true  | true  | Spring 2025 | -
            2025-01-09 | UNEXPECTED_CLOSURE | true  | true  | Spring 2025 | Snow
            2025-02-17 | HALF_TERM          | false | false | Spring 2025 | Spring half-term
            2025-03-03 | SCHOOL_DAY         | false | true  | Spring 2025 | Half-day INSET (AM): Safeguarding update
            2025-04-04 | SCHOOL_DAY         | true  | true  | Spring 2025 | -
            2025-04-07 | HOLIDAY            | false | false | -           | -
            2025-04-21 | HOLIDAY            | false | false | -           | -
            2025-04-22 | SCHOOL_DAY         | true  | true  | Summer 2025 | -
            2025-05-05 | BANK_HOLIDAY       | false | false | Summer 2025 | Early May bank holiday
            2025-05-26 | HALF_TERM          | false | false | Summer 2025 | Summer half-term
            2025-07-21 | PLANNED_CLOSURE    | false | false | Summer 2025 | Polling station
            2025-07-22 | SCHOOL_DAY         | true  | true  | Summer 2025 | -
            2025-07-23 | HOLIDAY            | false | false | -           | -
            2025-08-30 | WEEKEND            | false | false | -           | -
            2025-09-03 | SCHOOL_DAY         | true  | true  | Autumn 2025 | -
            2020-01-01 | HOLIDAY            | false | false | -           | -
            2030-01-05 | WEEKEND            | false | false | -           | -
            """)
    void dayKindsAndSessions(LocalDate date, DayKind kind, boolean am, boolean pm, String term, String description) {
        CalendarDay day = calendar.day(date);
        assertEquals(new CalendarDay(date, kind, am, pm, Optional.ofNullable(term), Optional.ofNullable(description)), day);
        assertEquals(am, calendar.isSession(date, Session.AM));
        assertEquals(pm, calendar.isSession(date, Session.PM));
        assertEquals(am || pm, calendar.isSchoolDay(date));
        assertEquals(am || pm, day.isSchoolDay());
    }

    @ParameterizedTest(name = "{0} +{1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-10-24 | 3 | 2024-10-25 2024-11-04 2024-11-05
            2024-12-19 | 3 | 2024-12-20 2025-01-06 2025-01-07
            2024-09-01 | 2 | 2024-09-04 2024-09-05
            2024-11-14 | 2 | 2024-11-15 2024-11-18
            2025-01-08 | 1 | 2025-01-09
            2025-02-28 | 2 | 2025-03-03 2025-03-04
            2025-07-18 | 3 | 2025-07-22 2025-09-03 2025-09-04
            2025-12-17 | 5 | 2025-12-18 2025-12-19
            2025-12-19 | 1 | ''
            2024-10-24 | 0 | ''
            """)
    void schoolDaysAfterSkipsWeekendsHolidaysAndClosures(LocalDate date, int n, String expected) {
        List<LocalDate> expectedDays = expected.isBlank() ? List.of()
                : Arrays.stream(expected.split(" ")).map(LocalDate::parse).toList();
        assertEquals(expectedDays, calendar.schoolDaysAfter(date, n));
    }

    @ParameterizedTest(name = "{1}th school day after {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2024-11-14 | 1 | 2024-11-15
            2024-11-14 | 5 | 2024-11-21
            2024-11-15 | 5 | 2024-11-22
            2024-10-23 | 5 | 2024-11-06
            2024-12-16 | 5 | 2025-01-06
            2025-02-12 | 5 | 2025-02-26
            2025-07-16 | 5 | 2025-09-04
            2025-12-19 | 1 | -
            """)
    void nthSchoolDayAfter(LocalDate date, int n, LocalDate expected) {
        assertEquals(Optional.ofNullable(expected), calendar.nthSchoolDayAfter(date, n));
    }

    @Test
    void nthSchoolDayRejectsNonPositiveN() {
        assertThrows(IllegalArgumentException.class, () -> calendar.nthSchoolDayAfter(d("2024-11-14"), 0));
        assertThrows(IllegalArgumentException.class, () -> calendar.schoolDaysAfter(d("2024-11-14"), -1));
    }

    @ParameterizedTest(name = "week of {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-09-05 | 2024-09-02 | 2024-09-08 | 6
            2024-09-08 | 2024-09-02 | 2024-09-08 | 6
            2024-09-09 | 2024-09-09 | 2024-09-15 | 10
            2024-10-30 | 2024-10-28 | 2024-11-03 | 0
            2024-11-13 | 2024-11-11 | 2024-11-17 | 9
            2024-12-25 | 2024-12-23 | 2024-12-29 | 0
            2025-01-09 | 2025-01-06 | 2025-01-12 | 10
            2025-03-05 | 2025-03-03 | 2025-03-09 | 9
            2025-05-07 | 2025-05-05 | 2025-05-11 | 8
            2025-07-21 | 2025-07-21 | 2025-07-27 | 2
            2025-09-01 | 2025-09-01 | 2025-09-07 | 6
            2019-06-12 | 2019-06-10 | 2019-06-16 | 0
            """)
    void weekContaining(LocalDate date, LocalDate monday, LocalDate sunday, int sessions) {
        SchoolWeek week = calendar.weekContaining(date);
        assertEquals(new SchoolWeek(monday, sunday, sessions), week);
        assertEquals(sessions > 0, week.isSchoolWeek());
    }

    @ParameterizedTest(name = "{1} school weeks ending with {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-11-06 | 3  | 2024-10-14 2024-10-21 2024-11-04
            2024-10-30 | 2  | 2024-10-14 2024-10-21
            2025-01-08 | 3  | 2024-12-09 2024-12-16 2025-01-06
            2025-04-23 | 2  | 2025-03-31 2025-04-21
            2025-09-10 | 3  | 2025-07-21 2025-09-01 2025-09-08
            2025-09-05 | 3  | 2025-07-14 2025-07-21 2025-09-01
            2025-08-15 | 1  | 2025-07-21
            2024-09-05 | 10 | 2024-09-02
            2024-08-01 | 3  | ''
            2024-11-06 | 0  | ''
            2024-11-13 | 9  | 2024-09-09 2024-09-16 2024-09-23 2024-09-30 2024-10-07 2024-10-14 2024-10-21 2024-11-04 2024-11-11
            """)
    void schoolWeeksEndingWithSkipHolidaysAndCrossYears(LocalDate date, int count, String mondays) {
        List<LocalDate> expected = mondays.isBlank() ? List.of()
                : Arrays.stream(mondays.split(" ")).map(LocalDate::parse).toList();
        List<SchoolWeek> weeks = calendar.schoolWeeksEndingWith(date, count);
        assertEquals(expected, weeks.stream().map(SchoolWeek::monday).toList());
        assertTrue(weeks.stream().allMatch(SchoolWeek::isSchoolWeek));
    }

    @Test
    void tenSchoolWeeksBackFromMidNovemberIncludeTheFirstPartialWeek() {
        List<SchoolWeek> weeks = calendar.schoolWeeksEndingWith(d("2024-11-13"), 11);
        assertEquals(10, weeks.size(), "only 10 school weeks exist so far: 2 Sep to 11 Nov without half-term");
        assertEquals(d("2024-09-02"), weeks.get(0).monday());
        assertEquals(6, weeks.get(0).sessions());
    }

    @Test
    void weekWithOnlyInsetDaysIsNotASchoolWeek() {
        SchoolCalendar c = new SchoolCalendar(
                List.of(new Term("Spring", d("2026-01-05"), d("2026-01-23"))),
                List.of(new Closure(d("2026-01-05"), d("2026-01-09"), ClosureKind.INSET, SessionScope.ALL_DAY, "Training week"),
                        new Closure(d("2026-01-16"), d("2026-01-16"), ClosureKind.UNEXPECTED_CLOSURE, SessionScope.ALL_DAY, "Flood")));
        assertFalse(c.weekContaining(d("2026-01-07")).isSchoolWeek());
        assertEquals(10, c.weekContaining(d("2026-01-16")).sessions(), "Y4 days keep their sessions");
        assertEquals(List.of(d("2026-01-12"), d("2026-01-19")),
                c.schoolWeeksEndingWith(d("2026-01-20"), 10).stream().map(SchoolWeek::monday).toList());
    }

    @Test
    void daysListsEveryDateInclusive() {
        List<CalendarDay> days = calendar.days(d("2024-10-25"), d("2024-11-04"));
        assertEquals(11, days.size());
        assertEquals(d("2024-10-25"), days.get(0).date());
        assertEquals(DayKind.SCHOOL_DAY, days.get(0).kind());
        assertEquals(DayKind.WEEKEND, days.get(1).kind());
        assertEquals(DayKind.HALF_TERM, days.get(3).kind());
        assertEquals(DayKind.SCHOOL_DAY, days.get(10).kind());
        assertEquals(1, calendar.days(d("2024-10-25"), d("2024-10-25")).size());
        assertThrows(IllegalArgumentException.class, () -> calendar.days(d("2024-11-04"), d("2024-10-25")));
    }

    @Test
    void emptyCalendarHasNoSessions() {
        SchoolCalendar empty = new SchoolCalendar(List.of(), List.of());
        assertFalse(empty.isSchoolDay(d("2024-09-04")));
        assertEquals(DayKind.HOLIDAY, empty.day(d("2024-09-04")).kind());
        assertEquals(List.of(), empty.schoolWeeksEndingWith(d("2024-09-04"), 10));
        assertEquals(List.of(), empty.schoolDaysAfter(d("2024-09-04"), 3));
        assertEquals(0, empty.weekContaining(d("2024-09-04")).sessions());
    }

    @Test
    void termsMayBeGivenInAnyOrder() {
        SchoolCalendar reversed = new SchoolCalendar(reverse(TestCalendars.TERMS_2024_25), TestCalendars.CLOSURES_2024_25);
        assertEquals(calendar.days(d("2024-08-26"), d("2025-12-28")), reversed.days(d("2024-08-26"), d("2025-12-28")));
    }

    private static <T> List<T> reverse(List<T> list) {
        var copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            term ends before it starts | 2024-09-03 | 2024-09-02 | 2025-01-06 | 2025-04-04 | 2024-10-28 | 2024-11-01 | Term 'A' starts on 2024-09-03 after it ends on 2024-09-02
            terms overlap              | 2024-09-03 | 2025-01-06 | 2025-01-06 | 2025-04-04 | 2024-10-28 | 2024-11-01 | Terms 'A' (2024-09-03 to 2025-01-06) and 'B' (2025-01-06 to 2025-04-04) overlap
            closure ends before start  | 2024-09-03 | 2024-12-20 | 2025-01-06 | 2025-04-04 | 2024-11-01 | 2024-10-28 | Closure 'Half-term' (HALF_TERM) starts on 2024-11-01 after it ends on 2024-10-28
            """)
    void invalidCalendarsAreRejectedWithAMessageNamingTheProblem(String problem, LocalDate aStart, LocalDate aEnd,
                                                                 LocalDate bStart, LocalDate bEnd, LocalDate cStart,
                                                                 LocalDate cEnd, String message) {
        var ex = assertThrows(IllegalArgumentException.class, () -> new SchoolCalendar(
                List.of(new Term("A", aStart, aEnd), new Term("B", bStart, bEnd)),
                List.of(new Closure(cStart, cEnd, ClosureKind.HALF_TERM, SessionScope.ALL_DAY, "Half-term"))));
        assertEquals(message, ex.getMessage());
    }
}
