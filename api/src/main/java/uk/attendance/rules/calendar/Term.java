package uk.attendance.rules.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A school term, both dates inclusive. Ordering and overlap are checked by {@link SchoolCalendar}. */
public record Term(String name, LocalDate start, LocalDate end) {
    public Term {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
