package uk.attendance.leave;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A decided leave session as the register needs it. */
@Introspected
record LeaveExpectationRow(long pupilId, long leaveRequestId, String outcome, @Nullable String code, String leaveType,
                           @Nullable String decidedByName, @Nullable String decidedByPosition) {
}
