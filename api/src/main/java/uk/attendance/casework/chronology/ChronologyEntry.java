package uk.attendance.casework.chronology;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One item of a pupil's chronology as an owning feature reports it. {@code forFamily}: a parent/carer who acts for the
 * child may see it; {@code dslOnly}: only the DSL, headteacher and trust administrators may.
 */
public record ChronologyEntry(Kind kind, Instant at, String title, @Nullable String detail, String by,
                              String refType, long refId, boolean forFamily, boolean dslOnly) {

    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");
    private static final int DETAIL_LENGTH = 200;

    public enum Kind {
        REGISTER_CHANGE, ABSENCE_REPORT, LEAVE_REQUEST, CALL, TEXT, PUSH, LETTER, MEETING, PLAN, CONTRACT, REVIEW,
        PENALTY, NOTE
    }

    /** A dated record (a meeting, a review) sits at 09:00 school time on its date. */
    public static Instant onDate(LocalDate date) {
        return date.atTime(9, 0).atZone(SCHOOL_TIME).toInstant();
    }

    /** Detail kept short: a chronology line, not the record itself. */
    public static @Nullable String shortened(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.length() <= DETAIL_LENGTH ? t : t.substring(0, DETAIL_LENGTH - 1) + "…";
    }
}
