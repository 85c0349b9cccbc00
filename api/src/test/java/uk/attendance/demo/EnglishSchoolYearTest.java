package uk.attendance.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.attendance.contract.model.AcademicYearInput;
import uk.attendance.contract.model.Closure;
import uk.attendance.contract.model.ClosureKind;
import uk.attendance.contract.model.Term;
import uk.attendance.school.SchoolYear;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnglishSchoolYearTest {

    @ParameterizedTest
    @CsvSource({"2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
            "2038, 2038-04-25", "2285, 2285-03-22"})
    void easterSunday(int year, LocalDate expected) {
        assertEquals(expected, Easter.sunday(year));
    }

    @Test
    void year2025to26MatchesTheUsualEnglishPattern() {
        AcademicYearInput in = new EnglishSchoolYear(new SchoolYear(2025)).input();
        assertEquals(List.of(
                new Term("Autumn", LocalDate.parse("2025-09-01"), LocalDate.parse("2025-12-19")),
                new Term("Spring", LocalDate.parse("2026-01-05"), LocalDate.parse("2026-03-27")),
                new Term("Summer", LocalDate.parse("2026-04-13"), LocalDate.parse("2026-07-22"))), in.getTerms());
        List<Closure> closures = in.getClosures();
        assertEquals(List.of("2025-09-01..2025-09-02 INSET", "2025-10-27..2025-10-31 HALF_TERM",
                        "2026-02-16..2026-02-20 HALF_TERM", "2026-05-04..2026-05-04 BANK_HOLIDAY",
                        "2026-05-25..2026-05-29 HALF_TERM"),
                closures.stream().map(c -> c.getStartDate() + ".." + c.getEndDate() + " " + c.getKind()).toList());
    }

    @ParameterizedTest
    @CsvSource({"2024, 2024-09-04", "2025, 2025-09-03", "2026, 2026-09-03", "2027, 2027-09-03", "2029, 2029-09-05"})
    void pupilsStartOnTheFirstWednesdayUnlessTwoInsetDaysDoNotFitBeforeIt(int startYear, LocalDate expected) {
        assertEquals(expected, EnglishSchoolYear.pupilsFirstDay(startYear));
    }

    @ParameterizedTest
    @CsvSource({"2020", "2023", "2024", "2025", "2026", "2027", "2028", "2030", "2034"})
    void everyYearHasThreeTermsInsideTheAcademicYearAndRealisticLength(int startYear) {
        SchoolYear year = new SchoolYear(startYear);
        AcademicYearInput in = new EnglishSchoolYear(year).input();
        for (Term t : in.getTerms()) {
            assertTrue(year.includes(t.getStartDate()) && year.includes(t.getEndDate()), t.toString());
        }
        var terms = in.getTerms().stream().map(t -> new uk.attendance.rules.calendar.Term(t.getName(), t.getStartDate(), t.getEndDate())).toList();
        var closures = in.getClosures().stream().map(c -> new uk.attendance.rules.calendar.Closure(c.getStartDate(), c.getEndDate(),
                uk.attendance.rules.calendar.ClosureKind.valueOf(c.getKind().getValue()),
                uk.attendance.rules.calendar.SessionScope.valueOf(c.getSessions().getValue()), c.getDescription())).toList();
        var calendar = new uk.attendance.rules.calendar.SchoolCalendar(terms, closures);
        long days = calendar.days(year.firstDay(), year.lastDay()).stream().filter(d -> d.isSchoolDay()).count();
        assertTrue(days >= 185 && days <= 197, startYear + ": " + days + " pupil days");
        assertEquals(DayOfWeek.MONDAY, in.getTerms().get(1).getStartDate().getDayOfWeek());
        assertTrue(in.getClosures().stream().filter(c -> c.getKind() == ClosureKind.INSET).count() == 1);
    }
}
