package uk.attendance.leave;

import uk.attendance.rules.calendar.Session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates, sessions and numbers the way a parent reads them. */
final class LeaveWords {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private LeaveWords() {
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static String session(Session session) {
        return session == Session.AM ? "morning" : "afternoon";
    }

    static String slot(LeaveSlot slot) {
        return day(slot.date()) + " (" + session(slot.session()) + ")";
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String percent(BigDecimal percent) {
        return percent.toPlainString() + "%";
    }
}
