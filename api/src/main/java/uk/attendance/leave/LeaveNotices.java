package uk.attendance.leave;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.notify.outbox.ParentNotifier;
import uk.attendance.notify.outbox.ParentNotifier.Notice;
import uk.attendance.notify.push.PushMessage;
import uk.attendance.register.Author;

import java.util.Map;
import java.util.Optional;

/**
 * Tells the parent who asked that their request is decided, in the deciding transaction (through the outbox: a push,
 * or a text when no push gets through). A lock screen or a text may be read by anyone: no child's name, no reason, no
 * outcome - the app shows those after sign-in.
 */
@Singleton
class LeaveNotices {
    static final String TITLE = "Leave request";
    static final String TEXT = "A decision has been made on your leave request. Open the app to see it.";
    static final String QUEUED = "by push notification, or by text message if no device takes it";
    private static final Logger LOG = LoggerFactory.getLogger(LeaveNotices.class);

    private final ParentNotifier notifier;
    private final LeaveStore store;

    LeaveNotices(ParentNotifier notifier, LeaveStore store) {
        this.notifier = notifier;
        this.store = store;
    }

    void decided(LeaveRequestRecord request) {
        Notice notice = new Notice("push:leave-decided:" + request.id(), "leave-decision",
                About.pupil(request.schoolId(), request.pupilId()), new PushMessage(TITLE, TEXT,
                Map.of("kind", "LEAVE_REQUEST_DECIDED", "leaveRequestId", String.valueOf(request.id()))), TEXT);
        try {
            notifier.notify(request.requestedByContactId(), notice);
        } catch (IllegalArgumentException e) {
            // the parent's record is gone: the decision is stored, and the app shows it to whoever signs in
            LOG.warn("Leave request {}: parent {} not notified ({})", request.id(), request.requestedByContactId(),
                    e.getClass().getSimpleName());
            store.record(request.id(), LeaveEventKind.PARENT_NOT_REACHED, Author.SYSTEM.name(), Author.SYSTEM.position(),
                    Optional.of("no such parent to notify: the decision is in the app"));
            return;
        }
        store.record(request.id(), LeaveEventKind.PARENT_NOTIFIED, Author.SYSTEM.name(), Author.SYSTEM.position(),
                Optional.of(QUEUED));
    }
}
