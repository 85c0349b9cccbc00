package uk.attendance.followup.morning;

import uk.attendance.followup.records.FollowUpActionRecord;
import uk.attendance.followup.records.FollowUpStep;
import uk.attendance.followup.records.FollowUpStore;
import uk.attendance.followup.records.FollowUpTaskRecord;
import uk.attendance.followup.records.FollowUpTaskRepository;
import uk.attendance.followup.records.TaskKind;
import uk.attendance.followup.records.TaskState;
import uk.attendance.followup.tasks.FollowUpNotices;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.platform.UkMobile;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.followup.CallPriority;
import uk.attendance.rules.calendar.Session;

import uk.attendance.school.SchoolRecord;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The call-time decisions for one pupil, in one transaction with the pushes and texts they send (through the outbox):
 * the call task, the social worker told, the home visit. The morning mark is locked and read again first, so a pupil
 * re-coded or reported meanwhile gets nothing, and a report arriving during the decision waits for it (and then
 * closes the new task).
 */
@Singleton
class MorningTasks {
    private final RegisterService register;
    private final FollowUpStore store;
    private final FollowUpTaskRepository tasks;
    private final FollowUpNotices notices;

    MorningTasks(RegisterService register, FollowUpStore store, FollowUpTaskRepository tasks, FollowUpNotices notices) {
        this.register = register;
        this.store = store;
        this.tasks = tasks;
        this.notices = notices;
    }

    /** Whom the call-time messages go to: the school's attendance officers and DSLs (staff ids). */
    record Recipients(SchoolRecord school, List<Long> officers, List<Long> dsls) {
    }

    /** A pupil unexplained at call time, where they go on the call list, and whether a home visit is due today. */
    record Candidate(PupilRecord pupil, CallPriority priority, boolean homeVisitDue) {
        boolean hasSocialWorker() {
            return pupil.socialWorkerName() != null;
        }
    }

    /** What this run created (nothing when another run, or another instance, got there first). */
    record Raised(Optional<FollowUpTaskRecord> call, Optional<FollowUpActionRecord> socialWorker,
                  Optional<FollowUpTaskRecord> homeVisit) {
        static final Raised NOTHING = new Raised(Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Transactional
    public Raised raise(Recipients to, LocalDate day, Candidate c, LocalDateTime now) {
        long schoolId = to.school().id();
        long pupilId = c.pupil().id();
        // the usual case of a second run: nothing to lock, nothing to do
        if (tasks.existsByPupilIdAndSchoolDayAndKind(pupilId, day, TaskKind.CALL)
                || !register.lockIfUnexplained(pupilId, day, Session.AM)) {
            return Raised.NOTHING;
        }
        Optional<FollowUpTaskRecord> call = insertTask(schoolId, day, c, TaskKind.CALL, now);
        if (call.isEmpty()) {
            return Raised.NOTHING;
        }
        Optional<FollowUpActionRecord> socialWorker = Optional.empty();
        if (c.hasSocialWorker()) {
            boolean textable = Optional.ofNullable(c.pupil().socialWorkerPhone()).flatMap(UkMobile::parse).isPresent();
            FollowUpActionRecord action = new FollowUpActionRecord(null, schoolId, pupilId, day, FollowUpStep.SOCIAL_WORKER,
                    null, textable ? FollowUpActionRecord.Outcome.PENDING : FollowUpActionRecord.Outcome.NO_MOBILE,
                    textable ? null : "no mobile number on record for the social worker: phone them", now);
            socialWorker = store.insertAction(action).map(id -> withId(action, id));
        }
        Optional<FollowUpTaskRecord> homeVisit = c.homeVisitDue()
                ? insertTask(schoolId, day, c, TaskKind.HOME_VISIT, now) : Optional.empty();
        notices.callTaskRaised(call.get(), to.officers());
        socialWorker.filter(a -> a.outcome() == FollowUpActionRecord.Outcome.PENDING).ifPresent(a ->
                notices.socialWorkerTold(a.id(), schoolId, pupilId,
                        UkMobile.parse(c.pupil().socialWorkerPhone()).orElseThrow().e164(), initials(c.pupil()),
                        to.school().name(), day));
        homeVisit.ifPresent(task -> notices.homeVisitRaised(task, FollowUpNotices.union(to.dsls(), to.officers())));
        return new Raised(call, socialWorker, homeVisit);
    }

    static String initials(PupilRecord pupil) {
        return (pupil.firstName().substring(0, 1) + "." + pupil.lastName().substring(0, 1) + ".").toUpperCase(Locale.UK);
    }

    private Optional<FollowUpTaskRecord> insertTask(long schoolId, LocalDate day, Candidate c, TaskKind kind,
                                                    LocalDateTime now) {
        PupilRecord p = c.pupil();
        FollowUpTaskRecord task = new FollowUpTaskRecord(null, schoolId, p.id(), day, kind, TaskState.OPEN,
                c.hasSocialWorker(), p.childProtection(), p.lookedAfter(), p.sendStatus(),
                c.priority().consecutiveSchoolDaysAbsent(), null, null, null, null, null, null, now);
        return store.insertTask(task).map(task::withId);
    }

    private static FollowUpActionRecord withId(FollowUpActionRecord a, long id) {
        return new FollowUpActionRecord(id, a.schoolId(), a.pupilId(), a.schoolDay(), a.step(), a.code(), a.outcome(),
                a.detail(), a.createdAt());
    }
}
