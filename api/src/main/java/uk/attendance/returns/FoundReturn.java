package uk.attendance.returns;

import java.time.LocalDate;
import java.util.Optional;

/** A return the register shows is due, before it is matched to the stored ones. */
record FoundReturn(long pupilId, ReturnKind kind, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn,
                   Optional<LocalDate> sendBy, Optional<String> sicknessTrigger) {
}
