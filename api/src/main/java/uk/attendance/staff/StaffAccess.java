package uk.attendance.staff;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.audit.ChangeListener;
import uk.attendance.audit.Entity;
import uk.attendance.audit.RecordChanged;

import java.util.Set;

/**
 * Which staff accounts are switched off, kept in memory so every request can be checked without a query: read again
 * when this instance switches one off or on (after the commit), when the change feed reports a change on another
 * instance, and every {@code attendance.staff.inactive-refresh} (default 1 s) in case a change was made elsewhere.
 */
@Singleton
public class StaffAccess implements ChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(StaffAccess.class);
    private final StaffRepository staff;
    private volatile Set<Long> inactive;

    StaffAccess(StaffRepository staff) {
        this.staff = staff;
    }

    /** Whether the member may still act (sign in, refresh, use an access token issued before). */
    public boolean active(long staffId) {
        Set<Long> known = inactive;
        if (known == null) {
            known = reload();
        }
        return !known.contains(staffId);
    }

    @Override
    public void changed(RecordChanged change) {
        if (change.entity() == Entity.STAFF) {
            reload();
        }
    }

    @Scheduled(fixedDelay = "${attendance.staff.inactive-refresh:1s}", initialDelay = "1s")
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Reading the switched-off staff failed; keeping the last list: {}", e.toString());
        }
    }

    private Set<Long> reload() {
        Set<Long> read = Set.copyOf(staff.inactiveIds());
        inactive = read;
        return read;
    }
}
