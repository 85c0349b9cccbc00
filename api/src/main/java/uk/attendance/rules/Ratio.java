package uk.attendance.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact fraction of sessions, e.g. attended / possible. Flags are decided on this, never on a rounded %. */
public record Ratio(long numerator, long denominator) {
    public Ratio {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, got " + denominator);
        }
        if (numerator < 0) {
            throw new IllegalArgumentException("numerator must not be negative, got " + numerator);
        }
    }

    /** 100 × numerator / denominator, rounded half-up to {@code scale} decimal places. */
    public BigDecimal percent(int scale) {
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    /** The percentage shown to people: one decimal place, half-up (convention 2). */
    public BigDecimal displayPercent() {
        return percent(1);
    }
}
