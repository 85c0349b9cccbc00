package uk.attendance.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Attendance figures for one pupil over a period (rule book §2, §5). Counts are sessions. {@code from} and
 * {@code to} are the requested period; only sessions on which the pupil was on roll are counted.
 * {@code codeCounts} holds every register code in table order, zero when unused.
 */
public record AttendanceSummary(LocalDate from, LocalDate to,
                                int possible, int attended, int present, int approvedActivity,
                                int authorised, int unauthorised, int notPossible, int administrative,
                                Map<RegisterCode, Integer> codeCounts,
                                int lateBeforeClose, int lateAfterClose) {
    private static final BigDecimal HOURS_PER_SESSION = new BigDecimal("2.5");

    public AttendanceSummary {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Map<RegisterCode, Integer> ordered = new EnumMap<>(RegisterCode.class);
        ordered.putAll(codeCounts);
        codeCounts = Collections.unmodifiableMap(ordered);
    }

    public int count(RegisterCode code) {
        return codeCounts.getOrDefault(code, 0);
    }

    /** Authorised plus unauthorised sessions (U included, L not). */
    public int absent() {
        return authorised + unauthorised;
    }

    /** attended / possible; empty when there are no possible sessions. */
    public Optional<Ratio> attendance() {
        return ratioOf(attended);
    }

    public Optional<Ratio> absence() {
        return ratioOf(absent());
    }

    public Optional<Ratio> authorisedRate() {
        return ratioOf(authorised);
    }

    public Optional<Ratio> unauthorisedRate() {
        return ratioOf(unauthorised);
    }

    private Optional<Ratio> ratioOf(int sessions) {
        return possible == 0 ? Optional.empty() : Optional.of(new Ratio(sessions, possible));
    }

    /** Attendance % for display, one decimal place half-up; empty ("n/a") when possible is zero. */
    public Optional<BigDecimal> attendancePercent() {
        return attendance().map(Ratio::displayPercent);
    }

    public Optional<BigDecimal> absencePercent() {
        return absence().map(Ratio::displayPercent);
    }

    public Optional<BigDecimal> authorisedPercent() {
        return authorisedRate().map(Ratio::displayPercent);
    }

    public Optional<BigDecimal> unauthorisedPercent() {
        return unauthorisedRate().map(Ratio::displayPercent);
    }

    /** Absent for 10 % or more of possible sessions, on exact values: 10·absent ≥ possible. */
    public boolean persistentAbsence() {
        return possible > 0 && 10L * absent() >= possible;
    }

    /** Absent for 50 % or more of possible sessions: 2·absent ≥ possible. */
    public boolean severeAbsence() {
        return possible > 0 && 2L * absent() >= possible;
    }

    /** Policy 003 band from the display percentage; empty when possible is zero. */
    public Optional<AttendanceBand> band() {
        return attendancePercent().map(AttendanceBand::forDisplayPercent);
    }

    /** Absent sessions / 2. */
    public BigDecimal daysMissed() {
        return BigDecimal.valueOf(absent()).divide(BigDecimal.valueOf(2)).setScale(1);
    }

    /** Days missed / 5 (a school week is five days). */
    public BigDecimal weeksMissed() {
        return BigDecimal.valueOf(absent()).divide(BigDecimal.TEN).setScale(1);
    }

    /** 2.5 hours per absent session (5 hours a day, policy 002 letter 1; convention 7). */
    public BigDecimal learningHoursLost() {
        return HOURS_PER_SESSION.multiply(BigDecimal.valueOf(absent()));
    }
}
