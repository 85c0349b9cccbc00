package uk.attendance.rules.followup;

import uk.attendance.rules.Marks;
import uk.attendance.rules.SessionMark;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.attendance.rules.calendar.TestCalendars.ENGLAND_2024_25;

class ConsecutiveAbsenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            no marks at all                                  | -                                            | 2024-11-06 | 0
            present today                                    | 2024-11-06 AM 1 .                            | 2024-11-06 | 0
            first day, morning N, afternoon not yet taken    | 2024-11-05 AM 2 .; 2024-11-06 AM 1 N         | 2024-11-06 | 1
            three whole days of N                            | 2024-11-04 AM 6 N                            | 2024-11-06 | 3
            only the morning of today is known               | 2024-11-04 AM 5 N                            | 2024-11-06 | 3
            illness then unexplained: every absence counts   | 2024-11-04 AM 4 I; 2024-11-06 AM 1 N         | 2024-11-06 | 3
            authorised leave counts as absence               | 2024-11-04 AM 2 C; 2024-11-05 AM 3 O         | 2024-11-06 | 3
            present in an afternoon breaks the run           | 2024-11-04 AM 3 N; 2024-11-05 PM 1 .; 2024-11-06 AM 1 N | 2024-11-06 | 1
            late before the register closed is present       | 2024-11-04 AM 2 N; 2024-11-05 AM 1 L; 2024-11-05 PM 1 N; 2024-11-06 AM 1 N | 2024-11-06 | 1
            late after the register closed (U) is absence    | 2024-11-04 AM 2 N; 2024-11-05 AM 1 U; 2024-11-05 PM 1 N; 2024-11-06 AM 1 N | 2024-11-06 | 3
            a school day with no mark ends the run           | 2024-11-04 AM 2 N; 2024-11-06 AM 1 N         | 2024-11-06 | 1
            the weekend does not break the run               | 2024-11-07 AM 4 N; 2024-11-11 AM 1 N         | 2024-11-11 | 3
            half-term does not break the run                 | 2024-10-24 AM 4 N; 2024-11-04 AM 1 N         | 2024-11-04 | 3
            a half-day INSET day needs only its morning      | 2024-11-14 AM 3 N; 2024-11-18 AM 1 N         | 2024-11-18 | 3
            dual registration (not possible) is not absence  | 2024-11-04 AM 2 N; 2024-11-05 AM 2 D; 2024-11-06 AM 1 N | 2024-11-06 | 1
            counted from the day asked, not the latest mark  | 2024-11-04 AM 10 N                           | 2024-11-06 | 3
            from the first day of the autumn term            | 2024-09-04 AM 10 N                           | 2024-09-10 | 5
            """)
    void schoolDaysAbsentInARow(String scenario, String marks, LocalDate day, int expected) {
        List<SessionMark> register = Marks.onCalendar(ENGLAND_2024_25, marks);
        assertEquals(expected, ConsecutiveAbsence.schoolDaysEndingOn(ENGLAND_2024_25, register, day));
    }
}
