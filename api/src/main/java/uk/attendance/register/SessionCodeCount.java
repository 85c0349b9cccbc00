package uk.attendance.register;

import io.micronaut.core.annotation.Introspected;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;

/** How many marks of a school one session holds with one code. */
@Introspected
record SessionCodeCount(LocalDate sessionDate, Session session, String code, long marks) {
}
