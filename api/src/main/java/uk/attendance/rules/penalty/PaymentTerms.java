package uk.attendance.rules.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a parent must pay for a penalty notice and by when. Deadlines are the last day on which payment
 * is in time. The reduced amount exists only for the first notice of a period.
 */
public record PaymentTerms(Optional<BigDecimal> reducedAmount, Optional<LocalDate> reducedAmountDeadline,
                           BigDecimal amount, LocalDate deadline) {
}
