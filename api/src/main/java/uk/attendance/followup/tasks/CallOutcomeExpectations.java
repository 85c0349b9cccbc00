package uk.attendance.followup.tasks;

import uk.attendance.followup.records.TaskOutcomeRepository;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import uk.attendance.register.AbsenceExpectations;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A family reached on a morning call gave the reason for the whole day: an afternoon register taken with {@code N}
 * for the pupil records that code. Ordered after what families and the headteacher said in advance.
 */
@Singleton
@Order(100)
class CallOutcomeExpectations implements AbsenceExpectations {
    private final TaskOutcomeRepository outcomes;

    CallOutcomeExpectations(TaskOutcomeRepository outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public Map<Long, Expected> forSession(Collection<Long> pupilIds, LocalDate date, Session session) {
        Map<Long, Expected> expected = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return expected;
        }
        for (TaskOutcomeRepository.ReachedCode r : outcomes.reachedOn(date, pupilIds)) {
            RegisterCode.fromSymbol(r.code()).filter(c -> c.allowedIn(session)).ifPresent(code ->
                    expected.putIfAbsent(r.pupilId(), new Expected(code, "Follow-up task " + r.taskId()
                            + ": the family gave the reason to " + r.staffName() + " (" + r.staffPosition() + ")")));
        }
        return expected;
    }
}
