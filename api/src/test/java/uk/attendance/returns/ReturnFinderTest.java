package uk.attendance.returns;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.calendar.Closure;
import uk.attendance.rules.calendar.ClosureKind;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.SessionScope;
import uk.attendance.rules.calendar.Term;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * New-pupil and deletion returns, and this product's convention for "outside standard transition times": an admission
 * into Reception, Year 7 or Year 12 on or before the first school day of the year, and a Year 6, 11 or 13 pupil leaving
 * on or after its last school day, need no return. 2025-26: INSET 1-2 Sep, first school day Wed 3 Sep, last Wed 22 Jul.
 */
class ReturnFinderTest {
    private static final SchoolCalendar CALENDAR = new SchoolCalendar(List.of(
            new Term("Autumn", LocalDate.parse("2025-09-01"), LocalDate.parse("2025-12-19")),
            new Term("Spring", LocalDate.parse("2026-01-05"), LocalDate.parse("2026-03-27")),
            new Term("Summer", LocalDate.parse("2026-04-13"), LocalDate.parse("2026-07-22"))),
            List.of(new Closure(LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-02"), ClosureKind.INSET,
                    SessionScope.ALL_DAY, "Staff training")));
    private static final LocalDate YEAR_START = LocalDate.parse("2025-09-01");
    private static final LocalDate AS_OF = LocalDate.parse("2026-08-31");

    @ParameterizedTest(name = "year {0} admitted {1} (born {2}) -> {3}")
    @CsvSource({
            "7, 2025-09-01, 2014-05-01, none",
            "7, 2025-09-03, 2014-05-01, none",
            "7, 2025-09-04, 2014-05-01, 2025-09-11",
            "12, 2025-09-03, 2009-10-01, none",
            "4, 2025-09-03, 2016-05-01, 2025-09-10",
            "4, 2025-11-24, 2016-05-01, 2025-12-01",
            "4, 2025-12-18, 2016-05-01, 2026-01-08",
            "0, 2026-01-05, 2021-06-01, none",
            "0, 2026-01-05, 2020-12-01, 2026-01-12"})
    void newPupilReturnsAreDueOutsideTheStandardTransitionWithinFiveSchoolDays(int yearGroup, String admitted, String born,
                                                                              String sendBy) {
        List<FoundReturn> found = find(pupil(yearGroup, born, admitted, null));
        assertEquals(sendBy.equals("none") ? List.of() : List.of(LocalDate.parse(sendBy)),
                found.stream().filter(f -> f.kind() == ReturnKind.NEW_PUPIL).map(f -> f.sendBy().orElseThrow()).toList());
    }

    @ParameterizedTest(name = "year {0} leaving {1} -> {2}")
    @CsvSource({
            "6, 2026-07-22, none",
            "6, 2026-07-31, none",
            "6, 2026-07-21, DELETION",
            "6, 2026-03-13, DELETION",
            "5, 2026-07-22, DELETION",
            "13, 2026-07-22, none"})
    void deletionReturnsAreDueOnTheLeavingDateOutsideTheStandardTransition(int yearGroup, String leaving, String expected) {
        String born = yearGroup == 13 ? "2008-01-01" : "2014-12-01";
        List<FoundReturn> found = find(pupil(yearGroup, born, "2021-09-01", LocalDate.parse(leaving)));
        List<FoundReturn> deletions = found.stream().filter(f -> f.kind() == ReturnKind.DELETION).toList();
        assertEquals(expected.equals("none") ? 0 : 1, deletions.size());
        deletions.forEach(d -> assertEquals(LocalDate.parse(leaving), d.sendBy().orElseThrow()));
    }

    private static List<FoundReturn> find(PupilRecord pupil) {
        return ReturnFinder.find(CALENDAR, List.of(pupil), Map.of(), Map.of(), YEAR_START, AS_OF);
    }

    private static PupilRecord pupil(int yearGroup, String born, String admitted, LocalDate leaving) {
        return new PupilRecord(1L, 1L, null, "Test", "Pupil", null, null, LocalDate.parse(born), null, yearGroup,
                yearGroup + "A", LocalDate.parse(admitted), leaving, null, false, false, "NONE", false, false, false,
                null, null, null, LocalDateTime.parse("2021-09-01T00:00:00"));
    }
}
