package uk.attendance.rules.followup;

import uk.attendance.rules.Marks;
import uk.attendance.rules.SessionMark;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.attendance.rules.calendar.TestCalendars.ENGLAND_2024_25;
import static uk.attendance.rules.calendar.TestCalendars.d;

class HomeVisitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3 whole days of N                          | 2024-11-04 AM 6 N                          | 2024-11-22 | 2024-11-06
            2 days of N                                | 2024-11-04 AM 4 N                          | 2024-11-22 | -
            weekend does not break the run             | 2024-11-07 AM 6 N                          | 2024-11-22 | 2024-11-11
            half-term does not break the run           | 2024-10-24 AM 4 N; 2024-11-04 AM 2 N       | 2024-11-22 | 2024-11-04
            a half-day INSET day needs only its AM     | 2024-11-13 AM 5 N                          | 2024-11-22 | 2024-11-15
            a reported illness breaks the run          | 2024-11-04 AM 4 N; 2024-11-06 AM 2 I; 2024-11-07 AM 4 N | 2024-11-22 | -
            afternoon not yet taken on the 3rd day     | 2024-11-04 AM 5 N                          | 2024-11-06 | 2024-11-06
            only morning N every day, afternoons blank | 2024-11-04 AM 1 N; 2024-11-05 AM 1 N; 2024-11-06 AM 1 N | 2024-11-22 | 2024-11-06
            N then present in the afternoon breaks it  | 2024-11-04 AM 2 N; 2024-11-05 AM 1 N; 2024-11-05 PM 1 .; 2024-11-06 AM 4 N | 2024-11-22 | -
            no marks at all is not an absence          | 2024-11-04 AM 2 N                          | 2024-11-22 | -
            one task per run, a new run a new task     | 2024-11-04 AM 10 N; 2024-11-11 AM 2 .; 2024-11-12 AM 6 O; 2024-11-18 AM 6 N | 2024-11-22 | 2024-11-06 2024-11-20
            not before the 3rd day                     | 2024-11-04 AM 6 N                          | 2024-11-05 | -
            """)
    void taskOnTheThirdConsecutiveSchoolDayWithoutNotification(String scenario, String marks, LocalDate asOf,
                                                              String dueDates) {
        List<SessionMark> register = Marks.onCalendar(ENGLAND_2024_25, marks);
        List<LocalDate> expected = dueDates == null ? List.of()
                : Arrays.stream(dueDates.split(" ")).map(LocalDate::parse).toList();
        assertEquals(expected, HomeVisit.dueDates(ENGLAND_2024_25, d("2024-09-01"), asOf,
                HomeVisit.unexplainedInRegister(ENGLAND_2024_25, register)));
    }
}
