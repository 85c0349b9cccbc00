package uk.attendance.rules.penalty;

import java.time.LocalDate;

/**
 * Whether a penalty notice may be issued to a parent for a child on a date. Notices are counted in
 * 3-year periods anchored on the issue date of the first notice of the period; at most two per period.
 *
 * @param allowed      false when two notices were already issued in the current period: other action,
 *                     usually prosecution, must be considered instead
 * @param noticeNumber 1 or 2 within the period when allowed; 3 when refused
 * @param periodStart  issue date of the first notice of the period (the proposed date for a new period)
 * @param periodEnd    last day of the 3-year period
 */
public record PenaltyNoticeEligibility(boolean allowed, int noticeNumber, LocalDate periodStart, LocalDate periodEnd) {
}
