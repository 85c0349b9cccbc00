package uk.attendance.rules.returns;

import java.time.LocalDate;
import java.util.Objects;

/** A parent's report, made on {@code reportedOn}, that the pupil will be ill from {@code from} to {@code to} inclusive. */
public record AnticipatedIllness(LocalDate reportedOn, LocalDate from, LocalDate to) {
    public AnticipatedIllness {
        Objects.requireNonNull(reportedOn, "reportedOn");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("Anticipated illness from " + from + " is after " + to);
        }
    }
}
