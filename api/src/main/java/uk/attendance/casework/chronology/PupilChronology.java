package uk.attendance.casework.chronology;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.absence.AbsenceReportService;
import uk.attendance.leave.LeaveService;
import uk.attendance.followup.records.CallOutcome;
import uk.attendance.followup.tasks.PupilCalls;
import uk.attendance.followup.records.TaskKind;
import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.notify.outbox.OutboxRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.MarkAmendmentRecord;
import uk.attendance.register.MarkRecord;
import uk.attendance.register.RegisterService;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pupil's chronology: each feature reports its items through its own service, merged here in memory, newest first
 * (a pupil's year is a few hundred items). Staff of the school see everything but safeguarding notes, which only the
 * DSL, headteacher and trust administrators see; a family sees only the items meant for them.
 */
@Singleton
class PupilChronology {
    private static final Logger LOG = LoggerFactory.getLogger(PupilChronology.class);
    private static final Set<String> SAFEGUARDING_READERS = Set.of(Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN);
    static final Comparator<ChronologyEntry> NEWEST_FIRST = Comparator.comparing(ChronologyEntry::at).reversed()
            .thenComparing(ChronologyEntry::kind)
            .thenComparing(Comparator.comparingLong(ChronologyEntry::refId).reversed());

    /** The newest texts and pushes about the pupil (a school year holds far fewer). */
    private static final int MESSAGES = 1000;

    private final PupilService pupils;
    private final List<ChronologySource> sources;
    private final RegisterService register;
    private final AbsenceReportService absences;
    private final LeaveService leave;
    private final Outbox outbox;
    private final PupilCalls calls;
    private final ChronologyNoteRepository notes;
    private final Clock clock;

    PupilChronology(PupilService pupils, List<ChronologySource> sources, RegisterService register, AbsenceReportService absences,
                    LeaveService leave, Outbox outbox, PupilCalls calls, ChronologyNoteRepository notes,
                    Clock clock) {
        this.pupils = pupils;
        this.sources = sources;
        this.register = register;
        this.absences = absences;
        this.leave = leave;
        this.outbox = outbox;
        this.calls = calls;
        this.notes = notes;
        this.clock = clock;
    }

    record Page(int page, int limit, boolean hasMore, List<ChronologyEntry> items) {
    }

    Page read(Caller caller, long pupilId, Optional<ChronologyEntry.Kind> kind, int page, int limit) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        List<ChronologyEntry> all = new ArrayList<>();
        sources.forEach(source -> all.addAll(source.forChronology(pupil.id())));
        absences.reportsOf(pupil.id()).stream().map(PupilChronology::report).forEach(all::add);
        leave.requestsOf(pupil.id()).forEach(l -> leave(l, all));
        outbox.ofPupil(pupil.id(), Optional.empty(), Optional.empty(), MESSAGES).stream()
                .map(PupilChronology::message).forEach(all::add);
        calls.of(pupil.id()).forEach(c -> call(c, all));
        register.amendmentsOf(pupil.id()).forEach(t -> t.amendments().forEach(a -> all.add(change(t.mark(), a))));
        notes.ofPupil(pupil.id()).stream().map(PupilChronology::entry).forEach(all::add);
        boolean safeguarding = !caller.isParent() && caller.roles().stream().anyMatch(SAFEGUARDING_READERS::contains);
        List<ChronologyEntry> visible = all.stream()
                .filter(e -> caller.isParent() ? e.forFamily() : !e.dslOnly() || safeguarding)
                .filter(e -> kind.map(k -> e.kind() == k).orElse(true))
                .sorted(NEWEST_FIRST)
                .toList();
        long from = (long) (page - 1) * limit;
        List<ChronologyEntry> items = visible.stream().skip(from).limit(limit).toList();
        return new Page(page, limit, from + items.size() < visible.size(), items);
    }

    @Transactional
    ChronologyEntry addNote(Caller caller, long pupilId, String text, boolean dslOnly) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        String by = caller.position() == null || caller.position().isBlank()
                ? caller.name() : caller.name() + " (" + caller.position() + ")";
        ChronologyNoteRow saved = notes.save(new ChronologyNoteRow(null, pupil.schoolId(), pupil.id(), text.strip(), dslOnly,
                LocalDateTime.now(clock), caller.id(), by));
        LOG.info("Chronology note {} (dslOnly={}) for pupil {} added by staff {}", saved.id(), dslOnly, pupil.id(), caller.id());
        return entry(saved);
    }

    /** An absence report a parent/carer made, with its reason: for staff only. */
    private static ChronologyEntry report(AbsenceReportService.PupilReport r) {
        String days = r.firstDay().equals(r.lastDay()) ? r.firstDay().toString() : r.firstDay() + " to " + r.lastDay();
        return new ChronologyEntry(ChronologyEntry.Kind.ABSENCE_REPORT, r.reportedAt().toInstant(ZoneOffset.UTC),
                "Absence reported for " + days, words(r.reason()) + " (" + words(r.status()) + ")", "parent/carer",
                "absence-report", r.id(), false, false);
    }

    /** A leave request, and its decision when there is one: for staff only. */
    private static void leave(LeaveService.PupilLeave l, List<ChronologyEntry> out) {
        String days = l.firstDay().equals(l.lastDay()) ? l.firstDay().toString() : l.firstDay() + " to " + l.lastDay();
        out.add(new ChronologyEntry(ChronologyEntry.Kind.LEAVE_REQUEST, l.requestedAt().toInstant(ZoneOffset.UTC),
                "Leave requested for " + days, ChronologyEntry.shortened(words(l.type()) + ": " + l.reason()), "parent/carer",
                "leave-request", l.id(), false, false));
        l.decidedAt().ifPresent(at -> out.add(new ChronologyEntry(ChronologyEntry.Kind.LEAVE_REQUEST,
                at.toInstant(ZoneOffset.UTC), "Leave request " + words(l.status()).toLowerCase(java.util.Locale.ROOT),
                ChronologyEntry.shortened(l.decisionReason().orElse(null)), l.decidedBy().orElse("system"),
                "leave-request", l.id(), false, false)));
    }

    /**
     * A call task (or home visit) the morning raised, and each attempt staff recorded: for staff only. A concern goes to
     * the DSL, so its words are a safeguarding note (DSL, headteacher, trust administrators).
     */
    private static void call(PupilCalls.Call c, List<ChronologyEntry> out) {
        String what = c.kind() == TaskKind.HOME_VISIT ? "Home visit" : "Call";
        out.add(new ChronologyEntry(ChronologyEntry.Kind.CALL, c.raisedAt().toInstant(ZoneOffset.UTC),
                what + " task raised for " + c.schoolDay(), "Absent without word, day " + c.consecutiveDays(), "system",
                "call-task", c.taskId(), false, false));
        for (PupilCalls.Attempt a : c.attempts()) {
            String outcome = switch (a.outcome()) {
                case REACHED -> "reached" + (a.code() == null ? "" : ", recorded as " + a.code());
                case NO_ANSWER -> "no answer";
                case CONCERN -> "concern passed to the DSL";
            };
            out.add(new ChronologyEntry(ChronologyEntry.Kind.CALL, a.recordedAt().toInstant(ZoneOffset.UTC),
                    what + ": " + outcome, ChronologyEntry.shortened(a.note()), a.staffName(), "call-task", c.taskId(),
                    false, a.outcome() == CallOutcome.CONCERN));
        }
    }

    /** A text or push about the pupil, as staff see it in the pupil's messages: what for and how it went, no body. */
    private static ChronologyEntry message(OutboxRecord m) {
        boolean text = m.channel() == OutboxMessage.Channel.TEXT;
        String to = m.toPersonKind() == uk.attendance.caller.Caller.Kind.STAFF ? "staff" : "parent/carer";
        return new ChronologyEntry(text ? ChronologyEntry.Kind.TEXT : ChronologyEntry.Kind.PUSH,
                m.createdAt().toInstant(ZoneOffset.UTC), (text ? "Text" : "Push") + " to " + to + ": " + words(m.purpose()),
                words(m.status().name()) + Optional.ofNullable(m.deliveryStatus()).map(d -> ", " + d).orElse(""),
                "system", "message", m.id(), false, false);
    }

    private static String words(String constant) {
        String w = constant.replace('_', ' ').replace('-', ' ').toLowerCase(java.util.Locale.ROOT);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A change to a mark, with its reason: for staff only. */
    private static ChronologyEntry change(MarkRecord mark, MarkAmendmentRecord a) {
        String by = a.amendedByPosition() == null || a.amendedByPosition().isBlank()
                ? a.amendedByName() : a.amendedByName() + " (" + a.amendedByPosition() + ")";
        return new ChronologyEntry(ChronologyEntry.Kind.REGISTER_CHANGE, a.amendedAt().toInstant(ZoneOffset.UTC),
                "Mark " + mark.sessionDate() + " " + mark.session() + ": " + a.originalCode() + " → " + a.newCode(),
                ChronologyEntry.shortened(a.reason()), by, "mark-amendment", a.id(), false, false);
    }

    private static ChronologyEntry entry(ChronologyNoteRow n) {
        return new ChronologyEntry(ChronologyEntry.Kind.NOTE, n.createdAt().toInstant(ZoneOffset.UTC),
                n.dslOnly() ? "Safeguarding note" : "Staff note", n.text(), n.createdByName(), "chronology-note", n.id(),
                false, n.dslOnly());
    }
}
