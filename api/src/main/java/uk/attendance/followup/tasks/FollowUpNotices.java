package uk.attendance.followup.tasks;

import uk.attendance.followup.records.FollowUpTaskRecord;
import uk.attendance.followup.records.TextReviewRecord;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.notify.push.PushMessage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every push and text of the follow-up, written to the outbox in the transaction that decides it (each method joins
 * the caller's transaction and refuses to run without one): roll the decision back and the message is gone too; make
 * it twice and the dedupe key stores it once. {@link uk.attendance.notify.outbox.OutboxWorker} sends them, asking
 * {@link FollowUpMessages} first whether each is still wanted.
 * Pushes show no names or reasons (a lock screen shows them); a social worker's text names the child by initials.
 */
@Singleton
public class FollowUpNotices {
    public static final String MORNING_TEXT = "morning-text";
    public static final String SOCIAL_WORKER = "social-worker";
    public static final String CALL_TASK = "call-task";
    public static final String HOME_VISIT = "home-visit";
    static final String CALL_CONCERN = "call-concern";
    static final String TASK_CLOSED = "task-closed";
    public static final String TEXT_REVIEW = "text-review";
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpNotices.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    private final Outbox outbox;

    FollowUpNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A new call task, to the school's attendance officers. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void callTaskRaised(FollowUpTaskRecord task, Collection<Long> staffIds) {
        PushMessage message = new PushMessage("New call task", "A pupil's absence is still unexplained: a call is needed",
                data("CALL_TASK", task));
        staffIds.forEach(staff -> push("push:call-task:" + task.id() + ":staff:" + staff, CALL_TASK, staff, task, message));
    }

    /** A new home-visit task, to the DSL and the attendance officers. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void homeVisitRaised(FollowUpTaskRecord task, Collection<Long> staffIds) {
        PushMessage message = new PushMessage("Home visit needed",
                "A pupil has been absent 3 school days with no word from the family", data("HOME_VISIT_TASK", task));
        new LinkedHashSet<>(staffIds).forEach(staff ->
                push("push:home-visit:" + task.id() + ":staff:" + staff, HOME_VISIT, staff, task, message));
    }

    /** A concern logged on a task, to the school's designated safeguarding leads. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void concernRaised(FollowUpTaskRecord task, long outcomeId, Collection<Long> dslIds) {
        PushMessage message = new PushMessage("Safeguarding concern",
                "A concern was logged while following up an absence: please look now", data("CALL_TASK_CONCERN", task));
        dslIds.forEach(staff ->
                push("push:call-concern:" + outcomeId + ":staff:" + staff, CALL_CONCERN, staff, task, message));
    }

    /** A task closed because the family got in touch, to whoever held it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void taskClosed(FollowUpTaskRecord task, long staffId) {
        PushMessage message = new PushMessage("Call no longer needed",
                "The family has been in touch about a task you hold", data("CALL_TASK_CLOSED", task));
        push("push:task-closed:" + task.id() + ":staff:" + staffId, TASK_CLOSED, staffId, task, message);
    }

    /** A family's text that answered no morning text, to the school's attendance officers: no name, no words of it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void textToReview(TextReviewRecord item, Collection<Long> staffIds) {
        PushMessage message = new PushMessage("A text from a family needs reading",
                "A parent or carer has texted the school: open the app to read it",
                Map.of("kind", "TEXT_REVIEW", "textReviewId", String.valueOf(item.id()),
                        "schoolId", String.valueOf(item.schoolId())));
        new LinkedHashSet<>(staffIds).forEach(staff -> {
            String key = "push:text-review:" + item.id() + ":staff:" + staff;
            Outbox.Enqueued e = outbox.enqueue(OutboxMessage.push(key, TEXT_REVIEW, Caller.Kind.STAFF, staff, message,
                    About.school(item.schoolId())));
            LOG.debug("Follow-up push {} ({}) queued as outbox message {}", key, TEXT_REVIEW, e.id());
        });
    }

    /** The social worker told of an unexplained absence, by initials and school only. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void socialWorkerTold(long actionId, long schoolId, long pupilId, String mobileE164, String initials,
                                 String schoolName, LocalDate day) {
        String body = schoolName + ": the child with initials " + initials + " on your caseload is absent today ("
                + DAY.format(day) + ") and the school has not been told why. Please contact the school.";
        Outbox.Enqueued e = outbox.enqueue(OutboxMessage.text("text:social-worker:" + actionId, SOCIAL_WORKER, mobileE164,
                body, About.pupil(schoolId, pupilId)));
        LOG.info("Social worker text about pupil {} queued as outbox message {}", pupilId, e.id());
    }

    /** The morning text to one of the pupil's contacts, in their language, inviting a reply. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void morningText(long schoolId, long pupilId, LocalDate day, long contactId, String mobileE164, String body) {
        Outbox.Enqueued e = outbox.enqueue(OutboxMessage.text(
                "text:pupil:" + pupilId + ":" + day + ":" + MORNING_TEXT + ":contact:" + contactId, MORNING_TEXT, mobileE164,
                Caller.Kind.PARENT, contactId, body, About.pupil(schoolId, pupilId)));
        LOG.info("Morning text about pupil {} to contact {} queued as outbox message {}", pupilId, contactId, e.id());
    }

    private void push(String dedupeKey, String purpose, long staffId, FollowUpTaskRecord task, PushMessage message) {
        Outbox.Enqueued e = outbox.enqueue(OutboxMessage.push(dedupeKey, purpose, Caller.Kind.STAFF, staffId, message,
                About.pupil(task.schoolId(), task.pupilId())));
        LOG.debug("Follow-up push {} ({}) queued as outbox message {}", dedupeKey, purpose, e.id());
    }

    private static Map<String, String> data(String kind, FollowUpTaskRecord task) {
        return Map.of("kind", kind, "callTaskId", String.valueOf(task.id()), "schoolId", String.valueOf(task.schoolId()),
                "date", task.schoolDay().toString());
    }

    public static Set<Long> union(Collection<Long> a, Collection<Long> b) {
        Set<Long> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
