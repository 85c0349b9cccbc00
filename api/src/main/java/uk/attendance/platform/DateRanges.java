package uk.attendance.platform;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Checks of {@code from}/{@code to} query parameters. */
public final class DateRanges {
    private DateRanges() {
    }

    public static void check(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must be on or after from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > maxDays) {
            throw ApiProblem.invalid("to", "the range may cover at most " + maxDays + " days");
        }
    }
}
