package uk.attendance.register;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** A caller of the register's locks that opens the transaction they need, as the morning's steps do. */
@Singleton
class LockingCaller {
    private static final LocalDate DAY = LocalDate.of(2025, 11, 20);

    @Transactional
    public boolean one(RegisterService register, long pupilId) {
        return register.lockIfUnexplained(pupilId, DAY, Session.AM);
    }

    @Transactional
    public Set<Long> several(RegisterService register, Collection<Long> pupilIds) {
        return register.lockIfUnexplained(pupilIds, DAY, Session.AM);
    }
}
