package uk.attendance.followup.tasks;

import uk.attendance.followup.records.CallOutcome;
import uk.attendance.followup.records.FollowUpTaskRecord;
import uk.attendance.followup.records.FollowUpTaskRepository;
import uk.attendance.followup.records.TaskKind;
import uk.attendance.followup.records.TaskOutcomeRecord;
import uk.attendance.followup.records.TaskOutcomeRepository;
import uk.attendance.followup.records.TaskState;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.CallOutcomeInput;
import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilService;
import uk.attendance.pupil.PupilService.ContactLink;
import uk.attendance.register.Author;
import uk.attendance.register.RegisterService;
import uk.attendance.register.RegisterService.AbsenceOutcome;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changes to tasks, each in one transaction with the task row locked, so two staff acting on one task at the same
 * moment are served one after the other. Notifications are left to {@link CallTaskService}, after the commit.
 */
@Singleton
public class TaskDesk {
    /** The reasons a family can give on a call: leave is granted in advance, never on a call (rule book §4). */
    static final Set<RegisterCode> CODES_FROM_A_CALL = EnumSet.of(RegisterCode.I, RegisterCode.M, RegisterCode.R,
            RegisterCode.T, RegisterCode.G, RegisterCode.O);

    private final FollowUpTaskRepository tasks;
    private final TaskOutcomeRepository outcomes;
    private final SchoolService schools;
    private final PupilService pupils;
    private final RegisterService register;
    private final Clock clock;

    TaskDesk(FollowUpTaskRepository tasks, TaskOutcomeRepository outcomes, SchoolService schools, PupilService pupils,
             RegisterService register, Clock clock) {
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.schools = schools;
        this.pupils = pupils;
        this.register = register;
        this.clock = clock;
    }

    /** The task, when the caller works at its school; 404 otherwise, as if it did not exist. */
    public FollowUpTaskRecord visible(Caller caller, long taskId) {
        return tasks.findById(taskId).filter(t -> canSee(caller, t))
                .orElseThrow(() -> ApiProblem.notFound("No call task " + taskId));
    }

    @Transactional
    public FollowUpTaskRecord claim(Caller caller, long taskId) {
        FollowUpTaskRecord task = lockVisible(caller, taskId);
        if (caller.id() == heldBy(task)) {
            return task;
        }
        checkFree(task);
        return tasks.update(task.claimedBy(caller.id(), caller.name(), caller.position(), now()));
    }

    /** What logging an outcome changed: the task, the outcome, and the pupil's other tasks it closed. */
    record Logged(FollowUpTaskRecord task, TaskOutcomeRecord outcome, List<FollowUpTaskRecord> closed) {
    }

    @Transactional
    public Logged log(Caller caller, long taskId, CallOutcomeInput in) {
        FollowUpTaskRecord task = lockVisible(caller, taskId);
        if (caller.id() != heldBy(task)) {
            checkFree(task);
        }
        CallOutcome outcome = CallOutcome.valueOf(in.getOutcome().getValue());
        List<ContactLink> contacts = pupils.contactsOf(task.pupilId());
        Optional<ContactLink> contact = contact(task, contacts, outcome, in.getContactId());
        String note = Optional.ofNullable(in.getNote()).map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        Optional<RegisterCode> code = Optional.empty();
        if (outcome == CallOutcome.REACHED) {
            code = Optional.of(codeFromCall(in.getCode()));
        } else if (in.getCode() != null) {
            throw ApiProblem.invalid("code", "only with REACHED: the reason the family gave");
        }
        if (outcome == CallOutcome.CONCERN && note == null) {
            throw ApiProblem.invalid("note", "required for a concern: say what worries you, for the DSL");
        }
        LocalDateTime now = now();
        if (task.state() == TaskState.OPEN) {
            task = task.claimedBy(caller.id(), caller.name(), caller.position(), now);
        }
        String registerResult = null;
        List<FollowUpTaskRecord> closed = List.of();
        switch (outcome) {
            case REACHED -> {
                AbsenceOutcome result = register.recordAbsence(task.pupilId(), task.schoolDay(), Session.AM, code.get(),
                        reason(task, contact, note), Author.of(caller));
                registerResult = result.name();
                task = task.finished(TaskState.DONE, now, null);
                closed = closeActive(task.pupilId(), task.schoolDay(), task.id(),
                        "The family was reached (" + label(task) + ")", now);
            }
            case CONCERN -> task = task.finished(TaskState.ESCALATED, now, "Concern raised with the DSL");
            case NO_ANSWER -> {
            }
        }
        tasks.update(task);
        TaskOutcomeRecord saved = outcomes.save(new TaskOutcomeRecord(null, task.id(), outcome,
                contact.map(c -> c.contact().id()).orElse(null), code.map(RegisterCode::symbol).orElse(null), note,
                registerResult, caller.id(), caller.name(), caller.position(), now));
        return new Logged(task, saved, closed);
    }

