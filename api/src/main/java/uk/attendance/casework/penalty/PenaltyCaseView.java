package uk.attendance.casework.penalty;

import uk.attendance.rules.penalty.PaymentTerms;
import uk.attendance.rules.penalty.PenaltyNotices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * A case as shown on a given day: its stage (an issued notice unpaid after its 28 days is {@code PAYMENT_OVERDUE}),
 * since when, the next step and its date, and the notice's payment terms ({@link PenaltyNotices#paymentTerms}).
 */
public record PenaltyCaseView(PenaltyCaseRow row, String parentName, boolean supportOffered, Stage stage, LocalDate since,
                              String nextStep, Optional<LocalDate> nextStepBy, Optional<PaymentTerms> terms,
                              String parentHeadline) {
    public enum Stage { OPEN, NOTICE_TO_IMPROVE, REQUESTED, ISSUED, PAYMENT_OVERDUE, PAID, WITHDRAWN }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    static PenaltyCaseView of(PenaltyCaseRow r, String parentName, boolean supportOffered, LocalDate today) {
        Optional<PaymentTerms> terms = r.noticeNumber() == null ? Optional.empty()
                : Optional.of(PenaltyNotices.paymentTerms(r.noticeNumber(), r.receivedOn()));
        return switch (r.stage()) {
            case OPEN -> new PenaltyCaseView(r, parentName, supportOffered, Stage.OPEN, r.stageSince(),
                    r.reason() == PenaltyCaseRow.Reason.TERM_TIME_HOLIDAY
                            ? "Ask the local authority for a penalty notice (a term-time holiday needs no support first), or withdraw the case"
                            : supportOffered ? "Give a notice to improve (3 to 6 weeks), or ask the local authority for a penalty notice"
                            : "Offer support (a meeting, a plan or a contract), then a notice to improve",
                    Optional.empty(), terms, "The school is considering whether a penalty notice is needed");
            case NOTICE_TO_IMPROVE -> new PenaltyCaseView(r, parentName, supportOffered, Stage.NOTICE_TO_IMPROVE, r.stageSince(),
                    "Review the improvement period; if attendance has not improved enough, ask the local authority for a penalty notice",
                    Optional.of(r.improveBy()), terms, "You have been given a notice to improve: attendance must improve by "
                            + DAY.format(r.improveBy()) + ", or the school may ask for a penalty notice");
            case REQUESTED -> new PenaltyCaseView(r, parentName, supportOffered, Stage.REQUESTED, r.stageSince(),
                    "Record the notice when the local authority issues it", Optional.empty(), terms,
                    "The school has asked the local authority to issue a penalty notice");
            case ISSUED -> issued(r, parentName, supportOffered, terms.orElseThrow(), today);
            case PAID -> new PenaltyCaseView(r, parentName, supportOffered, Stage.PAID, r.stageSince(),
                    "Nothing - the notice is settled", Optional.empty(), terms,
                    "The penalty notice is paid (" + pounds(r.amountPaid()) + " on " + DAY.format(r.paidOn()) + ")");
            case WITHDRAWN -> new PenaltyCaseView(r, parentName, supportOffered, Stage.WITHDRAWN, r.stageSince(),
                    "Nothing - the case is withdrawn", Optional.empty(), terms, "The penalty-notice case was withdrawn");
        };
    }

    private static PenaltyCaseView issued(PenaltyCaseRow r, String parentName, boolean supportOffered, PaymentTerms t,
                                          LocalDate today) {
        if (today.isAfter(t.deadline())) {
            return new PenaltyCaseView(r, parentName, supportOffered, Stage.PAYMENT_OVERDUE, t.deadline().plusDays(1),
                    "Not paid within 28 days: the local authority considers prosecution (section 444, Education Act 1996)",
                    Optional.empty(), Optional.of(t),
                    "The penalty notice was not paid within 28 days: the local authority may prosecute");
        }
        String full = pounds(t.amount()) + " by " + t.deadline();
        String fullWords = pounds(t.amount()) + " by " + DAY.format(t.deadline());
        boolean reducedOpen = t.reducedAmountDeadline().filter(d -> !today.isAfter(d)).isPresent();
        String step = t.reducedAmount().map(a -> pounds(a) + " if paid by " + t.reducedAmountDeadline().orElseThrow()
                + ", otherwise " + full).orElse(full);
        String headline = "A penalty notice was issued: pay " + t.reducedAmount().map(a -> pounds(a) + " by "
                + DAY.format(t.reducedAmountDeadline().orElseThrow()) + ", or " + fullWords).orElse(fullWords);
        return new PenaltyCaseView(r, parentName, supportOffered, Stage.ISSUED, r.stageSince(), step,
                Optional.of(reducedOpen ? t.reducedAmountDeadline().orElseThrow() : t.deadline()), Optional.of(t), headline);
    }

    static String pounds(BigDecimal amount) {
        return "£" + amount.stripTrailingZeros().toPlainString();
    }
}
