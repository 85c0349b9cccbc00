package uk.attendance.casework.documents;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * A letter to print: the words staff kept (subject, body with paragraphs separated by blank lines) and the figures
 * snapshot it was written with. The fixed parts (greeting, sign-off, the figures table) are in {@code language}.
 *
 * @param recipientName "Ms Kowalska" for "Dear Ms Kowalska,"; null for "Dear Parent/Carer,"
 * @param signedBy      the headteacher's name, or null for "Headteacher"
 */
public record LetterDocument(String language, String schoolName, LocalDate date, @Nullable String recipientName,
                             String pupilName, String registrationGroup, String subject, String body,
                             DocumentFigures figures, @Nullable String signedBy) {
}
