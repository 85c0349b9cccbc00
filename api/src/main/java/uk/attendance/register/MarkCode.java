package uk.attendance.register;

import io.micronaut.core.annotation.Introspected;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;

/** Just what the attendance rules read of a mark. */
@Introspected
public record MarkCode(long pupilId, LocalDate sessionDate, Session session, String code) {
}
