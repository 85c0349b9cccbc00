package uk.attendance.notify.outbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where every text and push starts: {@link #enqueue} writes it in the caller's transaction, so it is sent if and only if
 * the decision to send it commits; {@link OutboxWorker} hands it over later. The same dedupe key enqueued twice (two
 * instances making the same decision, a sweep restarted after a crash) is stored once, by the database's unique key.
 */
@Singleton
public class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String INSERT = "INSERT INTO outbox_message (dedupe_key, channel, purpose, school_id, pupil_id,"
            + " to_number, to_person_kind, to_person_id, title, body, data, fallback_text, status, attempts, next_attempt_at,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

    private final JdbcOperations jdbc;
    private final OutboxRepository rows;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcOperations jdbc, OutboxRepository rows, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
    }

    /** @param created false when a message with this dedupe key was already in the outbox (nothing was added) */
    public record Enqueued(long id, boolean created) {
    }

    /**
     * Joins the caller's transaction (or runs in its own when there is none): roll the decision back and the message is
     * gone too. Due at once.
     */
    @Transactional
    public Enqueued enqueue(OutboxMessage message) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Long id = jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                bind(insert, message, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLIntegrityConstraintViolationException duplicate) {
                // MySQL undoes only the failed statement: the caller's transaction carries on
                return null;
            }
        });
        if (id != null) {
            LOG.debug("Outbox message {} enqueued ({} {})", id, message.channel(), message.purpose());
            return new Enqueued(id, true);
        }
        long existing = rows.idOfKey(message.dedupeKey())
                .orElseThrow(() -> new IllegalStateException("Outbox insert refused but no row holds its dedupe key"));
        LOG.debug("Outbox message {} already enqueued ({} {})", existing, message.channel(), message.purpose());
        return new Enqueued(existing, false);
    }

    /** A school's messages, newest first ({@code before}: only ids below it, for paging). */
    public List<OutboxRecord> ofSchool(long schoolId, Optional<OutboxRecord.Status> status, Optional<Long> pupilId,
                                       Optional<Long> before, int limit) {
        return rows.ofSchool(schoolId, status.map(Enum::name).orElse(null), pupilId.orElse(null), before.orElse(null),
                limit);
    }

    /** The messages of one purpose about these pupils created in {@code [from, to)} (UTC), oldest first. */
    public List<OutboxRecord> aboutPupils(Collection<Long> pupilIds, String purpose, LocalDateTime from, LocalDateTime to) {
        return pupilIds.isEmpty() ? List.of() : rows.aboutPupils(pupilIds, purpose, from, to);
    }

    /** A pupil's messages, newest first: all of them, or only those to one parent (except those cancelled unsent). */
    public List<OutboxRecord> ofPupil(long pupilId, Optional<Long> parentId, Optional<Long> before, int limit) {
        return rows.ofPupil(pupilId, parentId.orElse(null), before.orElse(null), limit);
    }

    /** The texts of one purpose handed over to this number since {@code since} (UTC), newest first (at most 20). */
    public List<OutboxRecord> textsSentTo(String toE164, String purpose, LocalDateTime since) {
        return rows.sentTo(toE164, purpose, since);
    }

    public Optional<OutboxRecord> byId(long id) {
        return rows.findById(id);
    }

    /**
     * Overwrites a settled message's body, for a text that must not be kept once it is sent or dropped (a sign-in
     * code): call it from {@link OutboxPurpose#settled}, in the worker's transaction.
     */
    public void forgetBody(long id, String placeholder) {
        rows.replaceBody(id, placeholder);
    }

    /** The message with this dedupe key, if it was enqueued. */
    public Optional<OutboxRecord> byDedupeKey(String dedupeKey) {
        return rows.findByDedupeKey(dedupeKey);
    }

    /**
     * Records Twilio's delivery report on the text it sent as {@code messageSid}. Reports can arrive out of order
     * (a late {@code sent} after {@code delivered}): a report never moves a text back to an earlier stage.
     *
     * @return the text, when the outbox sent it
     */
    @Transactional
    public Optional<OutboxRecord> recordDelivery(String messageSid, String status, Optional<String> errorCode) {
        List<OutboxRecord> texts = rows.lockByProviderRef(messageSid);
        if (texts.isEmpty()) {
            LOG.info("Delivery report {} for text {}: not an outbox message", status, messageSid);
            return Optional.empty();
        }
        OutboxRecord text = texts.get(0);
        if (text.deliveryStatus() != null && DeliveryStage.of(status) <= DeliveryStage.of(text.deliveryStatus())) {
            LOG.info("Outbox message {}: delivery report {} ignored (already {})", text.id(), status, text.deliveryStatus());
            return Optional.of(text);
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        OutboxRecord updated = rows.update(text.delivery(status, errorCode.orElse(null), now));
        LOG.info("Outbox message {}: delivery {}{}", text.id(), status, errorCode.map(c -> " (error " + c + ")").orElse(""));
        return Optional.of(updated);
    }

    /** Twilio's message statuses in the order a text goes through them; the last ones are final. */
    static final class DeliveryStage {
        private static final Map<String, Integer> STAGES = Map.ofEntries(
                Map.entry("accepted", 1), Map.entry("scheduled", 1), Map.entry("queued", 2), Map.entry("sending", 3),
                Map.entry("sent", 4), Map.entry("delivered", 5), Map.entry("undelivered", 5), Map.entry("failed", 5),
                Map.entry("canceled", 5), Map.entry("read", 6));

        static int of(String status) {
            return STAGES.getOrDefault(status, 0);
        }
    }

    private void bind(PreparedStatement s, OutboxMessage m, LocalDateTime now) throws SQLException {
        s.setString(1, m.dedupeKey());
        s.setString(2, m.channel().name());
        s.setString(3, m.purpose());
        setLong(s, 4, m.about().schoolId());
        setLong(s, 5, m.about().pupilId());
        s.setString(6, m.toNumber());
        s.setString(7, m.toPersonKind() == null ? null : m.toPersonKind().name());
        setLong(s, 8, m.toPersonId());
        s.setString(9, m.title());
        s.setString(10, m.body());
        s.setString(11, m.channel() == OutboxMessage.Channel.PUSH ? dataJson(m) : null);
        s.setString(12, m.fallbackText());
        // a LocalDateTime goes to the DATETIME column as it is (a Timestamp would be shifted by the JVM's zone)
        s.setObject(13, now);
        s.setObject(14, now);
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private String dataJson(OutboxMessage m) {
        try {
            return json.writeValueAsString(new TreeMap<>(m.data()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
