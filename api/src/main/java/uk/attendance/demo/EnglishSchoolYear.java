package uk.attendance.demo;

import uk.attendance.contract.model.AcademicYearInput;
import uk.attendance.contract.model.Closure;
import uk.attendance.contract.model.ClosureKind;
import uk.attendance.contract.model.SessionScope;
import uk.attendance.contract.model.Term;
import uk.attendance.school.SchoolYear;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * A typical English state-school year: autumn from early September (2 INSET days, then pupils from
 * the first Wednesday) to the Friday before 21 December with half-term in the last week of October;
 * spring from the first Monday after New Year's Day to the Friday a week before Good Friday, with
 * half-term in the third week of February; summer from the Monday after Easter week to 22 July (or
 * the weekday before), with the early-May bank holiday and the late-May half-term.
 */
public record EnglishSchoolYear(SchoolYear year) {

    public AcademicYearInput input() {
        int y = year.startYear();
        LocalDate pupilsStart = pupilsFirstDay(y);
        LocalDate insetStart = weekdaysBefore(pupilsStart, 2);
        LocalDate insetEnd = weekdaysBefore(pupilsStart, 1);
        LocalDate autumnEnd = LocalDate.of(y, Month.DECEMBER, 20).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        LocalDate octoberHalfTerm = LocalDate.of(y, Month.OCTOBER, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        LocalDate springStart = LocalDate.of(y + 1, Month.JANUARY, 1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate februaryHalfTerm = LocalDate.of(y + 1, Month.FEBRUARY, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY));
        LocalDate goodFriday = Easter.sunday(y + 1).minusDays(2);
        // The Easter break is the fortnight of Holy Week and Easter week.
        LocalDate springEnd = goodFriday.minusWeeks(1);
        LocalDate summerStart = goodFriday.plusDays(10);

        LocalDate earlyMayBankHoliday = LocalDate.of(y + 1, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        // The spring bank holiday (last Monday of May) falls inside this half-term.
        LocalDate mayHalfTerm = LocalDate.of(y + 1, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate summerEnd = weekdayOnOrBefore(LocalDate.of(y + 1, Month.JULY, 22));

        return new AcademicYearInput(List.of(
                new Term("Autumn", insetStart, autumnEnd),
                new Term("Spring", springStart, springEnd),
                new Term("Summer", summerStart, summerEnd)))
                .closures(List.of(
                        new Closure(insetStart, insetEnd, ClosureKind.INSET, SessionScope.ALL_DAY).description("Staff training"),
                        week(octoberHalfTerm),
                        week(februaryHalfTerm),
                        new Closure(earlyMayBankHoliday, earlyMayBankHoliday, ClosureKind.BANK_HOLIDAY, SessionScope.ALL_DAY)
                                .description("Early May bank holiday"),
                        week(mayHalfTerm)));
    }

    /** The first Wednesday of September, or the first weekday after it that leaves two September weekdays for INSET. */
    static LocalDate pupilsFirstDay(int startYear) {
        LocalDate day = LocalDate.of(startYear, Month.SEPTEMBER, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        while (weekdaysBefore(day, 2).getMonth() != Month.SEPTEMBER) {
            day = weekdayAfter(day);
        }
        return day;
    }

    private static Closure week(LocalDate monday) {
        return new Closure(monday, monday.plusDays(4), ClosureKind.HALF_TERM, SessionScope.ALL_DAY).description("Half-term");
    }

    private static LocalDate weekdaysBefore(LocalDate date, int n) {
        LocalDate d = date;
        for (int i = 0; i < n; i++) {
            d = d.minusDays(1);
            while (isWeekend(d)) {
                d = d.minusDays(1);
            }
        }
        return d;
    }

    private static LocalDate weekdayAfter(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (isWeekend(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDate weekdayOnOrBefore(LocalDate date) {
        LocalDate d = date;
        while (isWeekend(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
