package uk.attendance.notify.outbox;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A feature's say over the messages it decided to send, by purpose (implement it as a {@code @Singleton} in the
 * feature). The decision was right when it was taken, but a message waits in the outbox for a moment or, after
 * failures, for minutes: just before handing one over, the worker asks {@link #cancelReason} whether it is still
 * wanted (a pupil who arrived late since the 09:30 decision gets no text), and once the message is sent, given up or
 * cancelled it tells {@link #settled}. Both run in the worker's transaction with the message's row locked; keep them
 * to a few indexed reads and writes.
 */
public interface OutboxPurpose {

    /** The purposes this feature answers for, e.g. {@code morning-text}; one feature per purpose. */
    Set<String> purposes();

    /**
     * @return empty to send the message; otherwise why it is no longer wanted, as a short upper-case code stored on the
     * message and shown to staff (e.g. {@code PUPIL_MARKED}), never a name or a reason given by a family
     */
    Optional<String> cancelReason(OutboxRecord message);

    /** The message is SENT, FAILED for good, or CANCELLED. */
    default void settled(OutboxRecord message) {
    }

    /** A push message's data fields (what a purpose's {@link #cancelReason} looks up); empty when it has none. */
    static Map<String, String> dataOf(OutboxRecord message, JsonMapper json) {
        if (message.data() == null) {
            return Map.of();
        }
        try {
            return json.readValue(message.data(), Argument.mapOf(String.class, String.class));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
