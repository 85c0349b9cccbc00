package uk.attendance.followup.tasks;

import uk.attendance.followup.records.CallOutcome;
import uk.attendance.followup.records.FollowUpTaskRecord;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.CallOutcomeInput;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.time.LocalDate;
import java.util.List;

/**
 * Staff working the call list: claim a task, log what came of a call, and the tasks closed when the family gets in
 * touch some other way ({@link #closeForPupil}, for a parent's report or reply). The pushes each change sends are
 * written to the outbox in the change's transaction.
 */
@Singleton
public class CallTaskService {
    private static final Logger LOG = LoggerFactory.getLogger(CallTaskService.class);
    private final TaskDesk desk;
    private final FollowUpNotices notices;
    private final StaffService staff;

    CallTaskService(TaskDesk desk, FollowUpNotices notices, StaffService staff) {
        this.desk = desk;
        this.notices = notices;
        this.staff = staff;
    }

    /** @throws uk.attendance.platform.ApiProblem 409 when someone else holds the task or it is finished */
    public FollowUpTaskRecord claim(Caller caller, long taskId) {
        FollowUpTaskRecord task = desk.claim(caller, taskId);
        LOG.info("Task {} held by staff {}", taskId, caller.id());
        return task;
    }

    @Transactional
    public FollowUpTaskRecord logOutcome(Caller caller, long taskId, CallOutcomeInput in) {
        TaskDesk.Logged logged = desk.log(caller, taskId, in);
        FollowUpTaskRecord task = logged.task();
        LOG.info("Task {}: {} logged by staff {} (register {})", taskId, logged.outcome().outcome(), caller.id(),
                logged.outcome().registerResult());
        if (logged.outcome().outcome() == CallOutcome.CONCERN) {
            List<Long> dsls = staff.atSchoolWithRole(task.schoolId(), Roles.DSL).stream().map(StaffRecord::id).toList();
            if (dsls.isEmpty()) {
                LOG.warn("Task {}: concern logged but school {} has no DSL account to tell", taskId, task.schoolId());
            }
            notices.concernRaised(task, logged.outcome().id(), dsls);
        }
        tellHolders(logged.closed(), caller.id());
        return task;
    }

    /**
     * Closes the pupil's open and claimed tasks of the day, because the family has been in touch (a parent's report,
     * a reply to the morning text), and tells whoever held them. Escalated tasks stay as they are. Joins the caller's
     * transaction (the report's), so the tasks close if and only if the report is made.
     *
     * @param why shown on the task, e.g. "Absence report 12 from a parent: illness"
     * @return the tasks closed
     */
    @Transactional
    public List<Long> closeForPupil(long pupilId, LocalDate date, String why) {
        List<FollowUpTaskRecord> closed = desk.closeActive(pupilId, date, why);
        closed.forEach(t -> LOG.info("Task {} closed: the family got in touch", t.id()));
        tellHolders(closed, null);
        return closed.stream().map(FollowUpTaskRecord::id).toList();
    }

    private void tellHolders(List<FollowUpTaskRecord> closed, Long except) {
        for (FollowUpTaskRecord t : closed) {
            if (t.claimedByStaffId() != null && !t.claimedByStaffId().equals(except)) {
                notices.taskClosed(t, t.claimedByStaffId());
            }
        }
    }
}
