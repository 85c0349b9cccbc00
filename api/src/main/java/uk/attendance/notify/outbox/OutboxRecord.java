package uk.attendance.notify.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.caller.Caller;

import java.time.LocalDateTime;

/**
 * One row of the outbox. {@code data} is the push's data as JSON. Times are UTC. {@code lastError} is a provider error
 * code ({@code TWILIO_21211}, {@code UNREGISTERED}…), never text that could hold a number or a body.
 */
@MappedEntity("outbox_message")
public record OutboxRecord(
        @Id @GeneratedValue Long id,
        String dedupeKey,
        OutboxMessage.Channel channel,
        String purpose,
        @Nullable Long schoolId,
        @Nullable Long pupilId,
        @Nullable String toNumber,
        @Nullable Caller.Kind toPersonKind,
        @Nullable Long toPersonId,
        @Nullable String title,
        String body,
        @Nullable String data,
        @Nullable String fallbackText,
        Status status,
        int attempts,
        LocalDateTime nextAttemptAt,
        @Nullable String lastError,
        @Nullable String providerRef,
        @Nullable Integer devicesReached,
        @Nullable String deliveryStatus,
        @Nullable String deliveryErrorCode,
        @Nullable LocalDateTime deliveryUpdatedAt,
        LocalDateTime createdAt,
        @Nullable LocalDateTime sentAt) {

    public enum Status {
        PENDING, SENT, FAILED,
        /** Not sent: the feature that decided it said, just before sending, that it was no longer wanted. */
        CANCELLED
    }

    OutboxRecord sent(@Nullable String reference, @Nullable Integer devices, LocalDateTime at) {
        return new OutboxRecord(id, dedupeKey, channel, purpose, schoolId, pupilId, toNumber, toPersonKind, toPersonId,
                title, body, data, fallbackText, Status.SENT, attempts + 1, nextAttemptAt, lastError, reference, devices,
                deliveryStatus, deliveryErrorCode, deliveryUpdatedAt, createdAt, at);
    }

    /** A failed attempt: tried again at {@code retryAt}, or given up when that is empty. */
    OutboxRecord failed(String error, java.util.Optional<LocalDateTime> retryAt) {
        return new OutboxRecord(id, dedupeKey, channel, purpose, schoolId, pupilId, toNumber, toPersonKind, toPersonId,
                title, body, data, fallbackText, retryAt.isPresent() ? Status.PENDING : Status.FAILED, attempts + 1,
                retryAt.orElse(nextAttemptAt), error, providerRef, devicesReached, deliveryStatus, deliveryErrorCode,
                deliveryUpdatedAt, createdAt, sentAt);
    }

    /** Not sent because it is no longer wanted; {@code why} is a code such as {@code PUPIL_ARRIVED}. */
    OutboxRecord cancelled(String why) {
        return new OutboxRecord(id, dedupeKey, channel, purpose, schoolId, pupilId, toNumber, toPersonKind, toPersonId,
                title, body, data, fallbackText, Status.CANCELLED, attempts, nextAttemptAt, why, providerRef,
                devicesReached, deliveryStatus, deliveryErrorCode, deliveryUpdatedAt, createdAt, sentAt);
    }

    OutboxRecord delivery(String status, @Nullable String errorCode, LocalDateTime at) {
        return new OutboxRecord(id, dedupeKey, channel, purpose, schoolId, pupilId, toNumber, toPersonKind, toPersonId,
                title, body, data, fallbackText, this.status, attempts, nextAttemptAt, lastError, providerRef, devicesReached,
                status, errorCode, at, createdAt, sentAt);
    }

    @Override
    public String toString() {
        return "OutboxRecord[id=" + id + ", " + channel + " " + purpose + ", " + status + ", attempts=" + attempts + "]";
    }
}
