package uk.attendance.notify.outbox;

import uk.attendance.notify.push.PushMessage;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.pupil.PupilService;

/**
 * Tells a parent something (a leave request decided, a question from the school): a push to each of their devices,
 * or a text to their mobile when no push gets through. Written to the outbox in the caller's transaction, so the
 * parent is told if and only if the decision commits; {@link OutboxWorker} sends it.
 */
@Singleton
public class ParentNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(ParentNotifier.class);
    private final Outbox outbox;
    private final PupilService pupils;

    ParentNotifier(Outbox outbox, PupilService pupils) {
        this.outbox = outbox;
        this.pupils = pupils;
    }

    /**
     * @param dedupeKey names the decision (see {@link OutboxMessage}), e.g. {@code push:leave-decided:12}
     * @param purpose   what the message is for, e.g. {@code leave-decision}
     * @param about     the school and child the news is about: the parent sees it among the child's messages
     * @param push      the notification for the app
     * @param text      the same news as a self-contained text (sent only when no push gets through)
     */
    public record Notice(String dedupeKey, String purpose, About about, PushMessage push, String text) {
        public Notice {
            if (push == null || text == null || text.isBlank()) {
                throw new IllegalArgumentException("A notice needs a push and a text");
            }
        }
    }

    /** The notice is in the outbox as message {@code outboxId} ({@code created} false: that decision was already queued). */
    public record Queued(long outboxId, boolean created) {
    }

    /** @throws IllegalArgumentException when there is no such parent */
    @Transactional
    public Queued notify(long parentId, Notice notice) {
        pupils.contact(parentId).orElseThrow(() -> new IllegalArgumentException("No parent " + parentId));
        Outbox.Enqueued enqueued = outbox.enqueue(OutboxMessage.pushElseText(notice.dedupeKey(), notice.purpose(), parentId,
                notice.push(), notice.text(), notice.about()));
        LOG.info("Parent {}: notice queued as outbox message {} ({})", parentId, enqueued.id(), notice.purpose());
        return new Queued(enqueued.id(), enqueued.created());
    }
}
