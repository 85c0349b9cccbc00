package uk.attendance.casework.documents;

/** A letter's words as staff review and edit them before it is sent: paragraphs of {@code body} are separated by a blank line. */
public record LetterText(String language, String subject, String body) {
}
