package uk.attendance.casework.documents;

import uk.attendance.school.SchoolYear;

import java.time.LocalDate;
import java.util.Locale;

/** A half-term of a school calendar: its first and last school days, e.g. "Autumn 1" of 2025-26. */
public record HalfTerm(String name, LocalDate start, LocalDate end) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public String academicYear() {
        return SchoolYear.containing(start).label();
    }

    /** "Autumn 1 2025-26". */
    public String title() {
        return name + " " + academicYear();
    }

    /** "2025-26-autumn-1", for file names. */
    public String slug() {
        return (academicYear() + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
