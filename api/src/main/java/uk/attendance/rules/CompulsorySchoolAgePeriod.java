package uk.attendance.rules;

import java.time.LocalDate;
import java.util.Objects;

/** The dates, both inclusive, on which a child is of compulsory school age. */
public record CompulsorySchoolAgePeriod(LocalDate from, LocalDate until) {
    public CompulsorySchoolAgePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    public boolean includes(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(until);
    }
}
