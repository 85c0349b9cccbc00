package uk.attendance.rules.returns;

import java.time.LocalDate;

/**
 * A sickness return to the local authority became due on {@code dueOn}. The period is the continuous
 * period of sickness it covers: the run of consecutive school days with an I session (as far as the
 * register shows), or the anticipated dates of a parent's report.
 */
public record SicknessReturnDue(LocalDate dueOn, SicknessTrigger trigger, LocalDate periodStart, LocalDate periodEnd) {
}
