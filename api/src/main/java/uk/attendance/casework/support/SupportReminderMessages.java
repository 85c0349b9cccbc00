package uk.attendance.casework.support;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import uk.attendance.notify.outbox.OutboxPurpose;
import uk.attendance.notify.outbox.OutboxRecord;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A review reminder is wanted only while the record is open and the review still on that date. */
@Singleton
class SupportReminderMessages implements OutboxPurpose {
    private final SupportRecordRepository records;
    private final JsonMapper json;

    SupportReminderMessages(SupportRecordRepository records, JsonMapper json) {
        this.records = records;
        this.json = json;
    }

    @Override
    public Set<String> purposes() {
        return Set.of(SupportReviewReminders.PURPOSE);
    }

    @Override
    public Optional<String> cancelReason(OutboxRecord message) {
        Map<String, String> data = OutboxPurpose.dataOf(message, json);
        if (!data.containsKey("supportRecordId") || !data.containsKey("reviewOn")) {
            return Optional.empty();
        }
        Optional<SupportRecordRow> row = records.findById(Long.valueOf(data.get("supportRecordId")));
        if (row.isEmpty() || row.get().status() == SupportRecordRow.Status.CLOSED) {
            return Optional.of("SUPPORT_CLOSED");
        }
        return LocalDate.parse(data.get("reviewOn")).equals(row.get().nextReviewOn()) ? Optional.empty()
                : Optional.of("REVIEW_MOVED");
    }
}
