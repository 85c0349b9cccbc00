package uk.attendance.followup;

import uk.attendance.followup.records.FollowUpActionRecord;
import uk.attendance.followup.records.FollowUpActionRepository;
import uk.attendance.followup.records.FollowUpStep;
import uk.attendance.followup.records.FollowUpTaskRecord;
import uk.attendance.followup.records.FollowUpTaskRepository;
import uk.attendance.followup.records.TaskKind;
import uk.attendance.followup.records.TaskOutcomeRecord;
import uk.attendance.followup.records.TaskOutcomeRepository;
import uk.attendance.followup.records.TaskState;
import uk.attendance.followup.records.TextReplyRecord;
import uk.attendance.followup.records.TextReplyRepository;
import uk.attendance.followup.tasks.FollowUpNotices;
import uk.attendance.followup.tasks.TaskDesk;
import uk.attendance.followup.tasks.TaskView;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxRecord;
import uk.attendance.platform.DateRanges;
import uk.attendance.pupil.PupilAddressRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.followup.CallPriority;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What staff read of the follow-up: one task, their own tasks, the day's board, a pupil's history. */
@Singleton
class FollowUpViews {
    private static final int DEFAULT_HISTORY_DAYS = 60;

    private final TaskDesk desk;
    private final FollowUpTaskRepository tasks;
    private final FollowUpActionRepository actions;
    private final TaskOutcomeRepository outcomes;
    private final PupilService pupils;
    private final SchoolService schools;
    private final RegisterService register;
    private final TextReplyRepository replies;
    private final Outbox outbox;
    private final Clock clock;

    FollowUpViews(TaskDesk desk, FollowUpTaskRepository tasks, FollowUpActionRepository actions,
                  TaskOutcomeRepository outcomes, PupilService pupils, SchoolService schools, RegisterService register,
                  TextReplyRepository replies, Outbox outbox, Clock clock) {
        this.desk = desk;
        this.tasks = tasks;
        this.actions = actions;
        this.outcomes = outcomes;
        this.pupils = pupils;
        this.schools = schools;
        this.register = register;
        this.replies = replies;
        this.outbox = outbox;
        this.clock = clock;
    }

    TaskView task(Caller caller, long taskId) {
        return view(caller, desk.visible(caller, taskId));
    }

    TaskView view(Caller caller, FollowUpTaskRecord task) {
        return views(List.of(task), id -> pupils.visibleTo(caller, id)).get(0);
    }

    List<TaskView> mine(Caller caller) {
        return views(tasks.heldBy(caller.id()), id -> pupils.visibleTo(caller, id));
    }

    record Counts(int unexplainedAtRegisterClose, int unexplained, int texted, int replied,
                  Map<TaskState, Integer> callTasks, int homeVisits, int socialWorkersTold) {
    }

    record Board(SchoolRecord school, LocalDate date, List<FollowUpActionRepository.StepRun> steps, Counts counts,
                 List<TaskView> callTasks, List<TaskView> homeVisits) {
    }

