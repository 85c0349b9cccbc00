package uk.attendance.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Compulsory school age (Education Act 1996 s8).
 *
 * <p>Start: the first prescribed day (31 March, 31 August, 31 December) on or after the fifth birthday.
 * "On" is deliberate: s8(2)(a) says a child who turns five on a prescribed day is of compulsory school
 * age from that day; otherwise it starts on the next prescribed day.
 *
 * <p>End: the school leaving date, the last Friday in June, of the school year (1 September to
 * 31 August) in which the child turns sixteen; the child is of compulsory school age until the end of
 * that day. A child turning 16 in July or August therefore leaves on the June date before the birthday.
 */
public final class CompulsorySchoolAge {
    private static final List<MonthDay> PRESCRIBED_DAYS =
            List.of(MonthDay.of(3, 31), MonthDay.of(8, 31), MonthDay.of(12, 31));

    private CompulsorySchoolAge() {
    }

    public static CompulsorySchoolAgePeriod of(LocalDate dateOfBirth) {
        return new CompulsorySchoolAgePeriod(startDate(dateOfBirth), leavingDate(dateOfBirth));
    }

    static LocalDate startDate(LocalDate dateOfBirth) {
        LocalDate fifthBirthday = dateOfBirth.plusYears(5);
        for (int year = fifthBirthday.getYear(); ; year++) {
            for (MonthDay prescribed : PRESCRIBED_DAYS) {
                LocalDate candidate = prescribed.atYear(year);
                if (!candidate.isBefore(fifthBirthday)) {
                    return candidate;
                }
            }
        }
    }

    static LocalDate leavingDate(LocalDate dateOfBirth) {
        LocalDate sixteenthBirthday = dateOfBirth.plusYears(16);
        // School year Sept-Aug: a birthday from September onwards falls in the school year ending next June.
        int leavingYear = sixteenthBirthday.getMonthValue() >= 9 ? sixteenthBirthday.getYear() + 1 : sixteenthBirthday.getYear();
        return LocalDate.of(leavingYear, 6, 30).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
    }
}
