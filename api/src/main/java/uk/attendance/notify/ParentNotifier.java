package uk.attendance.notify;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.auth.Caller;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilService;

/**
 * Tells a parent something (a leave request decided, a question from the school): a push to each of their devices,
 * or a text when they have none or no push got through.
 */
@Singleton
public class ParentNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(ParentNotifier.class);
    private final PushService pushes;
    private final SmsSender sms;
    private final PupilService pupils;

    ParentNotifier(PushService pushes, SmsSender sms, PupilService pupils) {
        this.pushes = pushes;
        this.sms = sms;
        this.pupils = pupils;
    }

    /**
     * @param push the notification for the app
     * @param text the same news as a self-contained text (used only when no push got through)
     */
    public record Notice(PushMessage push, String text) {
        public Notice {
            if (push == null || text == null || text.isBlank()) {
                throw new IllegalArgumentException("A notice needs a push and a text");
            }
        }
    }

    public enum Channel { PUSH, TEXT, NONE }

    /** How the parent was reached: {@code pushes} devices accepted the push, or a text was sent, or nothing got through. */
    public record Notified(Channel channel, int pushes) {
    }

    /** @throws IllegalArgumentException when there is no such parent */
    public Notified notify(long parentId, Notice notice) {
        ContactRecord parent = pupils.contact(parentId)
                .orElseThrow(() -> new IllegalArgumentException("No parent " + parentId));
        PushService.Delivery delivery = pushes.pushTo(Caller.Kind.PARENT, parentId, notice.push());
        if (delivery.sent() > 0) {
            LOG.info("Parent {} notified by push on {} of {} devices", parentId, delivery.sent(), delivery.devices());
            return new Notified(Channel.PUSH, delivery.sent());
        }
        try {
            SentText text = sms.send(parent.mobile(), notice.text());
            LOG.info("Parent {} notified by text {} ({} devices, no push got through)", parentId, text.reference(),
                    delivery.devices());
            return new Notified(Channel.TEXT, 0);
        } catch (TextNotSent e) {
            LOG.warn("Parent {} not notified: no push got through ({} devices) and {}", parentId, delivery.devices(),
                    e.getMessage());
            return new Notified(Channel.NONE, 0);
        }
    }
}
