package uk.attendance.register;

import jakarta.inject.Singleton;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes marks so that nothing is overwritten: a first entry keeps its author; any later change
 * appends an amendment with the previous code, the new one, the reason, when and who.
 */
@Singleton
class MarkBook {
    private final MarkRepository marks;
    private final MarkAmendmentRepository amendments;
    private final MarkMonths months;
    private final Clock clock;

    MarkBook(MarkRepository marks, MarkAmendmentRepository amendments, MarkMonths months, Clock clock) {
        this.marks = marks;
        this.amendments = amendments;
        this.months = months;
        this.clock = clock;
    }

    enum Outcome { CREATED, AMENDED, UNCHANGED }

    record Entry(long pupilId, long schoolId, LocalDate date, Session session, RegisterCode code,
                 Optional<LocalTime> arrival) {
    }

    record Written(MarkRecord mark, Outcome outcome) {
    }

    Written write(Optional<MarkRecord> existing, Entry entry, Optional<String> reason, Author author) {
        LocalDateTime now = now();
        if (existing.isEmpty()) {
            MarkRecord saved = marks.save(newMark(entry, reason, author, now));
            months.record(List.of(change(Optional.empty(), entry)));
            months.written(entry.schoolId(), java.util.Set.of(entry.date()));
            return new Written(saved, Outcome.CREATED);
        }
        MarkRecord current = existing.get();
        if (unchanged(current, entry)) {
            return new Written(current, Outcome.UNCHANGED);
        }
        MarkRecord amended = current.amendedTo(entry.code().symbol(), entry.arrival().orElse(null), now);
        marks.update(amended);
        months.record(List.of(change(existing, entry)));
        months.written(entry.schoolId(), java.util.Set.of(entry.date()));
        amendments.save(amendment(current, entry, reason.orElseThrow(), author, now));
        return new Written(amended, Outcome.AMENDED);
    }

    /** Many entries at once (MIS import): new marks are inserted in batches. */
    List<Written> writeAll(List<Optional<MarkRecord>> existing, List<Entry> entries, String reason, Author author) {
        LocalDateTime now = now();
        List<Written> written = new ArrayList<>(entries.size());
        List<MarkRecord> fresh = new ArrayList<>();
        List<MarkAmendmentRecord> trail = new ArrayList<>();
        List<MarkMonths.Change> changes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Optional<MarkRecord> current = existing.get(i);
            if (current.isEmpty()) {
                fresh.add(newMark(entry, Optional.of(reason), author, now));
                changes.add(change(current, entry));
            } else if (unchanged(current.get(), entry)) {
                written.add(new Written(current.get(), Outcome.UNCHANGED));
            } else {
                MarkRecord amended = current.get().amendedTo(entry.code().symbol(), entry.arrival().orElse(null), now);
                marks.update(amended);
                changes.add(change(current, entry));
                trail.add(amendment(current.get(), entry, reason, author, now));
                written.add(new Written(amended, Outcome.AMENDED));
            }
        }
        months.record(changes);
        java.util.Map<Long, java.util.Set<LocalDate>> stale = new java.util.TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (existing.get(i).isEmpty() || !unchanged(existing.get(i).get(), entries.get(i))) {
                stale.computeIfAbsent(entries.get(i).schoolId(), k -> new java.util.TreeSet<>()).add(entries.get(i).date());
            }
        }
        stale.forEach(months::written);
        if (!fresh.isEmpty()) {
            marks.saveAll(fresh).forEach(m -> written.add(new Written(m, Outcome.CREATED)));
        }
        if (!trail.isEmpty()) {
            amendments.saveAll(trail);
        }
        return written;
    }

    private static MarkMonths.Change change(Optional<MarkRecord> current, Entry entry) {
        return new MarkMonths.Change(entry.pupilId(), entry.date(), entry.session(), entry.code().symbol(),
                current.map(MarkRecord::code));
    }

    private static boolean unchanged(MarkRecord current, Entry entry) {
        return current.code().equals(entry.code().symbol())
                && Objects.equals(current.arrivalTime(), entry.arrival().orElse(null));
    }

    private static MarkRecord newMark(Entry e, Optional<String> reason, Author author, LocalDateTime now) {
        String code = e.code().symbol();
        LocalTime arrival = e.arrival().orElse(null);
        return new MarkRecord(null, e.pupilId(), e.schoolId(), e.date(), e.session(), code, arrival, code, arrival,
                reason.orElse(null), now, author.staffId().orElse(null), author.name(), author.position(), 0, now);
    }

    private static MarkAmendmentRecord amendment(MarkRecord current, Entry e, String reason, Author author, LocalDateTime now) {
        return new MarkAmendmentRecord(null, current.id(), current.code(), e.code().symbol(), e.arrival().orElse(null),
                reason, now, author.staffId().orElse(null), author.name(), author.position());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
