package uk.attendance.dashboard;

import uk.attendance.rules.Ratio;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One group's figures year to date (rule book section 2): possible = attended + authorised + unauthorised; pupils are
 * those with at least one possible session; persistent / severe = pupils whose own absence is at least 10 % / 50 % of
 * their own possible sessions (exact, never the rounded %). Percentages 1 dp half-up, empty when the base is zero.
 */
record Figures(Dimension dimension, String value, long pupils, long possible, long attended, long authorised,
               long unauthorised, long persistent, long severe) {

    static Figures none(Dimension dimension, String value) {
        return new Figures(dimension, value, 0, 0, 0, 0, 0, 0, 0);
    }

    long absent() {
        return authorised + unauthorised;
    }

    Optional<BigDecimal> attendancePercent() {
        return ofSessions(attended);
    }

    Optional<BigDecimal> absencePercent() {
        return ofSessions(absent());
    }

    Optional<BigDecimal> authorisedPercent() {
        return ofSessions(authorised);
    }

    Optional<BigDecimal> unauthorisedPercent() {
        return ofSessions(unauthorised);
    }

    Optional<BigDecimal> persistentPercent() {
        return pupils == 0 ? Optional.empty() : Optional.of(new Ratio(persistent, pupils).displayPercent());
    }

    Optional<BigDecimal> severePercent() {
        return pupils == 0 ? Optional.empty() : Optional.of(new Ratio(severe, pupils).displayPercent());
    }

    String label() {
        return dimension.label(value);
    }

    private Optional<BigDecimal> ofSessions(long n) {
        return possible == 0 ? Optional.empty() : Optional.of(new Ratio(n, possible).displayPercent());
    }
}
