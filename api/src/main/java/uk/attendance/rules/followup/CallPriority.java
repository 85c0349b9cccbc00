package uk.attendance.rules.followup;

import java.util.Comparator;

/**
 * Where a pupil goes on the morning's call list (policy 002 §6a(5), rule book §4 first-day calling): pupils known to
 * safeguarding come first (a social worker, a child protection plan, looked after), then pupils with special
 * educational needs (SEN support or an EHC plan), then everyone else; within each group the longest run of
 * consecutive school days absent first.
 *
 * @param send                        SEN support or an education, health and care plan
 * @param consecutiveSchoolDaysAbsent see {@link ConsecutiveAbsence}
 */
public record CallPriority(boolean socialWorker, boolean childProtection, boolean lookedAfter, boolean send,
                           int consecutiveSchoolDaysAbsent) {

    public enum Group {
        SAFEGUARDING,
        SEND,
        OTHER
    }

    /** First called first. Equal priorities compare equal: the caller breaks ties (e.g. by name). */
    public static final Comparator<CallPriority> FIRST_CALLED_FIRST = Comparator
            .comparing(CallPriority::group)
            .thenComparing(Comparator.comparingInt(CallPriority::consecutiveSchoolDaysAbsent).reversed());

    public CallPriority {
        if (consecutiveSchoolDaysAbsent < 0) {
            throw new IllegalArgumentException("consecutive school days absent must not be negative");
        }
    }

    public Group group() {
        if (socialWorker || childProtection || lookedAfter) {
            return Group.SAFEGUARDING;
        }
        return send ? Group.SEND : Group.OTHER;
    }
}
