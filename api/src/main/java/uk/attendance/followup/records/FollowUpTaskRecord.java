package uk.attendance.followup.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.rules.followup.CallPriority;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A call or home visit staff must make about one pupil on one school day (one of each kind per pupil and day). The
 * safeguarding and SEND fields and the run of days absent are those of the moment the task was raised.
 */
@MappedEntity("follow_up_task")
public record FollowUpTaskRecord(
        @Id @GeneratedValue Long id,
        long schoolId,
        long pupilId,
        LocalDate schoolDay,
        TaskKind kind,
        TaskState state,
        boolean socialWorker,
        boolean childProtection,
        boolean lookedAfter,
        String sendStatus,
        int consecutiveDays,
        @Nullable Long claimedByStaffId,
        @Nullable String claimedByName,
        @Nullable String claimedByPosition,
        @Nullable LocalDateTime claimedAt,
        @Nullable LocalDateTime closedAt,
        @Nullable String closedReason,
        LocalDateTime createdAt) {

    public FollowUpTaskRecord withId(long newId) {
        return new FollowUpTaskRecord(newId, schoolId, pupilId, schoolDay, kind, state, socialWorker, childProtection,
                lookedAfter, sendStatus, consecutiveDays, claimedByStaffId, claimedByName, claimedByPosition, claimedAt,
                closedAt, closedReason, createdAt);
    }

    public FollowUpTaskRecord claimedBy(long staffId, String name, String position, LocalDateTime at) {
        return new FollowUpTaskRecord(id, schoolId, pupilId, schoolDay, kind, TaskState.CLAIMED, socialWorker,
                childProtection, lookedAfter, sendStatus, consecutiveDays, staffId, name, position, at, closedAt,
                closedReason, createdAt);
    }

    /** Back on the list, unclaimed (its holder's account was switched off). */
    public FollowUpTaskRecord released() {
        return new FollowUpTaskRecord(id, schoolId, pupilId, schoolDay, kind, TaskState.OPEN, socialWorker,
                childProtection, lookedAfter, sendStatus, consecutiveDays, null, null, null, null, closedAt,
                closedReason, createdAt);
    }

    /** Done, escalated or closed: no longer on anyone's list. */
    public FollowUpTaskRecord finished(TaskState newState, LocalDateTime at, @Nullable String reason) {
        return new FollowUpTaskRecord(id, schoolId, pupilId, schoolDay, kind, newState, socialWorker, childProtection,
                lookedAfter, sendStatus, consecutiveDays, claimedByStaffId, claimedByName, claimedByPosition, claimedAt,
                at, reason, createdAt);
    }

    public CallPriority priority() {
        return new CallPriority(socialWorker, childProtection, lookedAfter, !"NONE".equals(sendStatus), consecutiveDays);
    }
}
