package uk.attendance.returns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Matches the returns the register shows are due against the stored ones and stores what is new, in one transaction.
 * A found attendance or sickness return is the stored one of the same pupil and kind whose period overlaps it (the
 * same run continuing, or the same continuous period of sickness): a sent return is never proposed again for its
 * period. New-pupil and deletion returns match on the admission or leaving date. Idempotent: storing the same
 * findings again changes nothing; two readers at once store a return once (unique pupil, kind, start).
 */
@Singleton
class ReturnStore {
    private final LaReturnRepository returns;
    private final Clock clock;

    ReturnStore(LaReturnRepository returns, Clock clock) {
        this.returns = returns;
        this.clock = clock;
    }

    @Transactional
    void store(long schoolId, List<FoundReturn> found, LocalDate yearStart, LocalDate asOf) {
        List<LaReturnRow> stored = returns.reachingInto(schoolId, yearStart);
        Set<Long> matched = new HashSet<>();
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        for (FoundReturn f : found) {
            Optional<LaReturnRow> same = stored.stream()
                    .filter(r -> r.pupilId() == f.pupilId() && r.kind() == f.kind() && !matched.contains(r.id()))
                    .filter(r -> f.kind().coversPeriod() ? r.overlaps(f.periodStart(), f.periodEnd())
                            : r.periodStart().equals(f.periodStart()))
                    .findFirst();
            if (same.isPresent()) {
                LaReturnRow r = same.get();
                matched.add(r.id());
                LocalDate end = f.periodEnd().isAfter(r.periodEnd()) ? f.periodEnd() : r.periodEnd();
                if (r.status() == LaReturnRow.Status.DUE && (!end.equals(r.periodEnd()) || !f.dueOn().equals(r.dueOn())
                        || !f.sendBy().equals(Optional.ofNullable(r.sendBy()))
                        || !f.sicknessTrigger().equals(Optional.ofNullable(r.sicknessTrigger())))) {
                    returns.refreshDue(r.id(), end, f.dueOn(), f.sendBy().orElse(null), f.sicknessTrigger().orElse(null));
                }
            } else {
                returns.insertIgnore(schoolId, f.pupilId(), f.kind().name(), f.periodStart(), f.periodEnd(), f.dueOn(),
                        f.sendBy().orElse(null), f.sicknessTrigger().orElse(null), now);
            }
        }
        // A due return the register no longer shows (a mark amended, an admission corrected) is withdrawn.
        for (LaReturnRow r : stored) {
            if (r.status() == LaReturnRow.Status.DUE && !matched.contains(r.id())
                    && !r.dueOn().isBefore(yearStart) && !r.dueOn().isAfter(asOf)) {
                returns.withdrawDue(r.id());
            }
        }
    }
}
