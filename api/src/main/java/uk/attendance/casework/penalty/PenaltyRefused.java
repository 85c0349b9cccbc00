package uk.attendance.casework.penalty;

import java.time.LocalDate;
import java.util.Optional;

/** A penalty-notice step the rules refuse now; the HTTP edge ({@link PenaltyRefusedHandler}) answers 409 naming why. */
class PenaltyRefused extends RuntimeException {
    enum Why { SUPPORT_NOT_OFFERED, NOTICE_LIMIT_REACHED, WRONG_STAGE, CASE_ALREADY_OPEN, PAYMENT_LATE, NOT_OF_COMPULSORY_SCHOOL_AGE }

    static final String PROSECUTION = "Prosecution under section 444 of the Education Act 1996, or other legal intervention";

    private final Why why;
    private final Optional<LocalDate> possibleFrom;
    private final Optional<String> instead;

    PenaltyRefused(Why why, String detail, Optional<LocalDate> possibleFrom, Optional<String> instead) {
        super(detail, null, false, false);
        this.why = why;
        this.possibleFrom = possibleFrom;
        this.instead = instead;
    }

    PenaltyRefused(Why why, String detail) {
        this(why, detail, Optional.empty(), Optional.empty());
    }

    Why why() {
        return why;
    }

    Optional<LocalDate> possibleFrom() {
        return possibleFrom;
    }

    Optional<String> instead() {
        return instead;
    }
}
