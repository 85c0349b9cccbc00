package uk.attendance.rules.penalty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.attendance.rules.calendar.TestCalendars.d;

class PenaltyNoticesTest {

    @ParameterizedTest(name = "previous [{0}], issue {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                                | 2024-10-01 | true  | 1 | 2024-10-01 | 2027-09-30
            2024-10-01                       | 2025-03-01 | true  | 2 | 2024-10-01 | 2027-09-30
            2024-10-01                       | 2027-09-30 | true  | 2 | 2024-10-01 | 2027-09-30
            2024-10-01                       | 2027-10-01 | true  | 1 | 2027-10-01 | 2030-09-30
            2024-10-01 2025-03-01            | 2025-06-01 | false | 3 | 2024-10-01 | 2027-09-30
            2024-10-01 2025-03-01            | 2027-09-30 | false | 3 | 2024-10-01 | 2027-09-30
            2024-10-01 2025-03-01            | 2027-10-01 | true  | 1 | 2027-10-01 | 2030-09-30
            2025-03-01 2024-10-01            | 2026-01-05 | false | 3 | 2024-10-01 | 2027-09-30
            2024-10-01 2025-03-01 2027-10-01 | 2028-01-01 | true  | 2 | 2027-10-01 | 2030-09-30
            2024-02-29                       | 2027-02-27 | true  | 2 | 2024-02-29 | 2027-02-27
            2024-02-29                       | 2027-02-28 | true  | 1 | 2027-02-28 | 2030-02-27
            """)
    void atMostTwoNoticesInThreeYearsFromTheFirst(String previous, LocalDate issueDate, boolean allowed, int number,
                                                 LocalDate periodStart, LocalDate periodEnd) {
        List<LocalDate> dates = previous == null ? List.of() : Arrays.stream(previous.split(" ")).map(LocalDate::parse).toList();
        assertEquals(new PenaltyNoticeEligibility(allowed, number, periodStart, periodEnd),
                PenaltyNotices.eligibility(dates, issueDate));
    }

    @Test
    void firstNoticeHasAReducedAmountForTwentyOneDaysFromReceipt() {
        assertEquals(new PaymentTerms(Optional.of(new BigDecimal("80")), Optional.of(d("2025-01-30")),
                new BigDecimal("160"), d("2025-02-06")), PenaltyNotices.paymentTerms(1, d("2025-01-10")));
    }

    @Test
    void secondNoticeHasNoReduction() {
        assertEquals(new PaymentTerms(Optional.empty(), Optional.empty(), new BigDecimal("160"), d("2025-02-06")),
                PenaltyNotices.paymentTerms(2, d("2025-01-10")));
    }

    @Test
    void thereAreNoTermsForAThirdNotice() {
        assertThrows(IllegalArgumentException.class, () -> PenaltyNotices.paymentTerms(3, d("2025-01-10")));
    }

    @ParameterizedTest(name = "notice {0} received {1} paid {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1 | 2025-01-10 | 2025-01-10 | 80
            1 | 2025-01-10 | 2025-01-30 | 80
            1 | 2025-01-10 | 2025-01-31 | 160
            1 | 2025-01-10 | 2025-02-06 | 160
            1 | 2025-01-10 | 2025-02-07 | -
            2 | 2025-01-10 | 2025-01-11 | 160
            2 | 2025-01-10 | 2025-02-06 | 160
            2 | 2025-01-10 | 2025-02-07 | -
            """)
    void amountDueDependsOnThePaymentDay(int notice, LocalDate receivedOn, LocalDate paidOn, BigDecimal amount) {
        assertEquals(Optional.ofNullable(amount), PenaltyNotices.amountDue(notice, receivedOn, paidOn));
    }
}
