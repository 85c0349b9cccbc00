package uk.attendance.casework.documents;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The draft words of policy 002's letters 1-3 (annexes 5, 6a, 7a) in the family's language where a translation exists
 * ({@link DocumentWords}), English otherwise, filled in with the child's preferred first name and figures. Staff may
 * edit them before sending; {@link DocumentRenderer#render(LetterDocument)} prints whatever was kept.
 */
public final class LetterTexts {
    private LetterTexts() {
    }

    /**
     * @param figures this academic year to date, from {@link DocumentFiguresSource}
     * @param meeting the appointment made for the family (letters 2 and 3), if one was
     */
    public static LetterText draft(GraduatedLetter letter, String preferredLanguage, String childFirstName,
                                   DocumentFigures figures, Optional<LocalDateTime> meeting) {
        DocumentWords words = DocumentWords.forPreferred(preferredLanguage);
        String meetingWords = meeting
                .map(m -> words.get("letter.meeting", "date", words.date(m.toLocalDate()),
                        "time", m.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"))))
                .orElseGet(() -> words.get("letter.meetingToArrange"));
        String percent = figures.attendancePercent() == null ? words.get("figures.none") : words.decimal(figures.attendancePercent());
        String body = words.get("letter." + letter.name() + ".body", "child", childFirstName, "percent", percent,
                "missed", figures.missedSessions(), "meeting", meetingWords);
        return new LetterText(words.language(), words.get("letter." + letter.name() + ".subject"), body);
    }
}
