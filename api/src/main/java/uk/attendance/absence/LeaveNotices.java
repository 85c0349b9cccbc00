package uk.attendance.absence;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.notify.ParentNotifier;
import uk.attendance.notify.ParentNotifier.Notice;
import uk.attendance.notify.ParentNotifier.Notified;
import uk.attendance.notify.PushMessage;
import uk.attendance.register.Author;

import java.util.Map;
import java.util.Optional;

/**
 * Tells the parent who asked that their request is decided. A lock screen or a text may be read by anyone: no child's
 * name, no reason, no outcome - the app shows those after sign-in.
 */
@Singleton
class LeaveNotices {
    static final String TITLE = "Leave request";
    static final String TEXT = "A decision has been made on your leave request. Open the app to see it.";
    private static final Logger LOG = LoggerFactory.getLogger(LeaveNotices.class);

    private final ParentNotifier notifier;
    private final LeaveStore store;

    LeaveNotices(ParentNotifier notifier, LeaveStore store) {
        this.notifier = notifier;
        this.store = store;
    }

    void decided(LeaveRequestRecord request) {
        Notice notice = new Notice(new PushMessage(TITLE, TEXT,
                Map.of("kind", "LEAVE_REQUEST_DECIDED", "leaveRequestId", String.valueOf(request.id()))), TEXT);
        Notified notified;
        try {
            notified = notifier.notify(request.requestedByContactId(), notice);
        } catch (RuntimeException e) {
            // The decision is stored; the parent still sees it in the app.
            LOG.warn("Leave request {}: parent {} not notified ({})", request.id(), request.requestedByContactId(),
                    e.getClass().getSimpleName());
            notified = new Notified(ParentNotifier.Channel.NONE, 0);
        }
        switch (notified.channel()) {
            case PUSH -> store.record(request.id(), LeaveEventKind.PARENT_NOTIFIED, Author.SYSTEM.name(), Author.SYSTEM.position(),
                    Optional.of("by push notification"));
            case TEXT -> store.record(request.id(), LeaveEventKind.PARENT_NOTIFIED, Author.SYSTEM.name(), Author.SYSTEM.position(),
                    Optional.of("by text message"));
            case NONE -> store.record(request.id(), LeaveEventKind.PARENT_NOT_REACHED, Author.SYSTEM.name(),
                    Author.SYSTEM.position(), Optional.of("no push got through and no text could be sent: the decision is in the app"));
        }
    }
}
