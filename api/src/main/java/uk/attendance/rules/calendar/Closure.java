package uk.attendance.rules.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A closure over a date range (both inclusive); the scope applies to every day in the range. */
public record Closure(LocalDate start, LocalDate end, ClosureKind kind, SessionScope sessions, String description) {
    public Closure {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sessions, "sessions");
        description = description == null ? "" : description;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
