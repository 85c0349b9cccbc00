package uk.attendance.followup;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.auth.Caller;
import uk.attendance.notify.PushMessage;
import uk.attendance.notify.PushService;
import uk.attendance.notify.SentText;
import uk.attendance.notify.SmsSender;
import uk.attendance.notify.TextNotSent;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every push and text of the follow-up, sent once its decision has committed (only the run that created a task
 * notifies). Each carries the key that names its decision ({@code dedupeKey}) and its purpose, ready for the
 * transactional outbox: sending through the outbox is a change to {@link #push} and {@link #text} only.
 * Pushes show no names or reasons (a lock screen shows them); a social worker's text names the child by initials.
 */
@Singleton
class FollowUpNotices {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpNotices.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    private final PushService pushes;
    private final SmsSender sms;

    FollowUpNotices(PushService pushes, SmsSender sms) {
        this.pushes = pushes;
        this.sms = sms;
    }

    /** A new call task, to the school's attendance officers. */
    void callTaskRaised(FollowUpTaskRecord task, Collection<Long> staffIds) {
        PushMessage message = new PushMessage("New call task", "A pupil's absence is still unexplained: a call is needed",
                data("CALL_TASK", task));
        staffIds.forEach(staff -> push("push:call-task:" + task.id() + ":staff:" + staff, "call-task", staff, message));
    }

    /** A new home-visit task, to the DSL and the attendance officers. */
    void homeVisitRaised(FollowUpTaskRecord task, Collection<Long> staffIds) {
        PushMessage message = new PushMessage("Home visit needed",
                "A pupil has been absent 3 school days with no word from the family", data("HOME_VISIT_TASK", task));
        new LinkedHashSet<>(staffIds).forEach(staff ->
                push("push:home-visit:" + task.id() + ":staff:" + staff, "home-visit", staff, message));
    }

    /** A concern logged on a task, to the school's designated safeguarding leads. */
    void concernRaised(FollowUpTaskRecord task, long outcomeId, Collection<Long> dslIds) {
        PushMessage message = new PushMessage("Safeguarding concern",
                "A concern was logged while following up an absence: please look now", data("CALL_TASK_CONCERN", task));
        dslIds.forEach(staff ->
                push("push:call-concern:" + outcomeId + ":staff:" + staff, "call-concern", staff, message));
    }

    /** A task closed because the family got in touch, to whoever held it. */
    void taskClosed(FollowUpTaskRecord task, long staffId) {
        PushMessage message = new PushMessage("Call no longer needed",
                "The family has been in touch about a task you hold", data("CALL_TASK_CLOSED", task));
        push("push:task-closed:" + task.id() + ":staff:" + staffId, "task-closed", staffId, message);
    }

    /**
     * The social worker told of an unexplained absence, by initials and school only.
     *
     * @return whether the provider accepted the text
     */
    boolean socialWorkerTold(long actionId, long pupilId, String mobileE164, String initials, String schoolName,
                             LocalDate day) {
        String body = schoolName + ": the child with initials " + initials + " on your caseload is absent today ("
                + DAY.format(day) + ") and the school has not been told why. Please contact the school.";
        return text("text:social-worker:" + actionId, "social-worker", pupilId, mobileE164, body);
    }

    private void push(String dedupeKey, String purpose, long staffId, PushMessage message) {
        PushService.Delivery delivery = pushes.pushTo(Caller.Kind.STAFF, staffId, message);
        LOG.info("Follow-up push {} ({}): {} of {} devices", dedupeKey, purpose, delivery.sent(), delivery.devices());
    }

    private boolean text(String dedupeKey, String purpose, long pupilId, String toE164, String body) {
        try {
            SentText sent = sms.send(toE164, body);
            LOG.info("Follow-up text {} ({}) about pupil {} handed over as {}", dedupeKey, purpose, pupilId, sent.reference());
            return true;
        } catch (TextNotSent e) {
            LOG.warn("Follow-up text {} ({}) about pupil {} not sent: {}", dedupeKey, purpose, pupilId, e.getMessage());
            return false;
        }
    }

    private static Map<String, String> data(String kind, FollowUpTaskRecord task) {
        return Map.of("kind", kind, "callTaskId", String.valueOf(task.id()), "schoolId", String.valueOf(task.schoolId()),
                "date", task.schoolDay().toString());
    }

    static Set<Long> union(Collection<Long> a, Collection<Long> b) {
        Set<Long> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
