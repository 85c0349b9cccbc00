package uk.attendance.followup.tasks;

import uk.attendance.followup.records.CallOutcome;
import uk.attendance.followup.records.FollowUpTaskRecord;
import uk.attendance.followup.records.FollowUpTaskRepository;
import uk.attendance.followup.records.TaskKind;
import uk.attendance.followup.records.TaskOutcomeRecord;
import uk.attendance.followup.records.TaskOutcomeRepository;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A pupil's call tasks and home visits with what came of each attempt, oldest first, for other features to show (the
 * chronology). No access check: the caller has already been given the pupil.
 */
@Singleton
public class PupilCalls {
    private final FollowUpTaskRepository tasks;
    private final TaskOutcomeRepository outcomes;

    PupilCalls(FollowUpTaskRepository tasks, TaskOutcomeRepository outcomes) {
        this.tasks = tasks;
        this.outcomes = outcomes;
    }

    /** One task: raised by the morning on {@code schoolDay}, the pupil absent without word {@code consecutiveDays} days. */
    public record Call(long taskId, TaskKind kind, LocalDate schoolDay, int consecutiveDays, LocalDateTime raisedAt,
                       List<Attempt> attempts) {
    }

    /** What staff recorded of one call or visit; {@code code}: the register code a REACHED call gave. */
    public record Attempt(long id, CallOutcome outcome, LocalDateTime recordedAt, String staffName,
                          @Nullable String code, @Nullable String note) {
    }

    public List<Call> of(long pupilId) {
        List<FollowUpTaskRecord> found = tasks.findByPupilIdOrderById(pupilId);
        Map<Long, List<Attempt>> attempts = found.isEmpty() ? Map.of()
                : outcomes.findByTaskIdInOrderById(found.stream().map(FollowUpTaskRecord::id).toList()).stream()
                .collect(Collectors.groupingBy(TaskOutcomeRecord::taskId, Collectors.mapping(o -> new Attempt(o.id(),
                        o.outcome(), o.recordedAt(), o.staffName(), o.code(), o.note()), Collectors.toList())));
        return found.stream()
                .sorted(Comparator.comparing(FollowUpTaskRecord::id))
                .map(t -> new Call(t.id(), t.kind(), t.schoolDay(), t.consecutiveDays(), t.createdAt(),
                        attempts.getOrDefault(t.id(), List.of())))
                .toList();
    }
}
