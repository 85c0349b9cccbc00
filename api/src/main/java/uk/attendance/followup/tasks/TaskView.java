package uk.attendance.followup.tasks;

import uk.attendance.followup.records.CallOutcome;
import uk.attendance.followup.records.FollowUpTaskRecord;
import uk.attendance.followup.records.TaskOutcomeRecord;

import io.micronaut.core.annotation.Nullable;
import uk.attendance.pupil.PupilAddressRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService.ContactLink;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A task as staff see it: the pupil, the contacts in priority order, what has been logged (oldest first), and the
 * morning texts about the absence with the family's replies (oldest first); a home visit also carries the pupil's current
 * address (shown to staff only, never put in a push or text).
 */
public record TaskView(FollowUpTaskRecord task, PupilRecord pupil, List<ContactLink> contacts, List<TaskOutcomeRecord> outcomes,
                List<TaskText> texts, @Nullable PupilAddressRecord homeAddress) {

    /** A text sent to a contact about the absence (with what became of it), or a reply received. */
    public record TaskText(boolean received, @Nullable Long contactId, String body, LocalDateTime at, @Nullable String status,
                    @Nullable String deliveryStatus, @Nullable String reason, @Nullable Long reportId) {
    }

    /** The contacts called without an answer. */
    public Set<Long> tried() {
        return outcomes.stream().filter(o -> o.outcome() == CallOutcome.NO_ANSWER && o.contactId() != null)
                .map(TaskOutcomeRecord::contactId).collect(Collectors.toSet());
    }

    /** Whom to call next, while the task is still to be done. */
    public Optional<ContactLink> nextContact() {
        if (!task.state().isActive()) {
            return Optional.empty();
        }
        Set<Long> tried = tried();
        return contacts.stream().filter(c -> !tried.contains(c.contact().id())).findFirst();
    }

    public boolean allContactsTried() {
        Set<Long> tried = tried();
        return contacts.stream().allMatch(c -> tried.contains(c.contact().id()));
    }
}
