package uk.attendance.patterns;

import uk.attendance.rules.RegisterCode;

import java.util.Optional;

/** Who the frequent-lateness list shows: {@code L} and {@code U} sessions together, or only the one asked for. */
final class FrequentLateness {
    static final int DEFAULT_WEEKS = 6;
    static final int MAX_WEEKS = 39;
    static final int DEFAULT_MIN_SESSIONS = 3;
    static final int MAX_MIN_SESSIONS = 200;

    private FrequentLateness() {
    }

    static long counted(long late, long lateAfterClose, Optional<RegisterCode> only) {
        return only.map(code -> code == RegisterCode.L ? late : lateAfterClose).orElse(late + lateAfterClose);
    }

    static boolean listed(long late, long lateAfterClose, Optional<RegisterCode> only, int minSessions) {
        return counted(late, lateAfterClose, only) >= minSessions;
    }
}
