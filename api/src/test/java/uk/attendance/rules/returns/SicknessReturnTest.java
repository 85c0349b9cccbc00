package uk.attendance.rules.returns;

import uk.attendance.rules.Marks;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.SessionMark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.attendance.rules.calendar.TestCalendars.ENGLAND_2024_25;
import static uk.attendance.rules.calendar.TestCalendars.d;

class SicknessReturnTest {
    private static final PupilFacts PUPIL = new PupilFacts(d("2015-01-01"), d("2024-09-03"), Optional.empty());

    /** "DATE AM 2 I" groups for the given weekday dates: each a whole day of illness. */
    private static String wholeDaysIll(String... dates) {
        return Arrays.stream(dates).map(date -> date + " AM 2 I").collect(Collectors.joining("; "));
    }

    private static final String FIFTEEN_AUTUMN_WEDNESDAYS = wholeDaysIll("2024-09-04", "2024-09-11", "2024-09-18",
            "2024-09-25", "2024-10-02", "2024-10-09", "2024-10-16", "2024-10-23", "2024-11-06", "2024-11-13",
            "2024-11-20", "2024-11-27", "2024-12-04", "2024-12-11", "2024-12-18");

    private static List<SicknessReturnDue> expected(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.split(";")).map(String::trim).map(g -> g.split("\\s+"))
                .map(p -> new SicknessReturnDue(d(p[0]), SicknessTrigger.valueOf(p[1]), d(p[2]), d(p[3])))
                .toList();
    }

    private static List<AnticipatedIllness> reports(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.split(";")).map(String::trim).map(g -> g.split("\\s+"))
                .map(p -> new AnticipatedIllness(d(p[0]), d(p[1]), d(p[2])))
                .toList();
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("30 I sessions scattered over the autumn term", FIFTEEN_AUTUMN_WEDNESDAYS, null,
                        "2024-09-01", "2025-08-31",
                        "2024-12-18 CUMULATIVE_15_DAYS 2024-12-18 2024-12-18"),
                Arguments.of("29 I sessions: not yet", FIFTEEN_AUTUMN_WEDNESDAYS.replace("2024-12-18 AM 2 I", "2024-12-18 AM 1 I"),
                        null, "2024-09-01", "2025-08-31", null),
                Arguments.of("15 consecutive full-I days (half-day on day 10)", "2024-11-04 AM 29 I", null,
                        "2024-09-01", "2024-12-20",
                        "2024-11-22 CONSECUTIVE_15_DAYS 2024-11-04 2024-11-22"),
                Arguments.of("14 consecutive days: not yet", "2024-11-04 AM 27 I", null,
                        "2024-09-01", "2024-12-20", null),
                Arguments.of("cumulative trigger in the same period is not a second return", "2024-11-04 AM 31 I", null,
                        "2024-09-01", "2024-12-20",
                        "2024-11-22 CONSECUTIVE_15_DAYS 2024-11-04 2024-11-25"),
                Arguments.of("consecutive across Christmas; cumulative on the same day is merged",
                        "2024-12-09 AM 20 I; 2025-01-06 AM 10 I", null, "2024-09-01", "2025-03-31",
                        "2025-01-10 CONSECUTIVE_15_DAYS 2024-12-09 2025-01-10"),
                Arguments.of("a present day breaks the run; cumulative fires instead",
                        "2024-11-04 AM 27 I; 2024-11-22 AM 2 .; 2024-11-25 AM 28 I", null, "2024-09-01", "2024-12-20",
                        "2024-11-26 CUMULATIVE_15_DAYS 2024-11-25 2024-12-12"),
                Arguments.of("a half-day of illness keeps the period but breaks the consecutive run",
                        "2024-11-04 AM 12 I; 2024-11-12 AM 1 I; 2024-11-12 PM 1 .; 2024-11-13 AM 17 I", null,
                        "2024-09-01", "2024-12-20",
                        "2024-11-25 CUMULATIVE_15_DAYS 2024-11-04 2024-11-25"),
                Arguments.of("anticipated 19 school days: due on the report day",
                        null, "2025-01-20 2025-01-21 2025-02-14", "2024-09-01", "2025-03-31",
                        "2025-01-20 ANTICIPATED_15_DAYS 2025-01-21 2025-02-14"),
                Arguments.of("anticipated then recorded: one return for the period",
                        "2025-01-21 AM 38 I", "2025-01-20 2025-01-21 2025-02-14", "2024-09-01", "2025-03-31",
                        "2025-01-20 ANTICIPATED_15_DAYS 2025-01-21 2025-02-14"),
                Arguments.of("anticipated exactly 15 school days (half-day counts)",
                        null, "2025-02-28 2025-03-03 2025-03-21", "2024-09-01", "2025-03-31",
                        "2025-02-28 ANTICIPATED_15_DAYS 2025-03-03 2025-03-21"),
                Arguments.of("anticipated 14 school days: no return",
                        null, "2025-02-28 2025-03-03 2025-03-20", "2024-09-01", "2025-03-31", null),
                Arguments.of("anticipated range across half-term has only 10 school days",
                        null, "2025-02-07 2025-02-10 2025-02-28", "2024-09-01", "2025-03-31", null),
                Arguments.of("report after asOf is not yet known",
                        null, "2025-01-20 2025-01-21 2025-02-14", "2024-09-01", "2025-01-17", null),
                Arguments.of("two separate periods in one year: two returns, cumulative only once",
                        FIFTEEN_AUTUMN_WEDNESDAYS + "; 2025-06-02 AM 30 I", null, "2024-09-01", "2025-08-31",
                        "2024-12-18 CUMULATIVE_15_DAYS 2024-12-18 2024-12-18; 2025-06-20 CONSECUTIVE_15_DAYS 2025-06-02 2025-06-20"),
                Arguments.of("the cumulative count restarts each school year",
                        wholeDaysIll("2025-05-07", "2025-05-14", "2025-05-21", "2025-06-04", "2025-06-11", "2025-06-18",
                                "2025-06-25", "2025-07-02", "2025-07-09", "2025-07-16", "2025-09-10", "2025-09-17",
                                "2025-09-24", "2025-10-01", "2025-10-08", "2025-10-15", "2025-10-22"),
                        null, "2024-09-01", "2025-12-19", null),
                Arguments.of("returns due before 'from' are left out but still suppress duplicates",
                        "2024-11-04 AM 31 I", null, "2024-11-25", "2024-12-20", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sicknessReturns(String scenario, String marks, String reports, String from, String asOf, String returns) {
        List<SessionMark> sessionMarks = marks == null ? List.of() : Marks.onCalendar(ENGLAND_2024_25, marks);
        assertEquals(expected(returns),
                SicknessReturn.evaluate(ENGLAND_2024_25, sessionMarks, PUPIL, reports(reports), d(from), d(asOf)));
    }

    @Test
    void onlyPupilsOfCompulsorySchoolAge() {
        var reception = new PupilFacts(d("2020-05-01"), d("2024-09-03"), Optional.empty());
        assertEquals(List.of(), SicknessReturn.evaluate(ENGLAND_2024_25,
                Marks.onCalendar(ENGLAND_2024_25, "2024-11-04 AM 40 I"), reception,
                reports("2024-11-01 2024-11-04 2024-12-20"), d("2024-09-01"), d("2024-12-20")));
    }

    @ParameterizedTest
    @CsvSource({"2024-09-01, 2024-09-01", "2024-08-31, 2023-09-01", "2025-01-15, 2024-09-01", "2025-12-31, 2025-09-01"})
    void schoolYearStartsOnFirstSeptember(LocalDate date, LocalDate start) {
        assertEquals(start, SicknessReturn.schoolYearStart(date));
    }
}
