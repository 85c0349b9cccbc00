package uk.attendance.followup.replies;

import uk.attendance.followup.records.TextReviewRecord;
import uk.attendance.followup.records.TextReviewRepository;
import uk.attendance.followup.tasks.FollowUpNotices;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import uk.attendance.notify.outbox.OutboxPurpose;
import uk.attendance.notify.outbox.OutboxRecord;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A push about a text to review is wanted only while the item is still open (a push delayed by retries may find it done). */
@Singleton
class TextReviewMessages implements OutboxPurpose {
    static final String TEXT_REVIEWED = "TEXT_REVIEWED";

    private final TextReviewRepository items;
    private final JsonMapper json;

    TextReviewMessages(TextReviewRepository items, JsonMapper json) {
        this.items = items;
        this.json = json;
    }

    @Override
    public Set<String> purposes() {
        return Set.of(FollowUpNotices.TEXT_REVIEW);
    }

    @Override
    public Optional<String> cancelReason(OutboxRecord message) {
        return itemId(message).flatMap(items::findById)
                .filter(item -> item.status() == TextReviewRecord.Status.DONE)
                .map(item -> TEXT_REVIEWED);
    }

    private Optional<Long> itemId(OutboxRecord message) {
        if (message.data() == null) {
            return Optional.empty();
        }
        try {
            Map<String, String> data = json.readValue(message.data(), Argument.mapOf(String.class, String.class));
            return Optional.ofNullable(data.get("textReviewId")).map(Long::valueOf);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
