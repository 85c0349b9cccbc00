package uk.attendance.casework.documents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.attendance.rules.AttendanceBand;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A pupil's figures as a document prints them, taken from the services behind the parent's summary and penalty status
 * (never recomputed here). Serialisable, so a letter can keep the snapshot it was written with.
 *
 * @param attendancePercent 1 dp, as the app shows it; null when no session was possible
 * @param missedSessions    authorised plus unauthorised absences (U counts, L does not)
 * @param band              policy 003's band; null when no session was possible
 */
@Serdeable
public record DocumentFigures(LocalDate from, LocalDate to, @Nullable BigDecimal attendancePercent, int possibleSessions,
                              int missedSessions, BigDecimal daysMissed, BigDecimal learningHoursLost,
                              boolean persistentAbsence, boolean severeAbsence, @Nullable AttendanceBand band,
                              Penalty penalty) {

    /** Where the pupil stands against the penalty-notice threshold on {@code asOf}; {@code headline} is the app's English. */
    @Serdeable
    public record Penalty(LocalDate asOf, boolean applies, Level level, int sessionsUsed, int sessionsLeft,
                          boolean provisional, String headline) {
    }

    public enum Level { NONE, NOTICE, WARNING, REACHED }
}
