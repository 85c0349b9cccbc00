package uk.attendance.notify.push;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.staff.StaffDeactivated;

/** A switched-off staff member's devices are forgotten: no push reaches them, whoever it is meant for. */
@Singleton
class DevicesOfDeactivatedStaff implements StaffDeactivated {
    private static final Logger LOG = LoggerFactory.getLogger(DevicesOfDeactivatedStaff.class);
    private final DeviceRepository devices;

    DevicesOfDeactivatedStaff(DeviceRepository devices) {
        this.devices = devices;
    }

    @Override
    public void deactivated(long staffId) {
        var owned = devices.newestFirst(Caller.Kind.STAFF.name(), staffId);
        owned.forEach(devices::delete);
        if (!owned.isEmpty()) {
            LOG.info("{} devices of staff {} forgotten", owned.size(), staffId);
        }
    }
}
