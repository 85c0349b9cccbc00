package uk.attendance.patterns;

import uk.attendance.rules.calendar.Session;

import java.util.EnumSet;
import java.util.Set;

/**
 * When a pupil's absences count as concentrated, in exact integer arithmetic (no rounded shares):
 * <ul>
 *   <li>{@code MONDAY_FRIDAY}: at least {@code min} absent sessions, at least half of them on a Monday or a Friday, and
 *       that share above the share of the pupil's possible sessions on Mondays and Fridays (about 40 % in a normal
 *       week), so a pupil who only has Monday and Friday sessions is not flagged for it;</li>
 *   <li>{@code AFTERNOON}: at least {@code min} absent sessions, at least two thirds of them in the afternoon, and that
 *       share above the afternoons' share of the pupil's possible sessions.</li>
 * </ul>
 * Half and two thirds: with absences spread evenly, Mondays and Fridays hold 40 % and afternoons 50 %; both thresholds
 * sit clearly above what chance gives, as the MIS dashboards' "day of week" flags do.
 */
public final class AbsencePatterns {
    public static final int DEFAULT_MIN_ABSENT_SESSIONS = 6;

    private AbsencePatterns() {
    }

    public static Set<AbsencePatternKind> of(SessionTally tally, int minAbsentSessions) {
        SessionTally.Counts all = tally.total();
        SessionTally.Counts monFri = tally.mondaysAndFridays();
        SessionTally.Counts pm = tally.of(Session.PM);
        Set<AbsencePatternKind> kinds = EnumSet.noneOf(AbsencePatternKind.class);
        if (mondayFriday(all.absent(), monFri.absent(), all.possible(), monFri.possible(), minAbsentSessions)) {
            kinds.add(AbsencePatternKind.MONDAY_FRIDAY);
        }
        if (afternoon(all.absent(), pm.absent(), all.possible(), pm.possible(), minAbsentSessions)) {
            kinds.add(AbsencePatternKind.AFTERNOON);
        }
        return kinds;
    }

    static boolean mondayFriday(long absent, long absentMonFri, long possible, long possibleMonFri, int min) {
        return absent >= min && absent > 0 && 2 * absentMonFri >= absent && absentMonFri * possible > possibleMonFri * absent;
    }

    static boolean afternoon(long absent, long absentPm, long possible, long possiblePm, int min) {
        return absent >= min && absent > 0 && 3 * absentPm >= 2 * absent && absentPm * possible > possiblePm * absent;
    }
}
