package uk.attendance.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompulsorySchoolAgeTest {

    @ParameterizedTest(name = "born {0}: {1} to {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # born on a prescribed day: CSA starts on the fifth birthday itself (EA 1996 s8(2)(a))
            2019-08-31 | 2024-08-31 | 2035-06-29
            2019-12-31 | 2024-12-31 | 2036-06-27
            2020-03-31 | 2025-03-31 | 2036-06-27
            # the day after a prescribed day waits for the next one
            2019-09-01 | 2024-12-31 | 2036-06-27
            2020-01-01 | 2025-03-31 | 2036-06-27
            2020-04-01 | 2025-08-31 | 2036-06-27
            2019-08-30 | 2024-08-31 | 2035-06-29
            2019-12-30 | 2024-12-31 | 2036-06-27
            2020-03-30 | 2025-03-31 | 2036-06-27
            # 29 February: fifth birthday falls on 28 Feb in a common year
            2020-02-29 | 2025-03-31 | 2036-06-27
            # turning 16 in July/August: leaves on the June date before the birthday
            2020-07-15 | 2025-08-31 | 2036-06-27
            2020-08-31 | 2025-08-31 | 2036-06-27
            # turning 16 in September: school year ends the following June
            2020-09-01 | 2025-12-31 | 2037-06-26
            # 16th birthday on the leaving date itself
            2020-06-27 | 2025-08-31 | 2036-06-27
            # last Friday in June is the 30th
            2024-01-15 | 2029-03-31 | 2040-06-29
            2025-05-01 | 2030-08-31 | 2041-06-28
            """)
    void periodFromDateOfBirth(LocalDate dateOfBirth, LocalDate from, LocalDate until) {
        assertEquals(new CompulsorySchoolAgePeriod(from, until), CompulsorySchoolAge.of(dateOfBirth));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2019-09-01 | 2024-12-30 | false
            2019-09-01 | 2024-12-31 | true
            2019-09-01 | 2036-06-27 | true
            2019-09-01 | 2036-06-28 | false
            2019-08-31 | 2024-08-30 | false
            2019-08-31 | 2024-08-31 | true
            """)
    void includesIsInclusiveAtBothEnds(LocalDate dateOfBirth, LocalDate date, boolean included) {
        assertEquals(included, CompulsorySchoolAge.of(dateOfBirth).includes(date));
    }

    @ParameterizedTest
    @CsvSource({"2019-09-01", "2020-02-29", "2012-06-30"})
    void everyPeriodStartsOnAPrescribedDayAndEndsOnAFridayInJune(LocalDate dateOfBirth) {
        CompulsorySchoolAgePeriod p = CompulsorySchoolAge.of(dateOfBirth);
        assertEquals(31, p.from().getDayOfMonth());
        assertTrue(p.from().getMonthValue() == 3 || p.from().getMonthValue() == 8 || p.from().getMonthValue() == 12);
        assertEquals(java.time.DayOfWeek.FRIDAY, p.until().getDayOfWeek());
        assertEquals(6, p.until().getMonthValue());
        assertFalse(p.until().plusWeeks(1).getMonthValue() == 6, "must be the last Friday");
    }
}
