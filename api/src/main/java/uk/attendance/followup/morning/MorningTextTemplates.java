package uk.attendance.followup.morning;

import java.util.Locale;
import java.util.Map;

/**
 * The 09:30 text, in the languages families of the trust ask for (the contact's {@code preferredLanguage}, e.g.
 * {@code pl} or {@code ur-PK}); English when there is no template for theirs. Each names the school and the child by
 * first name only, says the school has not been told why the child is absent, and asks for a reply with the reason.
 * Worded so that no language needs the child's gender or a declined form of the name.
 */
public final class MorningTextTemplates {
    static final String ENGLISH = "en";
    private static final String SCHOOL = "{school}";
    private static final String CHILD = "{child}";

    private static final Map<String, String> BY_LANGUAGE = Map.of(
            ENGLISH, "{school}: {child} is not in school today and we have not been told why. "
                    + "Please reply to this text with the reason for the absence.",
            "pl", "{school}: Państwa dziecko {child} jest dziś nieobecne w szkole i nie znamy powodu. "
                    + "Prosimy odpowiedzieć na tę wiadomość, podając powód nieobecności.",
            "ur", "{school}: آپ کا بچہ {child} آج اسکول میں موجود نہیں ہے اور ہمیں وجہ نہیں بتائی گئی۔ "
                    + "براہ کرم اس پیغام کا جواب دے کر غیر حاضری کی وجہ بتائیں۔",
            "ro", "{school}: copilul dumneavoastră, {child}, nu este astăzi la școală și nu cunoaștem motivul. "
                    + "Vă rugăm să răspundeți la acest mesaj cu motivul absenței.",
            "ar", "{school}: طفلكم {child} غائب عن المدرسة اليوم ولم يتم إبلاغنا بالسبب. "
                    + "يرجى الرد على هذه الرسالة مع ذكر سبب الغياب.",
            "pt", "{school}: {child} não está hoje na escola e não sabemos porquê. "
                    + "Por favor, responda a esta mensagem com o motivo da falta.",
            "es", "{school}: {child} no ha venido hoy al colegio y no sabemos el motivo. "
                    + "Por favor, responda a este mensaje indicando el motivo de la ausencia.",
            "fr", "{school} : {child} n'est pas à l'école aujourd'hui et nous ne savons pas pourquoi. "
                    + "Merci de répondre à ce message en indiquant le motif de l'absence.");

    private MorningTextTemplates() {
    }

    /** The language a template exists for: the contact's, by its primary subtag, or English. */
    static String languageFor(String preferred) {
        if (preferred == null || preferred.isBlank()) {
            return ENGLISH;
        }
        String primary = preferred.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return BY_LANGUAGE.containsKey(primary) ? primary : ENGLISH;
    }

    public static String text(String preferredLanguage, String schoolName, String childFirstName) {
        return BY_LANGUAGE.get(languageFor(preferredLanguage)).replace(SCHOOL, schoolName).replace(CHILD, childFirstName);
    }
}
