package uk.attendance.casework.penalty;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.casework.chronology.ChronologyEntry;
import uk.attendance.casework.chronology.ChronologySource;
import uk.attendance.casework.support.SupportOffers;
import uk.attendance.contract.model.NoticeToImproveInput;
import uk.attendance.contract.model.PenaltyCaseInput;
import uk.attendance.contract.model.PenaltyNoticeInput;
import uk.attendance.contract.model.PenaltyPaymentInput;
import uk.attendance.contract.model.PenaltyRequestInput;
import uk.attendance.contract.model.PenaltyWithdrawalInput;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.rules.CompulsorySchoolAge;
import uk.attendance.rules.penalty.PenaltyNoticeEligibility;
import uk.attendance.rules.penalty.PenaltyNotices;
import uk.attendance.school.SchoolService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The penalty-notice pathway (rule book section 3), one case per pupil and liable parent: a notice to improve (optional,
 * a 3-6 week improvement period), a request to the local authority (support first, unless the case is a term-time
 * holiday), the notice with its payment terms ({@link PenaltyNotices}: at most 2 per parent per child in 3 years),
 * payment or withdrawal. Staff of the pupil's school only; anyone else 404.
 */
@Singleton
public class PenaltyCases implements ChronologySource {
    private static final Logger LOG = LoggerFactory.getLogger(PenaltyCases.class);
    static final int MIN_IMPROVEMENT_WEEKS = 3;
    static final int MAX_IMPROVEMENT_WEEKS = 6;

    private final PenaltyCaseRepository cases;
    private final PupilService pupils;
    private final SchoolService schools;
    private final SupportOffers support;
    private final Clock clock;
    private final int improvementWeeks;

    PenaltyCases(PenaltyCaseRepository cases, PupilService pupils, SchoolService schools, SupportOffers support, Clock clock,
                 @Value("${attendance.casework.penalty.improvement-weeks:4}") int improvementWeeks) {
        this.cases = cases;
        this.pupils = pupils;
        this.schools = schools;
        this.support = support;
        this.clock = clock;
        this.improvementWeeks = Math.max(MIN_IMPROVEMENT_WEEKS, Math.min(MAX_IMPROVEMENT_WEEKS, improvementWeeks));
    }

