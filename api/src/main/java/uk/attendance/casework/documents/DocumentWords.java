package uk.attendance.casework.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of documents to families in one language ({@code casework/documents/words_xx.properties}, UTF-8), with
 * English for any key a translation leaves out, and the language's way of writing dates and decimals.
 */
public final class DocumentWords {
    public static final String ENGLISH = "en";
    /** Languages with a translation of the documents; others get English. */
    static final java.util.List<String> LANGUAGES = java.util.List.of(ENGLISH, "pl");
    private static final Map<String, Properties> BY_LANGUAGE = load();

    private final String language;
    private final Locale locale;

    private DocumentWords(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
    }

    /** The words of the contact's preferred language (by its primary subtag, {@code pl-PL} → {@code pl}), or English. */
    public static DocumentWords forPreferred(String preferredLanguage) {
        return new DocumentWords(languageFor(preferredLanguage));
    }

    public static String languageFor(String preferred) {
        if (preferred == null || preferred.isBlank()) {
            return ENGLISH;
        }
        String primary = preferred.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGES.contains(primary) ? primary : ENGLISH;
    }

    public String language() {
        return language;
    }

    public boolean english() {
        return ENGLISH.equals(language);
    }

    /** The text of the key with each {name} replaced by the value after it: {@code get("x", "child", "Amy")}. */
    public String get(String key, Object... namesAndValues) {
        String text = BY_LANGUAGE.get(language).getProperty(key, BY_LANGUAGE.get(ENGLISH).getProperty(key));
        if (text == null) {
            throw new IllegalArgumentException("No words for " + key);
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return text;
    }

    /** "24 October 2025", "24 października 2025". */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    /** One decimal place in the language's notation: "90.0", "90,0". */
    public String decimal(BigDecimal value) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale)).format(value);
    }

    private static Map<String, Properties> load() {
        Map<String, Properties> all = new java.util.HashMap<>();
        for (String language : LANGUAGES) {
            String resource = "/casework/documents/words_" + language + ".properties";
            try (InputStream in = DocumentWords.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + resource);
                }
                Properties words = new Properties();
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                all.put(language, words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(all);
    }
}
