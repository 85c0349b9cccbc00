package uk.attendance.followup.morning;

import uk.attendance.followup.records.FollowUpActionRecord;
import uk.attendance.followup.records.FollowUpActionRepository;
import uk.attendance.followup.records.FollowUpStep;
import uk.attendance.followup.records.FollowUpStore;
import uk.attendance.followup.tasks.FollowUpNotices;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.platform.UkMobile;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.pupil.PupilService.ContactLink;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.SchoolRecord;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text-time decision for one pupil, in one transaction with the texts it sends (through the outbox): the pupil's
 * morning mark is locked and read again, so a pupil re-coded or reported meanwhile gets no text; the step is recorded
 * on the pupil's follow-up (once per day, by its unique key); one text goes to each of the first
 * {@code attendance.followup.text.contacts} contacts (default 1) in priority order who have a mobile number, so
 * priority 2 is texted when priority 1 has no mobile.
 */
@Singleton
class MorningText {
    private final RegisterService register;
    private final PupilService pupils;
    private final FollowUpStore store;
    private final FollowUpActionRepository actions;
    private final FollowUpNotices notices;
    private final int contactsToText;

    MorningText(RegisterService register, PupilService pupils, FollowUpStore store, FollowUpActionRepository actions,
                FollowUpNotices notices, @Value("${attendance.followup.text.contacts:1}") int contactsToText) {
        if (contactsToText < 1) {
            throw new IllegalArgumentException("attendance.followup.text.contacts must be at least 1");
        }
        this.register = register;
        this.pupils = pupils;
        this.store = store;
        this.actions = actions;
        this.notices = notices;
        this.contactsToText = contactsToText;
    }

    /**
     * Several pupils of a school in one transaction (one commit, one flush of the database's log, for them all). What
     * every pupil's decision reads (the step done before, the morning mark locked, the contacts) is read for the whole
     * chunk in one query each.
     *
     * @return how many of them had the step recorded now
     */
    @Transactional
    public int decideAll(SchoolRecord school, LocalDate day, List<Long> pupilIds, LocalDateTime now) {
        Set<Long> doneBefore = new HashSet<>(actions.pupilsWithStep(pupilIds, day, FollowUpStep.TEXT.name()));
        List<Long> open = pupilIds.stream().filter(id -> !doneBefore.contains(id)).toList();
        Set<Long> unexplained = register.lockIfUnexplained(open, day, Session.AM);
        List<Long> toDecide = open.stream().filter(unexplained::contains).toList();
        Map<Long, List<ContactLink>> contacts = pupils.contactsOf(toDecide);
        int decided = 0;
        for (long pupilId : toDecide) {
            if (record(school, day, pupilId, contacts.getOrDefault(pupilId, List.of()), now).isPresent()) {
                decided++;
            }
        }
        return decided;
    }

    /** The pupil is unexplained, its mark locked: record the step and enqueue the texts. */
    private Optional<FollowUpActionRecord> record(SchoolRecord school, LocalDate day, long pupilId,
                                                  List<ContactLink> contacts, LocalDateTime now) {
        PupilRecord pupil = pupils.find(pupilId).orElseThrow();
        List<Textable> to = contacts.stream()
                .map(c -> UkMobile.parse(c.contact().mobile()).map(m -> new Textable(c, m.e164())))
                .flatMap(Optional::stream)
                .limit(contactsToText)
                .toList();
        FollowUpActionRecord action = to.isEmpty()
                ? new FollowUpActionRecord(null, school.id(), pupilId, day, FollowUpStep.TEXT, null,
                FollowUpActionRecord.Outcome.NO_MOBILE, "no contact with a mobile number to text: phone the family", now)
                : new FollowUpActionRecord(null, school.id(), pupilId, day, FollowUpStep.TEXT, null,
                FollowUpActionRecord.Outcome.PENDING, "to " + to.stream().map(Textable::describe)
                .collect(Collectors.joining(", ")), now);
        Optional<Long> id = store.insertAction(action);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        for (Textable t : to) {
            notices.morningText(school.id(), pupilId, day, t.link().contact().id(), t.mobile(),
                    MorningTextTemplates.text(t.link().contact().preferredLanguage(), school.name(), pupil.firstName()));
        }
        return Optional.of(action);
    }

    private record Textable(ContactLink link, String mobile) {
        /** Ids and language only: the detail is shown to staff, and logged nowhere. */
        String describe() {
            return "contact " + link.contact().id() + " (priority " + link.link().priority() + ", "
                    + MorningTextTemplates.languageFor(link.contact().preferredLanguage()) + ")";
        }
    }
}
