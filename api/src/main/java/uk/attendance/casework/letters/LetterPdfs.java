package uk.attendance.casework.letters;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.casework.documents.DocumentDownloads;
import uk.attendance.casework.documents.DocumentFigures;
import uk.attendance.casework.documents.DocumentFiguresSource;
import uk.attendance.casework.documents.DocumentKind;
import uk.attendance.casework.documents.DocumentRenderer;
import uk.attendance.casework.documents.DocumentWords;
import uk.attendance.casework.documents.FamilyLanguage;
import uk.attendance.casework.documents.GraduatedLetter;
import uk.attendance.casework.documents.LetterDocument;
import uk.attendance.casework.documents.LetterText;
import uk.attendance.casework.documents.LetterTexts;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A letter printed for the family: its words in the printed frame of casework/documents, with the pupil's figures for
 * the academic year up to the day it was proposed. An unedited letter 1, 2 or 3 is printed in the family's language
 * where there is a translation; anything staff wrote or edited is printed as kept, in English. Every download is logged.
 */
@Singleton
class LetterPdfs {
    private final LetterService letters;
    private final PupilService pupils;
    private final SchoolService schools;
    private final DocumentFiguresSource figures;
    private final FamilyLanguage languages;
    private final DocumentRenderer renderer;
    private final DocumentDownloads downloads;
    private final Clock clock;

    LetterPdfs(LetterService letters, PupilService pupils, SchoolService schools, DocumentFiguresSource figures,
               FamilyLanguage languages, DocumentRenderer renderer, DocumentDownloads downloads, Clock clock) {
        this.letters = letters;
        this.pupils = pupils;
        this.schools = schools;
        this.figures = figures;
        this.languages = languages;
        this.renderer = renderer;
        this.downloads = downloads;
        this.clock = clock;
    }

    record Printed(byte[] pdf, String fileName, String language) {
    }

    /** The letter as a PDF, for whoever may read it (else 404), logged as downloaded. */
    Printed print(Caller caller, long letterId) {
        LetterRecord letter = letters.read(caller, letterId);
        PupilRecord pupil = pupils.visibleTo(caller, letter.pupilId());
        SchoolRecord school = schools.find(letter.schoolId()).orElseThrow();
        LocalDate yearStart = SchoolYear.containing(letter.figuresAsOf()).firstDay();
        LocalDate from = yearStart.isBefore(pupil.admissionDate()) ? pupil.admissionDate() : yearStart;
        DocumentFigures asProposed = figures.ofPupil(pupil.id(), from, letter.figuresAsOf());

        String family = languages.of(caller, pupil);
        LetterText text = translated(letter, family, pupil, asProposed)
                .orElseGet(() -> new LetterText(DocumentWords.ENGLISH, letter.subject(), letter.body()));
        LocalDate dated = Optional.ofNullable(letter.sentAt())
                .map(sent -> sent.atOffset(ZoneOffset.UTC).atZoneSameInstant(school.zone()).toLocalDate())
                .orElseGet(() -> LocalDate.now(clock.withZone(school.zone())));
        byte[] pdf = renderer.render(new LetterDocument(text.language(), school.name(), dated, null, pupil.displayName(),
                pupil.registrationGroup(), text.subject(), text.body(), asProposed, null));
        downloads.log(caller, pupil, DocumentKind.LETTER, Optional.of(letter.id()), from, letter.figuresAsOf(),
                text.subject(), text.language());
        return new Printed(pdf, "letter-" + letter.id() + ".pdf", text.language());
    }

    private static Optional<LetterText> translated(LetterRecord letter, String language, PupilRecord pupil,
                                                   DocumentFigures asProposed) {
        if (!letter.stage().byAttendance() || letter.editedAt() != null || language.equals(DocumentWords.ENGLISH)) {
            return Optional.empty();
        }
        return Optional.of(LetterTexts.draft(GraduatedLetter.valueOf(letter.stage().name()), language, pupil.firstName(),
                asProposed, Optional.empty()));
    }
}
