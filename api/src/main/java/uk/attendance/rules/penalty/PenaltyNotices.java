package uk.attendance.rules.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Penalty notice limits and amounts (rule book §3, convention 11; PN24 reg 4). First notice of a period:
 * £80 if paid within 21 days, otherwise £160 within 28 days. Second notice in the same 3-year period:
 * £160 within 28 days, no reduction. No third notice within 3 years of the first notice's issue date.
 * The 21 and 28 days begin with the day the notice is received, so receipt day is day 1. The 3 years
 * likewise begin with the first notice's issue date.
 */
public final class PenaltyNotices {
    public static final BigDecimal REDUCED_AMOUNT = new BigDecimal("80");
    public static final BigDecimal FULL_AMOUNT = new BigDecimal("160");
    public static final int REDUCED_PAYMENT_DAYS = 21;
    public static final int PAYMENT_DAYS = 28;
    public static final int MAX_NOTICES_PER_PERIOD = 2;
    public static final int PERIOD_YEARS = 3;

    private PenaltyNotices() {
    }

    /** Eligibility of a new notice on {@code issueDate}, given the issue dates of earlier notices to the same parent for the same child. */
    public static PenaltyNoticeEligibility eligibility(Collection<LocalDate> previousIssueDates, LocalDate issueDate) {
        List<LocalDate> previous = previousIssueDates.stream().filter(d -> d.isBefore(issueDate) || d.equals(issueDate))
                .sorted().toList();
        LocalDate periodStart = null;
        int inPeriod = 0;
        for (LocalDate issued : previous) {
            if (periodStart == null || !issued.isBefore(periodEnd(periodStart).plusDays(1))) {
                periodStart = issued;
                inPeriod = 0;
            }
            inPeriod++;
        }
        if (periodStart == null || issueDate.isAfter(periodEnd(periodStart))) {
            return new PenaltyNoticeEligibility(true, 1, issueDate, periodEnd(issueDate));
        }
        int number = inPeriod + 1;
        return new PenaltyNoticeEligibility(number <= MAX_NOTICES_PER_PERIOD, number, periodStart, periodEnd(periodStart));
    }

    private static LocalDate periodEnd(LocalDate periodStart) {
        return periodStart.plusYears(PERIOD_YEARS).minusDays(1);
    }

    /** Payment terms of notice number 1 or 2 of a period, received on {@code receivedOn}. */
    public static PaymentTerms paymentTerms(int noticeNumber, LocalDate receivedOn) {
        LocalDate deadline = receivedOn.plusDays(PAYMENT_DAYS - 1L);
        return switch (noticeNumber) {
            case 1 -> new PaymentTerms(Optional.of(REDUCED_AMOUNT), Optional.of(receivedOn.plusDays(REDUCED_PAYMENT_DAYS - 1L)),
                    FULL_AMOUNT, deadline);
            case 2 -> new PaymentTerms(Optional.empty(), Optional.empty(), FULL_AMOUNT, deadline);
            default -> throw new IllegalArgumentException("Only notices 1 and 2 of a period can be issued, got " + noticeNumber);
        };
    }

    /** The amount due for a payment made on {@code paidOn}; empty when it is too late and prosecution must be considered. */
    public static Optional<BigDecimal> amountDue(int noticeNumber, LocalDate receivedOn, LocalDate paidOn) {
        PaymentTerms terms = paymentTerms(noticeNumber, receivedOn);
        if (terms.reducedAmountDeadline().filter(d -> !paidOn.isAfter(d)).isPresent()) {
            return terms.reducedAmount();
        }
        return paidOn.isAfter(terms.deadline()) ? Optional.empty() : Optional.of(terms.amount());
    }
}
