package uk.attendance.register;

import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/** A first mark for a session that has none yet, as {@link FreshMarkLoader} takes it. */
public record FreshMark(long pupilId, LocalDate date, Session session, String code, Optional<LocalTime> arrival) {
}
