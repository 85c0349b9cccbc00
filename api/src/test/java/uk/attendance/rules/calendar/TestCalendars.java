package uk.attendance.rules.calendar;

import java.time.LocalDate;
import java.util.List;

/** Calendars shared by the tests: a typical English school calendar for 2024/25 and autumn 2025. */
public final class TestCalendars {
    private TestCalendars() {
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    public static final List<Term> TERMS_2024_25 = List.of(
            new Term("Autumn 2024", d("2024-09-03"), d("2024-12-20")),
            new Term("Spring 2025", d("2025-01-06"), d("2025-04-04")),
            new Term("Summer 2025", d("2025-04-22"), d("2025-07-22")),
            new Term("Autumn 2025", d("2025-09-03"), d("2025-12-19")));

    public static final List<Closure> CLOSURES_2024_25 = List.of(
            new Closure(d("2024-09-03"), d("2024-09-03"), ClosureKind.INSET, SessionScope.ALL_DAY, "Staff training"),
            new Closure(d("2024-10-28"), d("2024-11-01"), ClosureKind.HALF_TERM, SessionScope.ALL_DAY, "Autumn half-term"),
            new Closure(d("2024-11-15"), d("2024-11-15"), ClosureKind.INSET, SessionScope.PM_ONLY, "Staff training"),
            new Closure(d("2025-01-09"), d("2025-01-09"), ClosureKind.UNEXPECTED_CLOSURE, SessionScope.ALL_DAY, "Snow"),
            new Closure(d("2025-02-17"), d("2025-02-21"), ClosureKind.HALF_TERM, SessionScope.ALL_DAY, "Spring half-term"),
            new Closure(d("2025-03-03"), d("2025-03-03"), ClosureKind.INSET, SessionScope.AM_ONLY, "Safeguarding update"),
            new Closure(d("2025-05-05"), d("2025-05-05"), ClosureKind.BANK_HOLIDAY, SessionScope.ALL_DAY, "Early May bank holiday"),
            new Closure(d("2025-05-26"), d("2025-05-26"), ClosureKind.BANK_HOLIDAY, SessionScope.ALL_DAY, "Spring bank holiday"),
            new Closure(d("2025-05-26"), d("2025-05-30"), ClosureKind.HALF_TERM, SessionScope.ALL_DAY, "Summer half-term"),
            new Closure(d("2025-07-21"), d("2025-07-21"), ClosureKind.PLANNED_CLOSURE, SessionScope.ALL_DAY, "Polling station"),
            new Closure(d("2025-10-27"), d("2025-10-31"), ClosureKind.HALF_TERM, SessionScope.ALL_DAY, "Autumn half-term"));

    public static final SchoolCalendar ENGLAND_2024_25 = new SchoolCalendar(TERMS_2024_25, CLOSURES_2024_25);
}
