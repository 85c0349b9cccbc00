package uk.attendance.followup;

import uk.attendance.followup.morning.FamilyInTouch;
import uk.attendance.followup.records.FollowUpActionRecord;
import uk.attendance.followup.records.FollowUpActionRepository;
import uk.attendance.followup.records.FollowUpStep;
import uk.attendance.followup.records.FollowUpTaskRepository;
import uk.attendance.followup.tasks.FollowUpNotices;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import uk.attendance.notify.outbox.OutboxPurpose;
import uk.attendance.notify.outbox.OutboxRecord;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;
import uk.attendance.rules.SessionMark;
import uk.attendance.school.SchoolService;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The follow-up's say over its messages when the outbox's worker comes to send them. A morning text or a social
 * worker's text is wanted only while the pupil's morning mark is still {@code N} (a pupil who arrived late, was
 * re-coded or reported since the decision gets none), and a morning text only while the family has not replied; a
 * call-task push only while the task is still open or claimed. Once a text is settled, the pupil's follow-up step
 * records it (TEXTED, NOT_SENT or CANCELLED).
 */
@Singleton
class FollowUpMessages implements OutboxPurpose {
    static final String PUPIL_MARKED = "PUPIL_MARKED";
    private static final String TASK_FINISHED = "TASK_FINISHED";
    private static final Set<String> PURPOSES = Set.of(FollowUpNotices.MORNING_TEXT, FollowUpNotices.SOCIAL_WORKER,
            FollowUpNotices.CALL_TASK);

    private final RegisterService register;
    private final SchoolService schools;
    private final FamilyInTouch inTouch;
    private final FollowUpTaskRepository tasks;
    private final FollowUpActionRepository actions;
    private final JsonMapper json;

    FollowUpMessages(RegisterService register, SchoolService schools, FamilyInTouch inTouch, FollowUpTaskRepository tasks,
                     FollowUpActionRepository actions, JsonMapper json) {
        this.register = register;
        this.schools = schools;
        this.inTouch = inTouch;
        this.tasks = tasks;
        this.actions = actions;
        this.json = json;
    }

    @Override
    public Set<String> purposes() {
        return PURPOSES;
    }

    @Override
    public Optional<String> cancelReason(OutboxRecord message) {
        if (message.pupilId() == null || message.schoolId() == null) {
            return Optional.empty();
        }
        if (FollowUpNotices.CALL_TASK.equals(message.purpose())) {
            return callTaskId(message).flatMap(tasks::findById)
                    .filter(t -> !t.state().isActive())
                    .map(t -> TASK_FINISHED);
        }
        Optional<LocalDate> day = schoolDay(message);
        if (day.isEmpty()) {
            return Optional.empty();
        }
        if (markedSince(message.pupilId(), day.get())) {
            return Optional.of(PUPIL_MARKED);
        }
        return FollowUpNotices.MORNING_TEXT.equals(message.purpose())
                ? inTouch.why(message.pupilId(), message.schoolId(), day.get()) : Optional.empty();
    }

    @Override
    public void settled(OutboxRecord message) {
        FollowUpStep step = switch (message.purpose()) {
            case FollowUpNotices.MORNING_TEXT -> FollowUpStep.TEXT;
            case FollowUpNotices.SOCIAL_WORKER -> FollowUpStep.SOCIAL_WORKER;
            default -> null;
        };
        Optional<LocalDate> found = message.pupilId() == null || message.schoolId() == null ? Optional.empty()
                : schoolDay(message);
        if (step == null || found.isEmpty()) {
            return;
        }
        LocalDate day = found.get();
        String pending = FollowUpActionRecord.Outcome.PENDING.name();
        // with several contacts texted, one text delivered is the family texted, whatever became of the others
        switch (message.status()) {
            case SENT -> actions.settleStep(message.pupilId(), day, step.name(),
                    FollowUpActionRecord.Outcome.TEXTED.name(), List.of(pending,
                            FollowUpActionRecord.Outcome.NOT_SENT.name(), FollowUpActionRecord.Outcome.CANCELLED.name()));
            case FAILED -> actions.settleStep(message.pupilId(), day, step.name(),
                    FollowUpActionRecord.Outcome.NOT_SENT.name(), List.of(pending));
            case CANCELLED -> actions.settleStep(message.pupilId(), day, step.name(),
                    FollowUpActionRecord.Outcome.CANCELLED.name(), List.of(pending));
            case PENDING -> {
            }
        }
    }

    /** The morning mark the text was decided on ({@code N}) has been replaced: arrived late, re-coded, reported. */
    private boolean markedSince(long pupilId, LocalDate day) {
        return register.sessionMarks(pupilId, day, day).stream()
                .filter(m -> m.session() == Session.AM)
                .map(SessionMark::code)
                .anyMatch(code -> code != RegisterCode.N);
    }

    /** The school day the message was decided on, in the school's timezone (empty: no such school). */
    private Optional<LocalDate> schoolDay(OutboxRecord message) {
        return schools.find(message.schoolId()).map(school ->
                message.createdAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(school.zone()).toLocalDate());
    }

    private Optional<Long> callTaskId(OutboxRecord message) {
        if (message.data() == null) {
            return Optional.empty();
        }
        try {
            Map<String, String> data = json.readValue(message.data(), Argument.mapOf(String.class, String.class));
            return Optional.ofNullable(data.get("callTaskId")).map(Long::valueOf);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
