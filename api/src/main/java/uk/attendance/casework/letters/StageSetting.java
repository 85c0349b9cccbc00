package uk.attendance.casework.letters;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * One stage of a school's graduated response: its words, whether the daily job proposes it, its threshold (attendance
 * stages: strictly below {@code thresholdPercent}; U_LATE: at least {@code uLateSessions} U sessions this term) and the
 * template of its letter.
 */
record StageSetting(LetterStage stage, String name, String description, boolean automatic,
                    @Nullable BigDecimal thresholdPercent, @Nullable Integer uLateSessions, String subject, String body) {

    /** Below the threshold, on exact sessions: attended / possible < threshold / 100. */
    boolean crossedBy(long attended, long possible) {
        return thresholdPercent != null && possible > 0
                && BigDecimal.valueOf(attended).multiply(BigDecimal.valueOf(100))
                .compareTo(thresholdPercent.multiply(BigDecimal.valueOf(possible))) < 0;
    }
}
