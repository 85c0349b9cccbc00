package uk.attendance.school;

import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.List;

/**
 * What the register holds on a school's calendar, asked before the calendar changes. Implemented by the register
 * feature, which owns the marks and the rule of which marks a calendar accepts; the school feature never reads its
 * tables.
 */
public interface MarksOnCalendar {

    /**
     * The dates in {@code [from, to]} holding marks the register accepts under {@code current} and would refuse under
     * {@code proposed} (a session that would no longer be a school session, a {@code #} on a day that would be one),
     * oldest first.
     */
    List<MarkedDay> orphanedBy(long schoolId, SchoolCalendar current, SchoolCalendar proposed, LocalDate from, LocalDate to);

    /** @param sessions the sessions of the date holding such marks; {@code marks} how many marks they hold */
    record MarkedDay(LocalDate date, List<Session> sessions, int marks) {
        public MarkedDay {
            sessions = List.copyOf(sessions);
        }
    }
}
