package uk.attendance.parttime;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.rules.CompulsorySchoolAge;
import uk.attendance.rules.CompulsorySchoolAgePeriod;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Temporary part-time timetables (rule book §4; policy 002 "Part-time timetables"): staff of the pupil's school agree
 * them with the parent the pupil normally lives with, review them, extend or end them; a parent/carer who acts for the
 * child reads them without the staff-only fields ({@link PupilService#visibleTo}: anyone else 404). The register
 * records C2 for the off-timetable sessions through {@link PartTimeExpectations}. The reason is never logged.
 */
@Singleton
public class PartTimeTimetables {
    /** Convention: longer than this needs a written reason (the policy's "shortest time necessary"). */
    static final int DAYS_WITHOUT_LONGER_REASON = 42;
    private static final Logger LOG = LoggerFactory.getLogger(PartTimeTimetables.class);

    private final PartTimeTimetableRepository timetables;
    private final PartTimeReviewRepository reviews;
    private final PupilService pupils;
    private final SchoolService schools;
    private final Clock clock;

    PartTimeTimetables(PartTimeTimetableRepository timetables, PartTimeReviewRepository reviews, PupilService pupils,
                       SchoolService schools, Clock clock) {
        this.timetables = timetables;
        this.reviews = reviews;
        this.pupils = pupils;
        this.schools = schools;
        this.clock = clock;
    }

    /**
     * An agreement as shown to the caller: staff see everything, a parent/carer not the staff-only fields (the
     * reason, why it is longer, the review and end notes).
     */
    public record View(PartTimeTimetableRow row, PartTimeStatus status, List<OffSession> offSessions,
                       List<LocalDate> reviewDates, Optional<LocalDate> nextReviewOn, String agreedWith,
                       List<PartTimeReviewRow> reviews, boolean forStaff) {
    }

    public List<View> ofPupil(Caller caller, long pupilId) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        return views(caller, timetables.ofPupil(pupil.id()));
    }

    public List<View> ofSchool(Caller caller, long schoolId, PartTimeStatus status) {
        schools.forStaff(caller, schoolId);
        LocalDate today = today(schoolId);
        return views(caller, switch (status) {
            case ACTIVE -> timetables.activeAtSchool(schoolId, today);
            case EXPIRED -> timetables.expiredAtSchool(schoolId, today);
            case ENDED -> timetables.endedAtSchool(schoolId);
        });
    }

    public View get(Caller caller, long timetableId) {
        return views(caller, List.of(visible(caller, timetableId))).get(0);
    }

    @Transactional
    public View create(Caller caller, long pupilId, PartTimeAgreement in) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        LocalDate today = today(pupil.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        Set<OffSession> seen = new HashSet<>();
        for (int i = 0; i < in.offSessions().size(); i++) {
            if (!seen.add(in.offSessions().get(i))) {
                problems.add(new FieldProblem("offSessions[" + i + "]", "appears twice"));
            }
        }
        if (in.startsOn().isBefore(today)) {
            problems.add(new FieldProblem("startsOn", "cannot be before today (" + today
                    + "): leave of absence is never granted retrospectively"));
        }
        if (!pupil.onRollOn(in.startsOn())) {
            problems.add(new FieldProblem("startsOn", "the pupil is not on roll on " + in.startsOn()));
        }
        CompulsorySchoolAgePeriod csa = CompulsorySchoolAge.of(pupil.dateOfBirth());
        if (!csa.includes(in.startsOn())) {
            problems.add(new FieldProblem("startsOn", "the pupil is not of compulsory school age on " + in.startsOn()
                    + " (from " + csa.from() + " until " + csa.until() + "): code C2, and so a part-time timetable, is"
                    + " for pupils of compulsory school age only"));
        }
        if (in.proposedEndOn().isBefore(in.startsOn())) {
            problems.add(new FieldProblem("proposedEndOn", "cannot be before startsOn (" + in.startsOn() + ")"));
        } else if (ChronoUnit.DAYS.between(in.startsOn(), in.proposedEndOn()) > DAYS_WITHOUT_LONGER_REASON
                && in.longerReason().filter(s -> !s.isBlank()).isEmpty()) {
            problems.add(new FieldProblem("longerReason", "required when proposedEndOn is more than 6 weeks ("
                    + DAYS_WITHOUT_LONGER_REASON + " days) after startsOn: a part-time timetable is for the shortest time"
                    + " necessary (it can be extended at a review)"));
        }
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < in.reviewDates().size(); i++) {
            LocalDate d = in.reviewDates().get(i);
            if (d.isBefore(in.startsOn()) || d.isAfter(in.proposedEndOn())) {
                problems.add(new FieldProblem("reviewDates[" + i + "]", "must be from startsOn (" + in.startsOn()
                        + ") to proposedEndOn (" + in.proposedEndOn() + ")"));
            } else if (!dates.add(d)) {
                problems.add(new FieldProblem("reviewDates[" + i + "]", "appears twice"));
            }
        }
        if (in.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "must not be blank"));
        }
        Optional<ContactRecord> parent = livesWith(pupil, in.agreedWithContactId());
        if (parent.isEmpty()) {
            problems.add(new FieldProblem("agreedWithContactId", "must be a parent/carer of the pupil who the pupil"
                    + " normally lives with (rule book §4: agreed with the parent the pupil normally lives with)"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        List<PartTimeTimetableRow> overlapping = timetables.overlapping(pupil.id(), in.startsOn(), in.proposedEndOn());
        if (!overlapping.isEmpty()) {
            throw ApiProblem.conflict("Part-time timetable " + overlapping.get(0).id() + " of this pupil applies from "
                    + overlapping.get(0).startsOn() + " to " + overlapping.get(0).lastDay()
                    + ": end or review it instead of agreeing a second one");
        }
        LocalDateTime now = now();
        PartTimeTimetableRow saved = timetables.save(new PartTimeTimetableRow(null, pupil.schoolId(), pupil.id(),
                OffSession.format(in.offSessions()), in.startsOn(), in.proposedEndOn(), in.proposedEndOn(),
                ReviewDates.format(in.reviewDates()), PartTimeTimetableRow.ACTIVE, null, null, in.reason().strip(),
                in.longerReason().filter(s -> !s.isBlank()).map(String::strip).orElse(null), caller.id(), caller.name(),
                parent.get().id(), now, now));
        LOG.info("Part-time timetable {} for pupil {} agreed by staff {} with contact {}", saved.id(), pupil.id(),
                caller.id(), parent.get().id());
        return views(caller, List.of(saved)).get(0);
    }

    @Transactional
    public View review(Caller caller, long timetableId, PartTimeReviewDraft in) {
        PartTimeTimetableRow row = lockVisible(caller, timetableId);
        if (row.ended()) {
            throw ApiProblem.conflict("Part-time timetable " + timetableId + " ended on " + row.endedOn()
                    + ": it has no further reviews");
        }
        LocalDate today = today(row.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        if (in.reviewedOn().isAfter(today)) {
            problems.add(new FieldProblem("reviewedOn", "cannot be in the future (today is " + today + ")"));
        }
        if (in.reviewedOn().isBefore(row.startsOn())) {
            problems.add(new FieldProblem("reviewedOn", "cannot be before the timetable starts (" + row.startsOn() + ")"));
        }
        boolean extend = in.outcome() == PartTimeReviewRow.Outcome.EXTEND;
        LocalDate end = row.proposedEndOn();
        if (extend) {
            if (in.newEndOn().isEmpty()) {
                problems.add(new FieldProblem("newEndOn", "required to extend"));
            } else if (!in.newEndOn().get().isAfter(row.proposedEndOn())) {
                problems.add(new FieldProblem("newEndOn", "must be after the current proposed end (" + row.proposedEndOn() + ")"));
            } else {
                end = in.newEndOn().get();
            }
            if (in.note().filter(s -> !s.isBlank()).isEmpty()) {
                problems.add(new FieldProblem("note", "required to extend: say why the pupil needs longer"));
            }
        } else if (in.newEndOn().isPresent()) {
            problems.add(new FieldProblem("newEndOn", "only with the outcome EXTEND"));
        }
        if (in.nextReviewOn().isPresent()) {
            LocalDate next = in.nextReviewOn().get();
            if (in.outcome() == PartTimeReviewRow.Outcome.END) {
                problems.add(new FieldProblem("nextReviewOn", "an ended timetable has no further reviews"));
            } else if (!next.isAfter(in.reviewedOn()) || next.isAfter(end)) {
                problems.add(new FieldProblem("nextReviewOn", "must be after reviewedOn and by the proposed end (" + end + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        LocalDateTime now = now();
        String note = in.note().filter(s -> !s.isBlank()).map(String::strip).orElse(null);
        reviews.save(new PartTimeReviewRow(null, row.id(), in.reviewedOn(), in.outcome(), note,
                in.newEndOn().orElse(null), in.nextReviewOn().orElse(null), now, caller.name()));
        TreeSet<LocalDate> planned = new TreeSet<>(ReviewDates.parse(row.reviewDates()));
        in.nextReviewOn().ifPresent(planned::add);
        PartTimeTimetableRow updated = row.withPlan(end, ReviewDates.format(planned), now);
        if (in.outcome() == PartTimeReviewRow.Outcome.END) {
            LocalDate last = in.reviewedOn().isAfter(row.proposedEndOn()) ? row.proposedEndOn() : in.reviewedOn();
            updated = updated.withEnd(last, null, now);
        }
        timetables.update(updated);
        LOG.info("Part-time timetable {} reviewed ({}) by staff {}", row.id(), in.outcome(), caller.id());
        return views(caller, List.of(updated)).get(0);
    }

    @Transactional
    public View end(Caller caller, long timetableId, LocalDate endedOn, Optional<String> note) {
        PartTimeTimetableRow row = lockVisible(caller, timetableId);
        if (row.ended()) {
            throw ApiProblem.conflict("Part-time timetable " + timetableId + " already ended on " + row.endedOn());
        }
        if (endedOn.isBefore(row.startsOn()) || endedOn.isAfter(row.proposedEndOn())) {
            throw ApiProblem.invalid("endedOn", "must be from the start (" + row.startsOn() + ") to the proposed end ("
                    + row.proposedEndOn() + ")");
        }
        PartTimeTimetableRow updated = row.withEnd(endedOn, note.filter(s -> !s.isBlank()).map(String::strip).orElse(null), now());
        timetables.update(updated);
        LOG.info("Part-time timetable {} ended on {} by staff {}", row.id(), endedOn, caller.id());
        return views(caller, List.of(updated)).get(0);
    }

    /** The contact, when linked to the pupil as someone the pupil normally lives with. */
    private Optional<ContactRecord> livesWith(PupilRecord pupil, long contactId) {
        return pupils.contactsOf(pupil.id()).stream()
                .filter(l -> l.contact().id() == contactId && l.link().livesWith())
                .map(PupilService.ContactLink::contact)
                .findFirst();
    }

    private PartTimeTimetableRow visible(Caller caller, long timetableId) {
        PartTimeTimetableRow row = timetables.findById(timetableId)
                .orElseThrow(() -> ApiProblem.notFound("No part-time timetable " + timetableId));
        requireVisible(caller, row);
        return row;
    }

    private PartTimeTimetableRow lockVisible(Caller caller, long timetableId) {
        PartTimeTimetableRow row = timetables.lock(timetableId)
                .orElseThrow(() -> ApiProblem.notFound("No part-time timetable " + timetableId));
        requireVisible(caller, row);
        return row;
    }

    private void requireVisible(Caller caller, PartTimeTimetableRow row) {
        try {
            pupils.visibleTo(caller, row.pupilId());
        } catch (ApiProblem e) {
            throw ApiProblem.notFound("No part-time timetable " + row.id());
        }
    }

    private List<View> views(Caller caller, List<PartTimeTimetableRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PartTimeReviewRow>> byTimetable = reviews.ofTimetables(rows.stream().map(PartTimeTimetableRow::id).toList())
                .stream().collect(Collectors.groupingBy(PartTimeReviewRow::timetableId));
        Map<Long, String> names = new HashMap<>();
        Map<Long, LocalDate> todays = new HashMap<>();
        return rows.stream().map(r -> {
            LocalDate today = todays.computeIfAbsent(r.schoolId(), this::today);
            PartTimeStatus status = PartTimeStatus.of(r, today);
            List<LocalDate> planned = ReviewDates.parse(r.reviewDates());
            Optional<LocalDate> next = status == PartTimeStatus.ACTIVE
                    ? planned.stream().filter(d -> !d.isBefore(today)).findFirst() : Optional.empty();
            String agreedWith = names.computeIfAbsent(r.agreedWithContactId(), id -> pupils.contact(id)
                    .map(c -> c.firstName() + " " + c.lastName()).orElse(""));
            return new View(r, status, OffSession.parse(r.offSessions()), planned, next, agreedWith,
                    byTimetable.getOrDefault(r.id(), List.of()), !caller.isParent());
        }).toList();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
    }

    private LocalDate today(long schoolId) {
        ZoneId zone = schools.find(schoolId).map(s -> s.zone()).orElse(ZoneId.of("Europe/London"));
        return LocalDate.now(clock.withZone(zone));
    }
}