    Board board(Caller caller, long schoolId, LocalDate date) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        Map<Long, PupilRecord> roll = pupils.ofSchool(school.id(), Optional.empty(), Optional.empty()).stream()
                .collect(Collectors.toMap(PupilRecord::id, Function.identity()));
        List<TaskView> all = views(tasks.ofSchool(school.id(), date), roll::get);
        List<TaskView> calls = all.stream().filter(v -> v.task().kind() == TaskKind.CALL)
                .sorted(Comparator.comparing((TaskView v) -> v.task().priority(), CallPriority.FIRST_CALLED_FIRST)
                        .thenComparing(v -> v.pupil().lastName()).thenComparing(v -> v.pupil().firstName())
                        .thenComparing(v -> v.task().id()))
                .toList();
        List<TaskView> visits = all.stream().filter(v -> v.task().kind() == TaskKind.HOME_VISIT).toList();
        List<FollowUpActionRecord> done = actions.ofSchool(school.id(), date);
        Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
        calls.forEach(v -> byState.merge(v.task().state(), 1, Integer::sum));
        Counts counts = new Counts(
                count(done, FollowUpStep.REGISTER_CLOSE, a -> "N".equals(a.code())),
                register.unexplainedPupils(school.id(), date, Session.AM).size(),
                count(done, FollowUpStep.TEXT, a -> a.outcome() == FollowUpActionRecord.Outcome.TEXTED),
                replies.pupilsWhoseFamilyReplied(school.id(), date).size(),
                byState, visits.size(),
                count(done, FollowUpStep.SOCIAL_WORKER, a -> a.outcome() == FollowUpActionRecord.Outcome.TEXTED));
        List<FollowUpActionRepository.StepRun> steps = actions.runsOf(school.id(), date).stream()
                .sorted(Comparator.comparing(FollowUpActionRepository.StepRun::ranAt)
                        .thenComparing(r -> FollowUpStep.valueOf(r.step())))
                .toList();
        return new Board(school, date, steps, counts, calls, visits);
    }

    record History(long pupilId, LocalDate from, LocalDate to, List<FollowUpActionRecord> actions, List<TaskView> tasks) {
    }

    History history(Caller caller, long pupilId, Optional<LocalDate> from, Optional<LocalDate> to) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        LocalDate last = to.orElseGet(() -> clock.instant().atZone(
                schools.find(pupil.schoolId()).map(SchoolRecord::zone).orElseThrow()).toLocalDate());
        LocalDate first = from.orElse(last.minusDays(DEFAULT_HISTORY_DAYS));
        DateRanges.check(first, last, 400);
        return new History(pupil.id(), first, last, actions.ofPupilBetween(pupil.id(), first, last),
                views(tasks.ofPupilBetween(pupil.id(), first, last), id -> pupil));
    }

    private List<TaskView> views(List<FollowUpTaskRecord> list, Function<Long, PupilRecord> pupilOf) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TaskOutcomeRecord>> byTask = outcomes.findByTaskIdInOrderById(
                list.stream().map(FollowUpTaskRecord::id).toList()).stream()
                .collect(Collectors.groupingBy(TaskOutcomeRecord::taskId));
        Map<Long, List<PupilService.ContactLink>> contacts = new java.util.HashMap<>();
        Map<String, List<TaskView.TaskText>> texts = texts(list);
        Map<Long, PupilAddressRecord> homes = pupils.addressesOf(list.stream()
                .filter(t -> t.kind() == TaskKind.HOME_VISIT).map(FollowUpTaskRecord::pupilId).collect(Collectors.toSet()));
        List<TaskView> views = new ArrayList<>(list.size());
        for (FollowUpTaskRecord t : list) {
            views.add(new TaskView(t, pupilOf.apply(t.pupilId()),
                    contacts.computeIfAbsent(t.pupilId(), pupils::contactsOf), byTask.getOrDefault(t.id(), List.of()),
                    texts.getOrDefault(t.pupilId() + "@" + t.schoolDay(), List.of()),
                    t.kind() == TaskKind.HOME_VISIT ? homes.get(t.pupilId()) : null));
        }
        return views;
    }

    /** The morning texts and the replies of the tasks' pupils and days, by "pupil@day", oldest first. */
    private Map<String, List<TaskView.TaskText>> texts(List<FollowUpTaskRecord> list) {
        Set<Long> pupilIds = list.stream().map(FollowUpTaskRecord::pupilId).collect(Collectors.toSet());
        LocalDate first = list.stream().map(FollowUpTaskRecord::schoolDay).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = list.stream().map(FollowUpTaskRecord::schoolDay).max(Comparator.naturalOrder()).orElseThrow();
        ZoneId zone = schools.find(list.get(0).schoolId()).map(SchoolRecord::zone).orElseThrow();
        Map<String, List<TaskView.TaskText>> byKey = new java.util.HashMap<>();
        for (OutboxRecord sent : outbox.aboutPupils(pupilIds, FollowUpNotices.MORNING_TEXT, utc(first, zone),
                utc(last.plusDays(1), zone))) {
            LocalDate day = sent.createdAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
            byKey.computeIfAbsent(sent.pupilId() + "@" + day, k -> new ArrayList<>()).add(new TaskView.TaskText(false,
                    sent.toPersonId(), sent.body(), Optional.ofNullable(sent.sentAt()).orElse(sent.createdAt()),
                    sent.status().name(), sent.deliveryStatus(), null, null));
        }
        for (TextReplyRecord reply : replies.ofPupilsBetween(pupilIds, first, last)) {
            byKey.computeIfAbsent(reply.pupilId() + "@" + reply.schoolDay(), k -> new ArrayList<>()).add(new TaskView.TaskText(
                    true, reply.contactId(), reply.body(), reply.receivedAt(), null, null, reply.reason(), reply.reportId()));
        }
        byKey.values().forEach(l -> l.sort(Comparator.comparing(TaskView.TaskText::at)));
        return byKey;
    }

    private static LocalDateTime utc(LocalDate day, ZoneId zone) {
        return LocalDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
    }

    private static int count(List<FollowUpActionRecord> done, FollowUpStep step,
                             java.util.function.Predicate<FollowUpActionRecord> which) {
        return (int) done.stream().filter(a -> a.step() == step && which.test(a)).count();
    }
}
