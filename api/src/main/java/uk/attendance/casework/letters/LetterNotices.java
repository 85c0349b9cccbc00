package uk.attendance.casework.letters;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.notify.outbox.ParentNotifier;
import uk.attendance.notify.push.PushMessage;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;

import java.util.Map;
import java.util.Optional;

/**
 * Tells each contact with parental responsibility that a letter is waiting in the app: a push, else a text, with a
 * link. The message names neither the child nor any figure (a text may be read by anyone holding the phone).
 */
@Singleton
class LetterNotices {
    static final String PURPOSE = "letter";
    private final ParentNotifier parents;
    private final PupilService pupils;
    private final String base;

    LetterNotices(ParentNotifier parents, PupilService pupils, @Value("${attendance.public-url:}") @Nullable String publicUrl) {
        this.parents = parents;
        this.pupils = pupils;
        this.base = Optional.ofNullable(publicUrl).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).orElse("");
    }

    /** Joins the caller's transaction. @return how many contacts will be told */
    int letterSent(LetterRecord letter, SchoolRecord school) {
        String link = base + "/letters/" + letter.id();
        int told = 0;
        for (PupilService.ContactLink contact : pupils.contactsOf(letter.pupilId())) {
            if (!contact.link().parentalResponsibility()) {
                continue;
            }
            long contactId = contact.contact().id();
            parents.notify(contactId, new ParentNotifier.Notice("push:letter:" + letter.id() + ":contact:" + contactId,
                    PURPOSE, About.pupil(letter.schoolId(), letter.pupilId()),
                    new PushMessage("A letter from school", school.name() + " has sent you a letter. Open the app to read it.",
                            Map.of("letterId", String.valueOf(letter.id()), "link", link)),
                    school.name() + " has sent you a letter about your child's attendance. Read it in the app: " + link));
            told++;
        }
        return told;
    }
}