    public List<PenaltyCaseView> ofPupil(Caller caller, long pupilId) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        LocalDate today = today(pupil.schoolId());
        return cases.ofPupil(pupil.id()).stream().map(r -> view(r, today)).toList();
    }

    /** A school's cases, newest first; {@code stage} as each stands today (an overdue payment is read from an issued notice). */
    public List<PenaltyCaseView> ofSchool(Caller caller, long schoolId, Optional<PenaltyCaseView.Stage> stage) {
        LocalDate today = today(schools.forStaff(caller, schoolId).id());
        Optional<String> stored = stage.map(s -> s == PenaltyCaseView.Stage.PAYMENT_OVERDUE ? "ISSUED" : s.name());
        return cases.ofSchool(schoolId, stored.orElse(null)).stream().map(r -> view(r, today))
                .filter(v -> stage.map(s -> s == v.stage()).orElse(true)).toList();
    }

    /**
     * A pupil's penalty-notice steps as chronology items (no access check: the chronology checks the caller); staff
     * only. A case's opening sits when it was recorded, each later step on its date.
     */
    @Override
    public List<ChronologyEntry> forChronology(long pupilId) {
        List<ChronologyEntry> out = new ArrayList<>();
        for (PenaltyCaseRow r : cases.ofPupil(pupilId)) {
            String reason = r.reason() == PenaltyCaseRow.Reason.TERM_TIME_HOLIDAY ? "term-time holiday" : "irregular attendance";
            out.add(new ChronologyEntry(ChronologyEntry.Kind.PENALTY, r.createdAt().toInstant(ZoneOffset.UTC),
                    "Penalty-notice case opened (" + reason + ")", ChronologyEntry.shortened(r.note()), r.createdByName(),
                    "penalty-case", r.id(), false, false));
            step(out, r, r.improvementFrom(), "Notice to improve", r.improveBy() == null ? null : "Improve by " + r.improveBy());
            step(out, r, r.laRequestedOn(), "Penalty notice requested from the local authority", r.laRequestNote());
            step(out, r, r.issuedOn(), "Penalty notice issued" + (r.noticeNumber() == null ? "" : " (notice " + r.noticeNumber() + ")"),
                    r.receivedOn() == null ? null : "Received " + r.receivedOn());
            step(out, r, r.paidOn(), "Penalty notice paid", r.amountPaid() == null ? null : "£" + r.amountPaid().stripTrailingZeros().toPlainString());
            step(out, r, r.withdrawnOn(), "Penalty-notice case withdrawn", r.withdrawalReason());
        }
        return out;
    }

    private static void step(List<ChronologyEntry> out, PenaltyCaseRow r, LocalDate on, String title, String detail) {
        if (on != null) {
            out.add(new ChronologyEntry(ChronologyEntry.Kind.PENALTY, ChronologyEntry.onDate(on), title,
                    ChronologyEntry.shortened(detail), "school staff", "penalty-case", r.id(), false, false));
        }
    }

    public PenaltyCaseView get(Caller caller, long caseId) {
        PenaltyCaseRow row = visible(caller, caseId, false);
        return view(row, today(row.schoolId()));
    }

    /**
     * Where the pupil's latest case stands, for the penalty status: a parent's own case (cases are per liable parent),
     * or for staff the pupil's latest case. Call it once the caller's access to the pupil is checked. One indexed read:
     * the status line shows the stage, its dates and the parent's headline, so the parent's name and the support
     * offered (which only word staff's next step) are not read.
     */
    public Optional<PenaltyCaseView> latestFor(Caller caller, long pupilId) {
        Optional<PenaltyCaseRow> row = caller.isParent() ? cases.latestOfPupilAndParent(pupilId, caller.id())
                : cases.latestOfPupil(pupilId);
        return row.map(r -> PenaltyCaseView.of(r, "", false, today(r.schoolId())));
    }

    @Transactional
    public PenaltyCaseView open(Caller caller, long pupilId, PenaltyCaseInput in) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        long contactId = in.getParentContactId();
        if (!pupils.actsFor(contactId, pupil.id())) {
            throw ApiProblem.invalid("parentContactId", "contact " + contactId
                    + " is not a parent/carer who acts for this pupil (parental responsibility, or the child lives with them)");
        }
        LocalDate today = today(pupil.schoolId());
        if (!CompulsorySchoolAge.of(pupil.dateOfBirth()).includes(today)) {
            throw new PenaltyRefused(PenaltyRefused.Why.NOT_OF_COMPULSORY_SCHOOL_AGE, "Penalty notices apply only to pupils"
                    + " of compulsory school age, and this pupil is not today");
        }
        if (cases.anyOpen(pupil.id(), contactId)) {
            throw new PenaltyRefused(PenaltyRefused.Why.CASE_ALREADY_OPEN, "This parent already has an open penalty-notice"
                    + " case for this pupil: carry it on, or withdraw it first");
        }
        LocalDateTime now = now();
        PenaltyCaseRow saved = cases.save(new PenaltyCaseRow(null, pupil.schoolId(), pupil.id(), contactId,
                PenaltyCaseRow.Reason.valueOf(in.getReason().getValue()), PenaltyCaseRow.Stage.OPEN, today,
                blankToNull(in.getNote()), null, null, null, null, null, null, null, null, null, null, null, now,
                caller.name(), now, caller.name()));
        LOG.info("Penalty case {} opened for pupil {} and contact {} by staff {}", saved.id(), pupil.id(), contactId, caller.id());
        return view(saved, today);
    }

    @Transactional
    public PenaltyCaseView noticeToImprove(Caller caller, long caseId, NoticeToImproveInput in) {
        PenaltyCaseRow row = visible(caller, caseId, true);
        requireStage(row, "a notice to improve", PenaltyCaseRow.Stage.OPEN);
        LocalDate today = today(row.schoolId());
        LocalDate issued = in.getIssuedOn();
        LocalDate earliest = issued.plusWeeks(MIN_IMPROVEMENT_WEEKS);
        LocalDate latest = issued.plusWeeks(MAX_IMPROVEMENT_WEEKS);
        LocalDate improveBy = Optional.ofNullable(in.getImproveBy()).orElse(issued.plusWeeks(improvementWeeks));
        List<FieldProblem> problems = new ArrayList<>();
        notFuture(problems, "issuedOn", issued, today);
        if (improveBy.isBefore(earliest) || improveBy.isAfter(latest)) {
            problems.add(new FieldProblem("improveBy", "the improvement period is 3 to 6 weeks: between " + earliest
                    + " and " + latest));
        }
        failOn(problems);
        PenaltyCaseRow saved = cases.update(row.withNoticeToImprove(issued, improveBy)
                .withStage(PenaltyCaseRow.Stage.NOTICE_TO_IMPROVE, issued, now(), caller.name()));
        LOG.info("Penalty case {}: notice to improve recorded by staff {}", caseId, caller.id());
        return view(saved, today);
    }

    @Transactional
    public PenaltyCaseView requestFromLocalAuthority(Caller caller, long caseId, PenaltyRequestInput in) {
        PenaltyCaseRow row = visible(caller, caseId, true);
        requireStage(row, "a request to the local authority", PenaltyCaseRow.Stage.OPEN, PenaltyCaseRow.Stage.NOTICE_TO_IMPROVE);
        LocalDate today = today(row.schoolId());
        LocalDate requestedOn = Optional.ofNullable(in.getRequestedOn()).orElse(today);
        List<FieldProblem> problems = new ArrayList<>();
        notFuture(problems, "requestedOn", requestedOn, today);
        if (row.improvementFrom() != null && requestedOn.isBefore(row.improvementFrom())) {
            problems.add(new FieldProblem("requestedOn", "cannot be before the notice to improve (" + row.improvementFrom() + ")"));
        }
        failOn(problems);
        if (row.reason() != PenaltyCaseRow.Reason.TERM_TIME_HOLIDAY && !support.offered(row.pupilId(), requestedOn)) {
            throw new PenaltyRefused(PenaltyRefused.Why.SUPPORT_NOT_OFFERED, "No support is recorded for this pupil on or"
                    + " before " + requestedOn + ". A penalty notice is requested only once support was offered and not"
                    + " engaged with (a support meeting, a targeted support plan, or an attendance or parenting contract);"
                    + " only a term-time holiday may skip support.");
        }
        eligibility(row, requestedOn);
        PenaltyCaseRow saved = cases.update(row.withLaRequest(requestedOn, blankToNull(in.getNote()))
                .withStage(PenaltyCaseRow.Stage.REQUESTED, requestedOn, now(), caller.name()));
        LOG.info("Penalty case {}: notice requested from the local authority by staff {}", caseId, caller.id());
        return view(saved, today);
    }

    @Transactional
    public PenaltyCaseView recordNotice(Caller caller, long caseId, PenaltyNoticeInput in) {
        PenaltyCaseRow row = visible(caller, caseId, true);
        requireStage(row, "the notice", PenaltyCaseRow.Stage.REQUESTED);
        LocalDate today = today(row.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        notFuture(problems, "issuedOn", in.getIssuedOn(), today);
        notFuture(problems, "receivedOn", in.getReceivedOn(), today);
        if (in.getReceivedOn().isBefore(in.getIssuedOn())) {
            problems.add(new FieldProblem("receivedOn", "cannot be before issuedOn"));
        }
        if (in.getIssuedOn().isBefore(row.laRequestedOn())) {
            problems.add(new FieldProblem("issuedOn", "cannot be before the request to the local authority (" + row.laRequestedOn() + ")"));
        }
        failOn(problems);
        PenaltyNoticeEligibility eligible = eligibility(row, in.getIssuedOn());
        PenaltyCaseRow saved = cases.update(row.withNotice(in.getIssuedOn(), in.getReceivedOn(), eligible.noticeNumber())
                .withStage(PenaltyCaseRow.Stage.ISSUED, in.getIssuedOn(), now(), caller.name()));
        LOG.info("Penalty case {}: notice {} of the period recorded by staff {}", caseId, eligible.noticeNumber(), caller.id());
        return view(saved, today);
    }

    @Transactional
    public PenaltyCaseView recordPayment(Caller caller, long caseId, PenaltyPaymentInput in) {
        PenaltyCaseRow row = visible(caller, caseId, true);
        requireStage(row, "a payment", PenaltyCaseRow.Stage.ISSUED);
        LocalDate today = today(row.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        notFuture(problems, "paidOn", in.getPaidOn(), today);
        if (in.getPaidOn().isBefore(row.receivedOn())) {
            problems.add(new FieldProblem("paidOn", "cannot be before the notice was received (" + row.receivedOn() + ")"));
        }
        failOn(problems);
        Optional<BigDecimal> due = PenaltyNotices.amountDue(row.noticeNumber(), row.receivedOn(), in.getPaidOn());
        if (due.isEmpty()) {
            LocalDate deadline = PenaltyNotices.paymentTerms(row.noticeNumber(), row.receivedOn()).deadline();
            throw new PenaltyRefused(PenaltyRefused.Why.PAYMENT_LATE, "The 28 days to pay ended on " + deadline
                    + ": a notice unpaid by then is not settled by a later payment; the local authority considers prosecution.",
                    Optional.empty(), Optional.of(PenaltyRefused.PROSECUTION));
        }
        PenaltyCaseRow saved = cases.update(row.withPayment(in.getPaidOn(), due.get())
                .withStage(PenaltyCaseRow.Stage.PAID, in.getPaidOn(), now(), caller.name()));
        LOG.info("Penalty case {}: payment recorded by staff {}", caseId, caller.id());
        return view(saved, today);
    }

    @Transactional
    public PenaltyCaseView withdraw(Caller caller, long caseId, PenaltyWithdrawalInput in) {
        PenaltyCaseRow row = visible(caller, caseId, true);
        if (row.settled()) {
            throw new PenaltyRefused(PenaltyRefused.Why.WRONG_STAGE, "The case is " + row.stage().name().toLowerCase()
                    + ": it can no longer be withdrawn");
        }
        if (in.getReason().isBlank()) {
            throw ApiProblem.invalid("reason", "must not be blank");
        }
        LocalDate today = today(row.schoolId());
        PenaltyCaseRow saved = cases.update(row.withWithdrawal(today, in.getReason().strip())
                .withStage(PenaltyCaseRow.Stage.WITHDRAWN, today, now(), caller.name()));
        LOG.info("Penalty case {} withdrawn by staff {}", caseId, caller.id());
        return view(saved, today);
    }

    /** Refuses a 3rd notice within 3 years of the first, naming the first day one is possible again. */
    private PenaltyNoticeEligibility eligibility(PenaltyCaseRow row, LocalDate on) {
        PenaltyNoticeEligibility eligible = PenaltyNotices.eligibility(
                cases.noticesIssued(row.pupilId(), row.contactId(), row.id()), on);
        if (!eligible.allowed()) {
            LocalDate possibleFrom = eligible.periodEnd().plusDays(1);
            throw new PenaltyRefused(PenaltyRefused.Why.NOTICE_LIMIT_REACHED, "This parent already had "
                    + PenaltyNotices.MAX_NOTICES_PER_PERIOD + " penalty notices for this child in the 3 years from "
                    + eligible.periodStart() + "; a notice is possible again from " + possibleFrom + ". Instead, consider"
                    + " prosecution (section 444, Education Act 1996) or other legal intervention.",
                    Optional.of(possibleFrom), Optional.of(PenaltyRefused.PROSECUTION));
        }
        return eligible;
    }

    private static void requireStage(PenaltyCaseRow row, String step, PenaltyCaseRow.Stage... allowed) {
        for (PenaltyCaseRow.Stage s : allowed) {
            if (row.stage() == s) {
                return;
            }
        }
        throw new PenaltyRefused(PenaltyRefused.Why.WRONG_STAGE, "The case is at stage " + row.stage() + ": "
                + step + " is recorded only at " + java.util.Arrays.toString(allowed));
    }

    private PenaltyCaseRow visible(Caller caller, long caseId, boolean lock) {
        Optional<PenaltyCaseRow> row = lock ? cases.lock(caseId) : cases.findById(caseId);
        PenaltyCaseRow found = row.orElseThrow(() -> ApiProblem.notFound("No penalty case " + caseId));
        try {
            pupils.visibleTo(caller, found.pupilId());
        } catch (ApiProblem e) {
            throw ApiProblem.notFound("No penalty case " + caseId);
        }
        return found;
    }

    private PenaltyCaseView view(PenaltyCaseRow row, LocalDate today) {
        String parentName = pupils.contact(row.contactId()).map(c -> c.firstName() + " " + c.lastName()).orElse("");
        return PenaltyCaseView.of(row, parentName, support.offered(row.pupilId(), today), today);
    }

    private static void notFuture(List<FieldProblem> problems, String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            problems.add(new FieldProblem(field, "cannot be in the future (today is " + today + ")"));
        }
    }

    private static void failOn(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
    }

    private LocalDate today(long schoolId) {
        ZoneId zone = schools.find(schoolId).map(s -> s.zone()).orElse(ZoneId.of("Europe/London"));
        return LocalDate.now(clock.withZone(zone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
