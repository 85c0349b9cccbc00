package uk.attendance.school;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.regex.Pattern;

/** An academic year, 1 September to 31 August, written {@code 2025-26}. */
public record SchoolYear(int startYear) {
    private static final Pattern LABEL = Pattern.compile("(\\d{4})-(\\d{2})");

    public static Optional<SchoolYear> parse(String label) {
        var m = LABEL.matcher(label == null ? "" : label);
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        return Integer.parseInt(m.group(2)) == (start + 1) % 100 ? Optional.of(new SchoolYear(start)) : Optional.empty();
    }

    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    public boolean includes(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public String label() {
        return String.format("%d-%02d", startYear, (startYear + 1) % 100);
    }
}
