package uk.attendance.overview;

import uk.attendance.contract.model.PenaltyNoticeStatusLevel;

/** What a parent reads about the national penalty-notice framework (rule book §3), in plain English. */
public final class PenaltyExplanation {
    static final String FRAMEWORK = """
            Schools in England must consider a fine (a "penalty notice") when a child misses 10 sessions without \
            permission within 10 school weeks. Each school day has two sessions, morning and afternoon, so 10 sessions \
            is usually 5 days. The sessions that count are: a holiday in term time the school did not agree to (G), \
            an absence the school has not accepted a reason for (O), arriving after the register has closed (U), and \
            an absence the school does not yet know the reason for (N) - if you tell the school why your child was \
            away, an N can be changed. The 10 school weeks can run across terms and school years; weeks with no \
            school at all are skipped. Reaching 10 does not mean a fine is automatic: the school must consider one \
            and will usually talk to you first. A first penalty notice is £160, reduced to £80 if paid within 21 days \
            (the day you receive it counts as day 1), and must be paid within 28 days. A second notice for the same \
            child within 3 years is £160 with no reduction. There cannot be a third within 3 years: the local \
            authority would consider other action instead, usually prosecution. If anything makes it hard for your \
            child to be in school, talk to the school's attendance officer - help is available.""";

    private PenaltyExplanation() {
    }

    public static PenaltyNoticeStatusLevel level(boolean reached, int used) {
        if (reached) {
            return PenaltyNoticeStatusLevel.REACHED;
        }
        if (used == 0) {
            return PenaltyNoticeStatusLevel.NONE;
        }
        return used >= 6 ? PenaltyNoticeStatusLevel.WARNING : PenaltyNoticeStatusLevel.NOTICE;
    }

    public static String headline(PenaltyNoticeStatusLevel level, int used, int left, boolean provisional) {
        String suffix = provisional ? " Some of these are absences the school has no reason for yet (N): telling the school why may change them." : "";
        return switch (level) {
            case NONE -> "No sessions that could lead to a fine in the last 10 school weeks.";
            case NOTICE, WARNING -> used + " of the 10 sessions that can lead to a fine "
                    + (used == 1 ? "has" : "have") + " been used in the last 10 school weeks; " + left
                    + " more would reach the limit." + suffix;
            case REACHED -> "10 sessions without permission within 10 school weeks: the school must now consider a penalty notice."
                    + suffix;
        };
    }

    public static String notApplicable() {
        return "The penalty-notice rules do not apply on this date: your child is not of compulsory school age.";
    }
}
