package uk.attendance.casework.documents;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;

import java.util.Optional;

/**
 * The language a family's documents are written in: the parent/carer's own when they ask; for staff, that of the first
 * contact (in priority order) who acts for the child; English without one. {@link DocumentWords} falls back to English
 * where there is no translation.
 */
@Singleton
public class FamilyLanguage {
    private final PupilService pupils;

    FamilyLanguage(PupilService pupils) {
        this.pupils = pupils;
    }

    public String of(Caller caller, PupilRecord pupil) {
        Optional<String> preferred = caller.isParent()
                ? pupils.contact(caller.id()).map(ContactRecord::preferredLanguage)
                : pupils.contactsOf(pupil.id()).stream()
                .filter(l -> l.link().parentalResponsibility() || l.link().livesWith())
                .findFirst().map(l -> l.contact().preferredLanguage());
        return DocumentWords.languageFor(preferred.orElse(DocumentWords.ENGLISH));
    }
}
