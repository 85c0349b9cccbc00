package uk.attendance.rules.penalty;

import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;

/**
 * A G, N, O or U session that counts towards the penalty-notice threshold. {@code consumed} means it
 * already contributed to an earlier threshold event and cannot count towards the next one.
 */
public record CountedSession(LocalDate date, Session session, RegisterCode code, boolean consumed) {
}
