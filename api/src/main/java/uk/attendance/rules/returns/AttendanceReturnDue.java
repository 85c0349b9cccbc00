package uk.attendance.rules.returns;

import java.time.LocalDate;

/**
 * A run of consecutive school days on which every planned session was G, N, O or U, long enough for
 * the local-authority attendance return. {@code dueOn} is the 10th day of the run; {@code lastDay} and
 * {@code schoolDays} describe the run as far as the register shows.
 */
public record AttendanceReturnDue(LocalDate firstDay, LocalDate dueOn, LocalDate lastDay, int schoolDays) {
}
