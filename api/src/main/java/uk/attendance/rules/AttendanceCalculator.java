package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Attendance figures from register marks (rule book §2). Only marks inside the requested period and on
 * days the pupil was on roll (admission to leaving date, both inclusive) count. The register holds one
 * mark per pupil per session; a second mark for the same session is rejected.
 */
public final class AttendanceCalculator {
    private AttendanceCalculator() {
    }

    public static AttendanceSummary summarise(Iterable<SessionMark> marks, PupilFacts pupil, LocalDate from, LocalDate to) {
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(pupil, "pupil");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        LocalDate first = from.isBefore(pupil.admissionDate()) ? pupil.admissionDate() : from;
        LocalDate last = pupil.leavingDate().filter(to::isAfter).orElse(to);

        int[] counts = new int[RegisterCode.values().length];
        if (!first.isAfter(last)) {
            long firstOrdinal = SessionMark.sessionOrdinal(first, Session.AM);
            long lastOrdinal = SessionMark.sessionOrdinal(last, Session.PM);
            BitSet seen = new BitSet();
            for (SessionMark mark : marks) {
                long ordinal = mark.sessionOrdinal();
                if (ordinal < firstOrdinal || ordinal > lastOrdinal) {
                    continue;
                }
                int bit = Math.toIntExact(ordinal - firstOrdinal);
                if (seen.get(bit)) {
                    throw new IllegalArgumentException("More than one mark for " + mark.date() + " " + mark.session());
                }
                seen.set(bit);
                counts[mark.code().ordinal()]++;
            }
        }

        return fromCounts(counts, from, to);
    }

    /**
     * The same figures from how many sessions carried each code, when the counting was done elsewhere (a
     * database) over sessions already limited to the period and to the days the pupil was on roll.
     */
    public static AttendanceSummary summariseCounts(Map<RegisterCode, Integer> sessionsByCode, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        int[] counts = new int[RegisterCode.values().length];
        sessionsByCode.forEach((code, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("negative count for " + code.symbol());
            }
            counts[code.ordinal()] += n;
        });
        return fromCounts(counts, from, to);
    }

    private static AttendanceSummary fromCounts(int[] counts, LocalDate from, LocalDate to) {
        int[] byCategory = new int[Category.values().length];
        Map<RegisterCode, Integer> codeCounts = new EnumMap<>(RegisterCode.class);
        for (RegisterCode code : RegisterCode.values()) {
            codeCounts.put(code, counts[code.ordinal()]);
            byCategory[code.category().ordinal()] += counts[code.ordinal()];
        }
        int present = byCategory[Category.PRESENT.ordinal()];
        int aea = byCategory[Category.APPROVED_EDUCATIONAL_ACTIVITY.ordinal()];
        int authorised = byCategory[Category.AUTHORISED.ordinal()];
        int unauthorised = byCategory[Category.UNAUTHORISED.ordinal()];
        return new AttendanceSummary(from, to,
                present + aea + authorised + unauthorised, present + aea, present, aea, authorised, unauthorised,
                byCategory[Category.NOT_POSSIBLE.ordinal()], byCategory[Category.ADMINISTRATIVE.ordinal()],
                codeCounts, counts[RegisterCode.L.ordinal()], counts[RegisterCode.U.ordinal()]);
    }
}
