package uk.attendance.followup.replies;

import uk.attendance.contract.model.AbsenceReportReason;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a family's reply to the morning text says, read only as far as it clearly goes: an illness ({@code I}) when it
 * says the child is ill, sick, poorly, unwell, has a temperature, is vomiting… (in English or the languages of the
 * morning text); a medical or dental appointment ({@code M}) when it names a doctor, dentist, hospital or appointment
 * and no illness, with the time when it gives one; anything else is {@code OTHER}, for staff to decide. Illness wins
 * over an appointment ("sick, seeing the GP" is an illness). A word just after a negation ("not ill") does not count.
 * Pure.
 */
final class ReplyReading {
    /** Twilio's own keywords: it answers STOP, HELP… itself, and they are no reason for an absence. */
    static final Set<String> KEYWORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "START", "YES",
            "UNSTOP", "HELP", "INFO");

    /** Stems matched at the start of a word (so "ill" is not found in "will", but "vomit" is in "vomiting"). */
    private static final List<String> ILLNESS_STEMS = List.of(
            "ill", "illness", "sick", "poorly", "unwell", "not well", "not feeling well", "feeling rough", "temperature",
            "high temp", "fever", "feverish", "vomit", "throwing up", "threw up", "diarrh", "d&v", "d and v", "flu",
            "a cold", "cough", "tummy", "stomach", "headache", "migraine", "chickenpox", "chicken pox", "covid",
            "a bug", "sickness bug", "virus", "tonsillitis", "infection", "sore throat", "rash", "conjunctivitis",
            "asthma", "hay fever",
            // Polish, Romanian, Portuguese, Spanish, French
            "chory", "chora", "choroba", "gorączk", "goraczk", "wymiot", "przeziębi", "grypa",
            "bolnav", "febr", "vărs", "vars", "răcit", "racit", "răceal", "gripă", "gripa",
            "doente", "febre", "enfermo", "enferma", "fiebre", "vómit", "malade", "fièvre", "fievre");
    /** Arabic and Urdu: matched anywhere (their words take attached prefixes). */
    private static final List<String> ILLNESS_ANYWHERE = List.of("مريض", "مرض", "حرارة", "حمى", "زكام", "بیمار",
            "بخار", "طبیعت خراب", "الٹی");
    private static final List<String> MEDICAL_STEMS = List.of(
            "doctor", "dr ", "gp", "dentist", "dental", "hospital", "appointment", "appt", "clinic", "optician",
            "orthodontist", "orthodontic", "physio", "nurse", "consultant", "a&e", "surgery",
            "lekarz", "dentyst", "szpital", "wizyt", "medicul", "la medic", "spital", "programare", "médico", "medico", "consulta",
            "dentista", "cita", "médecin", "medecin", "rendez-vous", "hôpital", "dentiste");
    private static final List<String> MEDICAL_ANYWHERE = List.of("طبيب", "مستشفى", "موعد", "أسنان", "عيادة",
            "ڈاکٹر", "ہسپتال", "اسپتال", "اپائنٹمنٹ");
    private static final Set<String> NEGATIONS = Set.of("not", "isn't", "isnt", "no", "nie", "nu", "não", "nao", "pas");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:.])(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d])", Pattern.CASE_INSENSITIVE);

    private ReplyReading() {
    }

    /** @param appointment for a medical appointment, its time when the reply gives one */
    record Reading(AbsenceReportReason reason, Optional<LocalTime> appointment) {
    }

    static boolean isKeyword(String reply) {
        return KEYWORDS.contains(reply.strip().toUpperCase(Locale.ROOT));
    }

    static Reading read(String reply) {
        String text = " " + reply.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
        if (says(text, ILLNESS_STEMS, ILLNESS_ANYWHERE)) {
            return new Reading(AbsenceReportReason.ILLNESS, Optional.empty());
        }
        if (says(text, MEDICAL_STEMS, MEDICAL_ANYWHERE)) {
            return new Reading(AbsenceReportReason.MEDICAL_APPOINTMENT, time(text));
        }
        return new Reading(AbsenceReportReason.OTHER, Optional.empty());
    }

    private static boolean says(String text, List<String> stems, List<String> anywhere) {
        for (String word : anywhere) {
            if (text.contains(word)) {
                return true;
            }
        }
        for (String stem : stems) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(stem)).matcher(text);
            while (m.find()) {
                if (!negated(text, m.start())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The word before {@code at} is a negation ("not ill", "isn't sick"). */
    private static boolean negated(String text, int at) {
        String before = text.substring(0, at).strip();
        int space = before.lastIndexOf(' ');
        String previous = before.substring(space + 1).replaceAll("[^\\p{L}']", "");
        return NEGATIONS.contains(previous);
    }

    /** The first time of day the reply gives ("10:30", "2.15pm", "9am"); a bare hour needs am or pm. */
    static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text);
        while (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            String minutes = m.group(2);
            String half = m.group(3) == null ? null : m.group(3).replace(".", "").toLowerCase(Locale.ROOT);
            if (minutes == null && half == null) {
                continue;
            }
            int minute = minutes == null ? 0 : Integer.parseInt(minutes);
            if (half != null) {
                if (hour < 1 || hour > 12) {
                    continue;
                }
                hour = hour % 12 + ("pm".equals(half) ? 12 : 0);
            } else if (hour >= 1 && hour <= 6) {
                // "at 2:30" during a school day is the afternoon
                hour += 12;
            }
            if (hour <= 23 && minute <= 59) {
                return Optional.of(LocalTime.of(hour, minute));
            }
        }
        return Optional.empty();
    }
}
