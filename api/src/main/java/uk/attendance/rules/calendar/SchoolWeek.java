package uk.attendance.rules.calendar;

import java.time.LocalDate;

/** A Monday-to-Sunday week and the number of pupil sessions planned in it (rule book §3). */
public record SchoolWeek(LocalDate monday, LocalDate sunday, int sessions) {
    /** "A school week means any week in which there is at least one school session." */
    public boolean isSchoolWeek() {
        return sessions >= 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(monday) && !date.isAfter(sunday);
    }
}
