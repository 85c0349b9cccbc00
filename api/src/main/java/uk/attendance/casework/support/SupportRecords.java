package uk.attendance.casework.support;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.casework.chronology.ChronologyEntry;
import uk.attendance.casework.chronology.ChronologySource;
import uk.attendance.contract.model.SupportRecordInput;
import uk.attendance.contract.model.SupportReviewInput;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolService;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Support meetings, targeted support plans and contracts, and their reviews. Staff of the pupil's school record and
 * change them; a parent/carer who acts for the child reads them ({@link PupilService#visibleTo}: anyone else 404).
 */
@Singleton
public class SupportRecords implements ChronologySource {
    private static final Logger LOG = LoggerFactory.getLogger(SupportRecords.class);

    private final SupportRecordRepository records;
    private final SupportReviewRepository reviews;
    private final SupportSettingsStore settings;
    private final SupportJson json;
    private final PupilService pupils;
    private final SchoolService schools;
    private final StaffService staff;
    private final Clock clock;

    SupportRecords(SupportRecordRepository records, SupportReviewRepository reviews, SupportSettingsStore settings,
                   SupportJson json, PupilService pupils, SchoolService schools, StaffService staff, Clock clock) {
        this.records = records;
        this.reviews = reviews;
        this.settings = settings;
        this.json = json;
        this.pupils = pupils;
        this.schools = schools;
        this.staff = staff;
        this.clock = clock;
    }

    /** A record as it is shown: its row, the owner's name, attendees, actions and reviews (oldest first). */
    public record SupportRecordView(SupportRecordRow row, String ownerName, List<String> attendees,
                                    List<SupportJson.Action> actions, List<SupportReviewRow> reviews) {
    }

    public List<SupportRecordView> ofPupil(Caller caller, long pupilId) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        List<SupportRecordRow> rows = records.ofPupil(pupil.id());
        return views(rows);
    }

    /** A school's records, newest first; with {@code reviewDueBy}, the open ones to review by then, soonest first. */
    public List<SupportRecordView> ofSchool(Caller caller, long schoolId, Optional<String> kind, Optional<LocalDate> reviewDueBy) {
        schools.forStaff(caller, schoolId);
        return views(reviewDueBy.map(d -> records.reviewsDue(schoolId, kind.orElse(null), d))
                .orElseGet(() -> records.ofSchool(schoolId, kind.orElse(null))));
    }

    /**
     * A pupil's records and their reviews as chronology items (no access check: the chronology checks the caller); all
     * of them are for the family too. A record sits on its start date, a review on its date.
     */
    @Override
    public List<ChronologyEntry> forChronology(long pupilId) {
        List<ChronologyEntry> out = new ArrayList<>();
        for (SupportRecordView v : views(records.ofPupil(pupilId))) {
            SupportRecordRow r = v.row();
            String title = switch (r.kind()) {
                case MEETING -> "Support meeting";
                case SUPPORT_PLAN -> "Attendance targeted support plan";
                case ATTENDANCE_CONTRACT -> "Attendance contract";
                case PARENTING_CONTRACT -> "Parenting contract";
            };
            ChronologyEntry.Kind kind = switch (r.kind()) {
                case MEETING -> ChronologyEntry.Kind.MEETING;
                case SUPPORT_PLAN -> ChronologyEntry.Kind.PLAN;
                case ATTENDANCE_CONTRACT, PARENTING_CONTRACT -> ChronologyEntry.Kind.CONTRACT;
            };
            out.add(new ChronologyEntry(kind, ChronologyEntry.onDate(r.startsOn()), title,
                    ChronologyEntry.shortened(r.agreed() != null ? r.agreed() : r.terms()), r.createdByName(),
                    "support-record", r.id(), true, false));
            for (SupportReviewRow x : v.reviews()) {
                out.add(new ChronologyEntry(ChronologyEntry.Kind.REVIEW, ChronologyEntry.onDate(x.reviewedOn()),
                        "Review of the " + title.toLowerCase(java.util.Locale.ROOT) + ": " + x.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        ChronologyEntry.shortened(x.note()), x.createdByName(), "support-review", x.id(), true, false));
            }
        }
        return out;
    }

    public SupportRecordView get(Caller caller, long recordId) {
        return views(List.of(visible(caller, recordId))).get(0);
    }

    @Transactional
    public SupportRecordView create(Caller caller, long pupilId, SupportRecordInput in) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        SupportRecordRow.Kind kind = SupportRecordRow.Kind.valueOf(in.getKind().getValue());
        StaffRecord owner = owner(caller, pupil, Optional.ofNullable(in.getOwnerStaffId()));
        check(in, in.getStartsOn());
        LocalDate nextReview = Optional.ofNullable(in.getNextReviewOn()).orElseGet(() -> kind == SupportRecordRow.Kind.MEETING
                ? null : in.getStartsOn().plusWeeks(settings.reviewWeeks(pupil.schoolId())));
        LocalDateTime now = now();
        SupportRecordRow saved = records.save(new SupportRecordRow(null, pupil.schoolId(), pupil.id(), kind,
                SupportRecordRow.Status.ACTIVE, in.getStartsOn(), in.getEndsOn(), json.attendees(attendees(in)),
                blankToNull(in.getAgreed()), blankToNull(in.getTerms()), json.actions(actions(in)), owner.id(), nextReview,
                null, now, caller.name(), now, caller.name()));
        LOG.info("Support record {} ({}) for pupil {} created by staff {}", saved.id(), kind, pupil.id(), caller.id());
        return views(List.of(saved)).get(0);
    }

    @Transactional
    public SupportRecordView update(Caller caller, long recordId, SupportRecordInput in) {
        SupportRecordRow row = visible(caller, recordId);
        if (!row.kind().name().equals(in.getKind().getValue())) {
            throw ApiProblem.invalid("kind", "a record's kind cannot change (it is " + row.kind() + "): record a new one instead");
        }
        if (row.status() == SupportRecordRow.Status.CLOSED) {
            throw ApiProblem.conflict("Support record " + recordId + " is closed: record a new one instead");
        }
        PupilRecord pupil = pupils.visibleTo(caller, row.pupilId());
        StaffRecord owner = owner(caller, pupil, Optional.ofNullable(in.getOwnerStaffId()).or(() -> Optional.of(row.ownerStaffId())));
        check(in, in.getStartsOn());
        SupportRecordRow updated = records.update(new SupportRecordRow(row.id(), row.schoolId(), row.pupilId(), row.kind(),
                row.status(), in.getStartsOn(), in.getEndsOn(), json.attendees(attendees(in)), blankToNull(in.getAgreed()),
                blankToNull(in.getTerms()), json.actions(actions(in)), owner.id(),
                Optional.ofNullable(in.getNextReviewOn()).orElse(row.nextReviewOn()), row.remindedFor(), row.createdAt(),
                row.createdByName(), now(), caller.name()));
        LOG.info("Support record {} updated by staff {}", row.id(), caller.id());
        return views(List.of(updated)).get(0);
    }

    @Transactional
    public SupportRecordView review(Caller caller, long recordId, SupportReviewInput in) {
        SupportRecordRow row = visible(caller, recordId);
        if (row.status() == SupportRecordRow.Status.CLOSED) {
            throw ApiProblem.conflict("Support record " + recordId + " is closed: it has no further reviews");
        }
        LocalDate today = today(row.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        if (in.getReviewedOn().isAfter(today)) {
            problems.add(new FieldProblem("reviewedOn", "cannot be in the future (today is " + today + ")"));
        }
        if (in.getReviewedOn().isBefore(row.startsOn())) {
            problems.add(new FieldProblem("reviewedOn", "cannot be before the record starts (" + row.startsOn() + ")"));
        }
        if (in.getNextReviewOn() != null && !in.getNextReviewOn().isAfter(in.getReviewedOn())) {
            problems.add(new FieldProblem("nextReviewOn", "must be after reviewedOn"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        SupportReviewRow.Outcome outcome = SupportReviewRow.Outcome.valueOf(in.getOutcome().getValue());
        boolean closes = outcome == SupportReviewRow.Outcome.CLOSE;
        LocalDate next = closes ? null : Optional.ofNullable(in.getNextReviewOn())
                .orElseGet(() -> in.getReviewedOn().plusWeeks(settings.reviewWeeks(row.schoolId())));
        LocalDateTime now = now();
        reviews.save(new SupportReviewRow(null, row.id(), in.getReviewedOn(), outcome, blankToNull(in.getNote()), next, now,
                caller.name()));
        SupportRecordRow updated = records.update(new SupportRecordRow(row.id(), row.schoolId(), row.pupilId(), row.kind(),
                closes ? SupportRecordRow.Status.CLOSED : row.status(), row.startsOn(), row.endsOn(), row.attendees(),
                row.agreed(), row.terms(), row.actions(), row.ownerStaffId(), next, row.remindedFor(), row.createdAt(),
                row.createdByName(), now, caller.name()));
        LOG.info("Support record {} reviewed ({}) by staff {}", row.id(), outcome, caller.id());
        return views(List.of(updated)).get(0);
    }

    public int reviewWeeks(Caller caller, long schoolId) {
        requireSchool(caller, schoolId);
        return settings.reviewWeeks(schoolId);
    }

    @Transactional
    public int setReviewWeeks(Caller caller, long schoolId, int weeks) {
        requireSchool(caller, schoolId);
        settings.setReviewWeeks(schoolId, weeks);
        return weeks;
    }

    public int reminderDaysBefore() {
        return settings.reminderDaysBefore();
    }

    private void requireSchool(Caller caller, long schoolId) {
        schools.forStaff(caller, schoolId);
    }

    private SupportRecordRow visible(Caller caller, long recordId) {
        SupportRecordRow row = records.findById(recordId)
                .orElseThrow(() -> ApiProblem.notFound("No support record " + recordId));
        try {
            pupils.visibleTo(caller, row.pupilId());
        } catch (ApiProblem e) {
            throw ApiProblem.notFound("No support record " + recordId);
        }
        return row;
    }

    /** The owner: a member of staff of the pupil's school, or a trust administrator of its trust. */
    private StaffRecord owner(Caller caller, PupilRecord pupil, Optional<Long> ownerStaffId) {
        long id = ownerStaffId.orElse(caller.id());
        return staff.find(id)
                .filter(StaffRecord::active)
                .filter(s -> s.trustId() == caller.trustId())
                .filter(s -> s.schoolId() == null ? s.roleList().contains(Roles.TRUST_ADMIN) : s.schoolId() == pupil.schoolId())
                .orElseThrow(() -> ApiProblem.invalid("ownerStaffId", "no member of staff " + id + " at the pupil's school"));
    }

    private static void check(SupportRecordInput in, LocalDate startsOn) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.getEndsOn() != null && in.getEndsOn().isBefore(startsOn)) {
            problems.add(new FieldProblem("endsOn", "cannot be before startsOn"));
        }
        if (in.getNextReviewOn() != null && in.getNextReviewOn().isBefore(startsOn)) {
            problems.add(new FieldProblem("nextReviewOn", "cannot be before startsOn"));
        }
        var actions = Optional.ofNullable(in.getActions()).orElse(List.of());
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).getWhat().isBlank()) {
                problems.add(new FieldProblem("actions[" + i + "].what", "must not be blank"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    private static List<String> attendees(SupportRecordInput in) {
        return Optional.ofNullable(in.getAttendees()).orElse(List.of()).stream().map(String::strip).toList();
    }

    private static List<SupportJson.Action> actions(SupportRecordInput in) {
        return Optional.ofNullable(in.getActions()).orElse(List.of()).stream()
                .map(a -> new SupportJson.Action(a.getWhat().strip(), a.getOwner().strip(), a.getDueOn(),
                        Boolean.TRUE.equals(a.getDone())))
                .toList();
    }

    private List<SupportRecordView> views(List<SupportRecordRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<SupportReviewRow>> byRecord = reviews.ofRecords(rows.stream().map(SupportRecordRow::id).toList())
                .stream().collect(Collectors.groupingBy(SupportReviewRow::supportRecordId));
        Map<Long, String> owners = new java.util.HashMap<>();
        return rows.stream().map(r -> new SupportRecordView(r,
                        owners.computeIfAbsent(r.ownerStaffId(), id -> staff.find(id).map(StaffRecord::name).orElse("")),
                        json.attendees(r.attendees()), json.actions(r.actions()),
                        byRecord.getOrDefault(r.id(), List.of()).stream()
                                .sorted(Comparator.comparing(SupportReviewRow::reviewedOn).thenComparing(SupportReviewRow::id)).toList()))
                .toList();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
    }

    private LocalDate today(long schoolId) {
        ZoneId zone = schools.find(schoolId).map(s -> s.zone()).orElse(ZoneId.of("Europe/London"));
        return LocalDate.now(clock.withZone(zone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
