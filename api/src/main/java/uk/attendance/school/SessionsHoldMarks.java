package uk.attendance.school;

import java.util.List;

/** A calendar change refused: it would leave register marks on sessions the calendar no longer has. */
public class SessionsHoldMarks extends RuntimeException {
    private final String academicYear;
    private final List<MarksOnCalendar.MarkedDay> days;

    SessionsHoldMarks(String academicYear, List<MarksOnCalendar.MarkedDay> days) {
        super(days.size() + " dates of " + academicYear + " hold marks", null, false, false);
        this.academicYear = academicYear;
        this.days = List.copyOf(days);
    }

    public String academicYear() {
        return academicYear;
    }

    /** Every such date, oldest first. */
    public List<MarksOnCalendar.MarkedDay> days() {
        return days;
    }

    public int marks() {
        return days.stream().mapToInt(MarksOnCalendar.MarkedDay::marks).sum();
    }
}
