package uk.attendance.followup;

import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a pupil's family has been in touch about the day's absence without the register showing it yet: they
 * replied to the morning text. Such a pupil gets no (further) text and no call: staff have the reply.
 */
@Singleton
class FamilyInTouch {
    static final String REPLIED = "FAMILY_REPLIED";

    private final TextReplyRepository replies;

    FamilyInTouch(TextReplyRepository replies) {
        this.replies = replies;
    }

    /** The pupils of a school whose family has been in touch that day. */
    Set<Long> pupils(long schoolId, LocalDate day) {
        return new HashSet<>(replies.pupilsWhoseFamilyReplied(schoolId, day));
    }

    /** Why the pupil's family counts as in touch that day (a code for the outbox), if they do. */
    Optional<String> why(long pupilId, LocalDate day) {
        return replies.existsByPupilIdAndSchoolDay(pupilId, day) ? Optional.of(REPLIED) : Optional.empty();
    }
}
