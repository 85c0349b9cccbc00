package uk.attendance.absence;

import uk.attendance.rules.Session;

import java.time.LocalDate;
import java.util.Comparator;

/** One school session asked for. */
record LeaveSlot(LocalDate date, Session session) {
    static final Comparator<LeaveSlot> CHRONOLOGICAL = Comparator.comparing(LeaveSlot::date).thenComparing(LeaveSlot::session);
}
