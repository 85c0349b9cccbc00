package uk.attendance.casework.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A letter's subject or body with {@code {{placeholders}}}, filled in with the pupil's details when it is proposed. */
final class LetterTemplate {
    static final Set<String> PLACEHOLDERS = Set.of("firstName", "fullName", "registrationGroup", "schoolName", "date",
            "attendancePercent", "sessionsPossible", "sessionsMissed", "learningHoursLost", "band", "penaltyStatus",
            "uLateSessions");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private LetterTemplate() {
    }

    /** The placeholders used in the text that are not in {@link #PLACEHOLDERS}. */
    static List<String> unknownPlaceholders(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
