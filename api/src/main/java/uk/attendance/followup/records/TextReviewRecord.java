package uk.attendance.followup.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * A family's text that answered no morning text, before the staff of one school until someone marks it done
 * ({@code handledAt} UTC). The text itself is the {@code text_reply} row; the children are read through the contact's
 * links when it is shown.
 */
@MappedEntity("text_review")
public record TextReviewRecord(
        @Id @GeneratedValue Long id,
        long textReplyId,
        long schoolId,
        long contactId,
        Status status,
        @Nullable Long handledByStaffId,
        @Nullable LocalDateTime handledAt,
        @Nullable String note,
        LocalDateTime createdAt) {

    public enum Status { OPEN, DONE }
}
