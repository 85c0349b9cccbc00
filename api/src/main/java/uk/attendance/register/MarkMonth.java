package uk.attendance.register;

import uk.attendance.rules.RegisterCode;

import java.time.LocalDate;

/**
 * A pupil's sessions in one month that carry one code, one bit a session: bit {@code (day - 1) * 2}, plus one for the
 * afternoon (as {@code mark_month} keeps them), already cut to a date range and to the pupil's own sessions.
 */
public record MarkMonth(long pupilId, LocalDate month, RegisterCode code, long sessions) {
}
