package uk.attendance.rules.returns;

import uk.attendance.rules.Marks;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.SessionMark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.attendance.rules.calendar.TestCalendars.ENGLAND_2024_25;
import static uk.attendance.rules.calendar.TestCalendars.d;

class AttendanceReturnTest {
    private static final PupilFacts PUPIL = new PupilFacts(d("2015-01-01"), d("2024-09-03"), Optional.empty());

    /** Expected returns as "first due last days" groups separated by ';'. */
    private static List<AttendanceReturnDue> expected(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.split(";")).map(String::trim).map(g -> g.split("\\s+"))
                .map(p -> new AttendanceReturnDue(d(p[0]), d(p[1]), d(p[2]), Integer.parseInt(p[3])))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            10 days of mixed G N U, half-day on the 10th | 2024-11-04 AM 6 G; 2024-11-07 AM 6 N; 2024-11-12 AM 7 U; 2024-11-18 AM 2 . | 2024-11-22 | 2024-11-04 2024-11-15 2024-11-15 10
            9 days only                                  | 2024-11-04 AM 18 O; 2024-11-15 AM 1 .                          | 2024-11-22 | -
            half-term does not break the run             | 2024-10-21 AM 20 O                                              | 2024-11-15 | 2024-10-21 2024-11-08 2024-11-08 10
            Christmas does not break the run             | 2024-12-10 AM 18 G; 2025-01-06 AM 4 O                           | 2025-01-10 | 2024-12-10 2025-01-06 2025-01-07 11
            an I session breaks the run                  | 2024-11-04 AM 10 O; 2024-11-11 AM 1 I; 2024-11-11 PM 9 O        | 2024-11-29 | -
            an L session breaks the run                  | 2024-11-04 AM 10 O; 2024-11-11 AM 1 L; 2024-11-11 PM 9 O        | 2024-11-29 | -
            a missing mark breaks the run                | 2024-11-04 AM 10 O; 2024-11-12 AM 8 O                           | 2024-11-29 | -
            a Y4 day breaks the run                      | 2025-01-06 AM 6 O; 2025-01-09 AM 2 Y4; 2025-01-10 AM 14 O       | 2025-01-31 | -
            one return per run, however long             | 2024-11-04 AM 29 G                                              | 2024-11-29 | 2024-11-04 2024-11-15 2024-11-22 15
            two separate runs                            | 2024-09-09 AM 20 O; 2024-09-23 AM 2 .; 2024-09-24 AM 20 N       | 2024-10-31 | 2024-09-09 2024-09-20 2024-09-20 10; 2024-09-24 2024-10-07 2024-10-07 10
            due on the 10th day, not before              | 2024-11-04 AM 19 O                                              | 2024-11-14 | -
            due on the 10th day                          | 2024-11-04 AM 19 O                                              | 2024-11-15 | 2024-11-04 2024-11-15 2024-11-15 10
            """)
    void tenContinuousSchoolDaysOfUnauthorisedAbsence(String scenario, String marks, LocalDate asOf, String returns) {
        assertEquals(expected(returns), AttendanceReturn.evaluate(ENGLAND_2024_25,
                Marks.onCalendar(ENGLAND_2024_25, marks), PUPIL, d("2024-09-01"), asOf));
    }

    @Test
    void onlyPupilsOfCompulsorySchoolAge() {
        // Born 1 May 2020: of compulsory school age only from 31 Aug 2025.
        var reception = new PupilFacts(d("2020-05-01"), d("2024-09-03"), Optional.empty());
        List<SessionMark> marks = Marks.onCalendar(ENGLAND_2024_25, "2024-11-04 AM 29 G");
        assertEquals(List.of(), AttendanceReturn.evaluate(ENGLAND_2024_25, marks, reception, d("2024-09-01"), d("2024-11-29")));
    }

    @Test
    void aRunStartsOnTheDayTheChildReachesCompulsorySchoolAge() {
        // Born 31 Mar 2020: compulsory school age from Monday 31 Mar 2025.
        var pupil = new PupilFacts(d("2020-03-31"), d("2024-09-03"), Optional.empty());
        List<SessionMark> marks = Marks.onCalendar(ENGLAND_2024_25, "2025-03-24 AM 40 O");
        assertEquals(expected("2025-03-31 2025-04-28 2025-05-06 15"),
                AttendanceReturn.evaluate(ENGLAND_2024_25, marks, pupil, d("2024-09-01"), d("2025-05-16")));
    }
}
