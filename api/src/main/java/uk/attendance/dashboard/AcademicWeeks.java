package uk.attendance.dashboard;

import uk.attendance.school.SchoolYear;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Monday-based weeks of an academic year: week 1 is the week (Monday to Sunday) of 1 September, so a year has 53 at
 * most and the same week number of the previous year is "the same week last year" (within a few days of the date).
 */
record AcademicWeeks(SchoolYear year) {
    static final int MAX = 53;

    LocalDate firstMonday() {
        return year.firstDay().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    int weekOf(LocalDate date) {
        return (int) (ChronoUnit.DAYS.between(firstMonday(), date) / 7) + 1;
    }

    int lastWeek() {
        return weekOf(year.lastDay());
    }

    LocalDate monday(int week) {
        return firstMonday().plusWeeks(week - 1L);
    }

    /** The last day the figures of a week count: its Sunday, or 31 August in the year's last week. */
    LocalDate lastDayOf(int week) {
        LocalDate sunday = monday(week).plusDays(6);
        return sunday.isAfter(year.lastDay()) ? year.lastDay() : sunday;
    }
}
