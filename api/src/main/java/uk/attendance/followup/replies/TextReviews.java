package uk.attendance.followup.replies;

import uk.attendance.followup.records.FollowUpStore;
import uk.attendance.followup.records.TextReplyRecord;
import uk.attendance.followup.records.TextReplyRepository;
import uk.attendance.followup.records.TextReviewRecord;
import uk.attendance.followup.records.TextReviewRepository;
import uk.attendance.followup.tasks.FollowUpNotices;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.notify.text.InboundText;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.UkMobile;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Texts to review: a text that answered no morning text, from the mobile of a parent/carer with children on roll, is
 * put before the staff of each school of those children (one item per school and contact) and pushed to the school's
 * attendance officers, until someone marks it done. Nothing is made of it automatically: a text at 08:00 may say a
 * child is ill, or anything else, and staff decide. The text's row, its items and their pushes are written in one
 * transaction: Twilio delivering the message again finds the row (unique by SID) and adds nothing.
 */
@Singleton
public class TextReviews {
    private static final Logger LOG = LoggerFactory.getLogger(TextReviews.class);

    private final FollowUpStore store;
    private final TextReviewRepository items;
    private final TextReplyRepository replies;
    private final PupilService pupils;
    private final SchoolService schools;
    private final StaffService staff;
    private final FollowUpNotices notices;
    private final Clock clock;

    TextReviews(FollowUpStore store, TextReviewRepository items, TextReplyRepository replies, PupilService pupils,
                SchoolService schools, StaffService staff, FollowUpNotices notices, Clock clock) {
        this.store = store;
        this.items = items;
        this.replies = replies;
        this.pupils = pupils;
        this.schools = schools;
        this.staff = staff;
        this.notices = notices;
        this.clock = clock;
    }

    /** An item with what staff read: the text, the contact and their children on this school's roll that day. */
    public record View(TextReviewRecord item, TextReplyRecord text, Optional<ContactRecord> contact, List<PupilRecord> children,
                Optional<String> handledBy) {
    }

    /**
     * Keeps a text that answered no morning text ({@code row}, outcome UNMATCHED) and, the first time this message
     * comes, puts it before the schools of the sender's children.
     *
     * @return how many items it made (0 for a message delivered again, an unknown number, no child on roll)
     */
    @Transactional
    public int unmatched(InboundText text, TextReplyRecord row) {
        Optional<Long> replyId = store.insertReply(row);
        if (replyId.isEmpty()) {
            LOG.info("Text {} delivered again: already handled", text.messageSid());
            return 0;
        }
        Optional<String> mobile = UkMobile.parse(text.fromE164()).map(UkMobile::e164);
        if (mobile.isEmpty()) {
            return 0;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        int made = 0;
        for (PupilService.ContactChildren family : pupils.contactsWithChildrenOnRoll(mobile.get(), text.receivedAt())) {
            for (long schoolId : family.children().stream().map(PupilRecord::schoolId).distinct().sorted().toList()) {
                TextReviewRecord item = items.save(new TextReviewRecord(null, replyId.get(), schoolId,
                        family.contact().id(), TextReviewRecord.Status.OPEN, null, null, null, now));
                notices.textToReview(item, staff.atSchoolWithRole(schoolId, Roles.ATTENDANCE_OFFICER).stream()
                        .map(StaffRecord::id).toList());
                LOG.info("Text {} from contact {}: to review at school {} (item {})", text.messageSid(),
                        family.contact().id(), schoolId, item.id());
                made++;
            }
        }
        return made;
    }

    public List<View> list(Caller caller, long schoolId, TextReviewRecord.Status status, Optional<Long> before, int limit) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        return views(school, items.ofSchool(school.id(), status.name(), before.orElse(null), limit));
    }

    /** Marks the item done in the caller's name; one already done comes back as it is. */
    @Transactional
    public View done(Caller caller, long schoolId, long itemId, Optional<String> note) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        TextReviewRecord item = items.findByIdAndSchoolId(itemId, school.id())
                .orElseThrow(() -> ApiProblem.notFound("No text to review " + itemId));
        if (item.status() == TextReviewRecord.Status.OPEN) {
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            if (items.markDone(item.id(), caller.id(), now, note.map(String::strip).filter(n -> !n.isEmpty()).orElse(null)) == 1) {
                LOG.info("Text to review {} at school {} marked done by staff {}", item.id(), school.id(), caller.id());
            }
            item = items.findById(item.id()).orElseThrow();
        }
        return views(school, List.of(item)).get(0);
    }

    private List<View> views(SchoolRecord school, List<TextReviewRecord> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, TextReplyRecord> texts = replies.findByIdIn(list.stream().map(TextReviewRecord::textReplyId).toList())
                .stream().collect(Collectors.toMap(TextReplyRecord::id, Function.identity()));
        Map<Long, Optional<ContactRecord>> contacts = new HashMap<>();
        Map<Long, List<PupilRecord>> childrenOf = new HashMap<>();
        Map<Long, Optional<String>> names = new HashMap<>();
        Map<Long, View> views = new LinkedHashMap<>();
        for (TextReviewRecord item : list) {
            TextReplyRecord text = texts.get(item.textReplyId());
            LocalDate day = text.receivedAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(school.zone()).toLocalDate();
            List<PupilRecord> children = childrenOf.computeIfAbsent(item.contactId(), pupils::linkedChildrenOf).stream()
                    .filter(p -> p.schoolId() == school.id() && p.onRollOn(day))
                    .sorted(Comparator.comparing(PupilRecord::dateOfBirth).thenComparing(PupilRecord::id))
                    .toList();
            Optional<String> handledBy = Optional.ofNullable(item.handledByStaffId())
                    .flatMap(id -> names.computeIfAbsent(id, s -> staff.find(s).map(StaffRecord::name)));
            views.put(item.id(), new View(item, text, contacts.computeIfAbsent(item.contactId(), pupils::contact),
                    children, handledBy));
        }
        return List.copyOf(views.values());
    }
}
