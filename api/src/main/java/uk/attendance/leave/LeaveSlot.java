package uk.attendance.leave;

import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Comparator;

/** One school session asked for. */
record LeaveSlot(LocalDate date, Session session) {
    static final Comparator<LeaveSlot> CHRONOLOGICAL = Comparator.comparing(LeaveSlot::date).thenComparing(LeaveSlot::session);
}
