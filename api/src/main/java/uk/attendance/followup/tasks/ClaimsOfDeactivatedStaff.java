package uk.attendance.followup.tasks;

import uk.attendance.followup.records.FollowUpTaskRepository;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.staff.StaffDeactivated;

/** The call tasks a switched-off staff member had claimed go back on the list, unclaimed, for others to take. */
@Singleton
class ClaimsOfDeactivatedStaff implements StaffDeactivated {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimsOfDeactivatedStaff.class);
    private final FollowUpTaskRepository tasks;

    ClaimsOfDeactivatedStaff(FollowUpTaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public void deactivated(long staffId) {
        var held = tasks.heldBy(staffId);
        held.forEach(t -> tasks.update(t.released()));
        if (!held.isEmpty()) {
            LOG.info("{} call tasks of staff {} released", held.size(), staffId);
        }
    }
}
