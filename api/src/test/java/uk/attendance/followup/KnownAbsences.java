package uk.attendance.followup;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import uk.attendance.register.AbsenceExpectations;
import uk.attendance.rules.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the absences a parent reports before the register (issue 4, another feature): tests say what the
 * family reported, and the register close finds it through the same {@link AbsenceExpectations} hook. Empty unless a
 * test fills it, so other tests see no difference.
 */
@Singleton
@Order(1)
public class KnownAbsences implements AbsenceExpectations {
    private final Map<String, Expected> reported = new ConcurrentHashMap<>();

    public void report(long pupilId, LocalDate date, Expected expected) {
        reported.put(pupilId + "|" + date, expected);
    }

    @Override
    public Map<Long, Expected> forSession(Collection<Long> pupilIds, LocalDate date, Session session) {
        Map<Long, Expected> known = new HashMap<>();
        for (long id : pupilIds) {
            Expected e = reported.get(id + "|" + date);
            if (e != null) {
                known.put(id, e);
            }
        }
        return known;
    }
}