    /** Closes a pupil's open and claimed tasks of the day (escalated ones stay: the concern stands). */
    @Transactional
    public List<FollowUpTaskRecord> closeActive(long pupilId, LocalDate day, String why) {
        return closeActive(pupilId, day, null, why, now());
    }

    private List<FollowUpTaskRecord> closeActive(long pupilId, LocalDate day, Long except, String why, LocalDateTime now) {
        List<FollowUpTaskRecord> closed = new ArrayList<>();
        for (FollowUpTaskRecord t : tasks.lockActiveOf(pupilId, day)) {
            if (except != null && t.id() == except.longValue()) {
                continue;
            }
            closed.add(tasks.update(t.finished(TaskState.CLOSED, now, RegisterClose.shorten(why, 300))));
        }
        return closed;
    }

    private Optional<ContactLink> contact(FollowUpTaskRecord task, List<ContactLink> contacts, CallOutcome outcome,
                                          Long contactId) {
        if (contactId != null) {
            return Optional.of(contacts.stream().filter(c -> c.contact().id() == contactId.longValue()).findFirst()
                    .orElseThrow(() -> ApiProblem.invalid("contactId", "not a contact of this pupil")));
        }
        if (outcome != CallOutcome.NO_ANSWER || task.kind() != TaskKind.CALL) {
            return Optional.empty();
        }
        Set<Long> tried = outcomes.findByTaskIdInOrderById(List.of(task.id())).stream()
                .filter(o -> o.outcome() == CallOutcome.NO_ANSWER && o.contactId() != null)
                .map(TaskOutcomeRecord::contactId).collect(Collectors.toSet());
        return Optional.of(contacts.stream().filter(c -> !tried.contains(c.contact().id())).findFirst()
                .orElseThrow(() -> ApiProblem.conflict(contacts.isEmpty() ? "This pupil has no contacts to call"
                        : "Every contact has been tried: give contactId to try one again")));
    }

    private static RegisterCode codeFromCall(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw ApiProblem.invalid("code", "required with REACHED: the register code for the reason the family gave");
        }
        RegisterCode code = RegisterCode.fromSymbol(symbol.strip())
                .orElseThrow(() -> ApiProblem.invalid("code", symbol + " is not a register code in force"));
        if (!CODES_FROM_A_CALL.contains(code)) {
            throw ApiProblem.invalid("code", code.symbol() + " cannot come from a call: use one of "
                    + CODES_FROM_A_CALL.stream().map(RegisterCode::symbol).collect(Collectors.joining(" "))
                    + " (leave is granted in advance; other codes are the school's own)");
        }
        return code;
    }

    private static String reason(FollowUpTaskRecord task, Optional<ContactLink> contact, String note) {
        String who = contact.map(c -> c.link().relationship().toLowerCase(Locale.UK)).orElse("the family");
        String how = task.kind() == TaskKind.CALL ? "reached " + who + " by phone" : "saw " + who + " at home";
        return RegisterClose.shorten(label(task) + ": " + how + (note == null ? "" : " - " + note), 500);
    }

    private static String label(FollowUpTaskRecord task) {
        return (task.kind() == TaskKind.CALL ? "call task " : "home visit task ") + task.id();
    }

    private FollowUpTaskRecord lockVisible(Caller caller, long taskId) {
        return tasks.lock(taskId).filter(t -> canSee(caller, t))
                .orElseThrow(() -> ApiProblem.notFound("No call task " + taskId));
    }

    private boolean canSee(Caller caller, FollowUpTaskRecord task) {
        return schools.find(task.schoolId()).map(s -> s.trustId() == caller.trustId() && caller.worksAt(s.id()))
                .orElse(false);
    }

    private static long heldBy(FollowUpTaskRecord task) {
        return task.state() == TaskState.CLAIMED && task.claimedByStaffId() != null ? task.claimedByStaffId() : -1;
    }

    private static void checkFree(FollowUpTaskRecord task) {
        switch (task.state()) {
            case OPEN -> {
            }
            case CLAIMED -> throw ApiProblem.conflict(task.claimedByName() + " (" + task.claimedByPosition()
                    + ") is already on this task");
            case DONE -> throw ApiProblem.conflict("This task is done: the family was reached");
            case ESCALATED -> throw ApiProblem.conflict("This task was escalated to the designated safeguarding lead");
            case CLOSED -> throw ApiProblem.conflict("This task was closed: " + task.closedReason());
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
