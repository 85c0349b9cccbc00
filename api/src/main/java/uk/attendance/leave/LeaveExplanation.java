package uk.attendance.leave;

import uk.attendance.contract.model.LeaveType;
import uk.attendance.rules.AttendanceSummary;
import uk.attendance.rules.penalty.PenaltyThreshold;
import uk.attendance.rules.RegisterCode;

import java.util.ArrayList;
import java.util.List;

/** A leave preview in plain English for a parent (rule book §2-§4). */
final class LeaveExplanation {
    private static final int SKIPPED_NAMED = 8;

    private LeaveExplanation() {
    }

    static String summary(LeaveDraft draft) {
        List<LeaveSlot> sessions = draft.sessions();
        LeaveSlot first = sessions.get(0);
        LeaveSlot last = sessions.get(sessions.size() - 1);
        String span = sessions.size() == 1 ? LeaveWords.slot(first)
                : "from " + LeaveWords.slot(first) + " to " + LeaveWords.slot(last);
        return LeaveWords.count(sessions.size(), "school session", "school sessions") + " over "
                + LeaveWords.count(draft.schoolDays(), "school day", "school days") + ", " + span + ".";
    }

    static List<String> sentences(LeaveDraft draft, LeaveForecast forecast) {
        String child = draft.pupil().firstName();
        List<String> lines = new ArrayList<>();
        if (!draft.skipped().isEmpty()) {
            List<String> runs = skippedRuns(draft.skipped());
            String named = String.join("; ", runs.subList(0, Math.min(runs.size(), SKIPPED_NAMED)));
            int more = runs.size() - SKIPPED_NAMED;
            lines.add("Not school time, so not counted: " + named + (more > 0 ? "; and " + more + " more." : "."));
        }
        lines.add(forecast.current().flatMap(AttendanceSummary::attendancePercent)
                .map(p -> child + "'s attendance this school year so far is " + LeaveWords.percent(p) + ".")
                .orElse("No attendance is recorded for " + child + " this school year yet."));
        RegisterCode code = LeaveCodes.of(draft.type());
        String lastDay = LeaveWords.day(draft.sessions().get(draft.sessions().size() - 1).date());
        lines.add("If the school agrees, these sessions are recorded as " + LeaveCodes.label(code) + " (" + code.symbol()
                + "), an authorised absence" + attendance(forecast.ifApproved(), lastDay, child) + ".");
        if (draft.type() == LeaveType.RELIGIOUS_OBSERVANCE && draft.schoolDays() > 1) {
            lines.add("Only a day set apart by your religious body can be recorded as religious observance (R), one day per "
                    + "request: if the school agrees to more days, they are recorded as leave for exceptional circumstances (C), "
                    + "which the school grants at its discretion.");
        }
        if (draft.type() == LeaveType.EXCEPTIONAL_CIRCUMSTANCES || draft.type() == LeaveType.HOLIDAY) {
            lines.add("Schools grant leave only in exceptional circumstances and decide how many days; a holiday is generally "
                    + "not an exceptional circumstance.");
        }
        RegisterCode refused = forecast.refusedAs();
        lines.add("If the school does not agree and " + child + " is away anyway, the sessions are recorded as "
                + LeaveCodes.label(refused) + " (" + refused.symbol() + "), an unauthorised absence"
                + forecast.ifRefused().attendancePercent().map(p -> ": attendance would be " + LeaveWords.percent(p)
                        + " all the same, but these sessions count towards a penalty notice").orElse("") + ".");
        lines.add(penalty(forecast, child));
        if (forecast.ifApproved().persistentAbsence()) {
            lines.add("Missing 10% or more of sessions counts as persistent absence, even when the school agrees to the leave.");
        }
        return lines;
    }

    static String headline(LeaveForecast forecast) {
        if (!forecast.applies()) {
            return "The penalty-notice rules do not apply: the child is not of compulsory school age on these days.";
        }
        return forecast.reachedAt()
                .map(e -> takenWithout(forecast) + ", this would reach the penalty-notice threshold on "
                        + LeaveWords.slot(new LeaveSlot(e.date(), e.session())) + ".")
                .orElse(takenWithout(forecast) + ", this would not reach the penalty-notice threshold: "
                        + used(forecast) + " of the " + PenaltyThreshold.THRESHOLD_SESSIONS + " sessions would be used.");
    }

    private static String penalty(LeaveForecast forecast, String child) {
        if (!forecast.applies()) {
            return "The penalty-notice rules do not apply: " + child + " is not of compulsory school age on these days.";
        }
        int already = PenaltyThreshold.THRESHOLD_SESSIONS - forecast.before().sessionsLeft();
        String recordedSoFar = already == 0 ? "No sessions without permission are recorded in the 10 school weeks before the leave"
                : LeaveWords.count(already, "session", "sessions") + " without permission "
                + (already == 1 ? "is" : "are") + " already recorded in the 10 school weeks before the leave";
        String rule = "10 sessions of unauthorised absence within 10 school weeks, when the school must consider a penalty notice";
        return forecast.reachedAt()
                .map(e -> recordedSoFar + ". " + takenWithout(forecast) + ", this leave would reach the national limit on "
                        + LeaveWords.slot(new LeaveSlot(e.date(), e.session())) + ": " + rule
                        + " (a first notice is £160 per parent, reduced to £80 if paid within 21 days).")
                .orElse(recordedSoFar + ". " + takenWithout(forecast) + ", this leave would not reach the national limit ("
                        + rule + "): " + used(forecast) + " of the 10 would be used.");
    }

    /** "Taken as a holiday without permission (G)" or "Taken without permission (O)": the code counts either way. */
    private static String takenWithout(LeaveForecast forecast) {
        return forecast.refusedAs() == RegisterCode.G ? "Taken as a holiday without permission (G)"
                : "Taken without permission (" + forecast.refusedAs().symbol() + ")";
    }

    /** Consecutive whole days with the same reason as one run ("Monday 27 to Friday 31 October 2025 (half-term)"). */
    private static List<String> skippedRuns(List<LeavePeriod.Skipped> skipped) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < skipped.size()) {
            LeavePeriod.Skipped first = skipped.get(i);
            int j = i;
            while (first.session().isEmpty() && j + 1 < skipped.size() && skipped.get(j + 1).session().isEmpty()
                    && skipped.get(j + 1).description().equals(first.description())
                    && skipped.get(j + 1).date().equals(skipped.get(j).date().plusDays(1))) {
                j++;
            }
            String when = j == i ? LeaveWords.day(first.date()) + first.session().map(s -> " " + LeaveWords.session(s)).orElse("")
                    : LeaveWords.day(first.date()) + " to " + LeaveWords.day(skipped.get(j).date());
            runs.add(when + " (" + inSentence(first.description()) + ")");
            i = j + 1;
        }
        return runs;
    }

    /** "Half-term" reads "half-term" mid-sentence; "INSET day" stays as it is. */
    private static String inSentence(String description) {
        return description.length() > 1 && Character.isLowerCase(description.charAt(1))
                ? Character.toLowerCase(description.charAt(0)) + description.substring(1) : description;
    }

    private static int used(LeaveForecast forecast) {
        return PenaltyThreshold.THRESHOLD_SESSIONS - forecast.after().sessionsLeft();
    }

    private static String attendance(AttendanceSummary summary, String lastDay, String child) {
        return summary.attendancePercent()
                .map(p -> ": attendance this school year would be " + LeaveWords.percent(p) + " on " + lastDay + " if " + child
                        + " attends every other session until then")
                .orElse("");
    }
}
