package uk.attendance.leave;

import uk.attendance.evidence.EvidenceService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.LeaveDecisionInput;
import uk.attendance.contract.model.LeaveRequestInput;
import uk.attendance.contract.model.LeaveStatus;
import uk.attendance.contract.model.LeaveType;
import uk.attendance.platform.ApiProblem;
import uk.attendance.register.Author;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parents ask for leave, see and withdraw their requests; staff list them; the headteacher decides. */
@Singleton
public class LeaveService {
    private static final Logger LOG = LoggerFactory.getLogger(LeaveService.class);

    private final LeaveDrafts drafts;
    private final LeaveStore store;
    private final LeaveRequestRepository requests;
    private final LeaveSessionRepository sessions;
    private final LeaveDecisions decisions;
    private final LeaveNotices notices;
    private final SchoolService schools;
    private final EvidenceService evidence;
    private final Clock clock;

    LeaveService(LeaveDrafts drafts, LeaveStore store, LeaveRequestRepository requests, LeaveSessionRepository sessions,
                 LeaveDecisions decisions, LeaveNotices notices, SchoolService schools, EvidenceService evidence, Clock clock) {
        this.drafts = drafts;
        this.store = store;
        this.requests = requests;
        this.sessions = sessions;
        this.decisions = decisions;
        this.notices = notices;
        this.schools = schools;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Transactional
    public LeaveView request(Caller caller, LeaveRequestInput in) {
        LeaveDraft draft = drafts.check(caller, in.getPupilId(), in.getType(), in.getFirstDay(),
                LeaveApiModels.session(in.getFirstSession(), Session.AM), in.getLastDay(),
                LeaveApiModels.session(in.getLastSession(), Session.PM));
        refuseOverlap(draft);
        LeavePeriod period = draft.period();
        Author parent = parent(caller);
        LeaveRequestRecord saved = requests.save(new LeaveRequestRecord(null, draft.pupil().id(), draft.school().id(), caller.id(),
                parent.name(), draft.type(), period.firstDay(), period.firstSession(), period.lastDay(), period.lastSession(),
                in.getReason().strip(), LeaveStatus.PENDING, store.now(), null, null, null, null, null));
        sessions.saveAll(draft.sessions().stream().map(s -> new LeaveSessionRecord(null, saved.id(), saved.pupilId(), s.date(),
                s.session(), LeaveOutcome.REQUESTED, null, null)).toList());
        evidence.attach(caller, Optional.ofNullable(in.getEvidenceIds()).orElse(List.of()), saved.pupilId(),
                LeaveView.evidenceSubject(saved.id()));
        store.record(saved.id(), LeaveEventKind.SUBMITTED, parent.name(), parent.position(), Optional.empty());
        LOG.info("Leave request {} for pupil {} made by contact {} ({} sessions)", saved.id(), saved.pupilId(), caller.id(),
                draft.sessions().size());
        return store.view(caller, saved);
    }

    private void refuseOverlap(LeaveDraft draft) {
        LeavePeriod period = draft.period();
        for (LeaveSessionRecord taken : sessions.activeOfPupil(draft.pupil().id(), period.firstDay(), period.lastDay())) {
            if (period.covers(taken.sessionDate(), taken.session())) {
                throw ApiProblem.conflict("Leave request " + taken.leaveRequestId() + " already asks for "
                        + LeaveWords.slot(new LeaveSlot(taken.sessionDate(), taken.session()))
                        + ": withdraw it first, or ask for other days");
            }
        }
    }

    public List<LeaveView> mine(Caller caller, Optional<LeaveStatus> status, Optional<Long> pupilId) {
        pupilId.ifPresent(id -> store.requirePupil(caller, id, Optional.empty()));
        Set<Long> children = store.childrenOf(caller);
        List<Long> wanted = children.stream().filter(id -> pupilId.map(id::equals).orElse(true)).toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return store.views(caller, requests.newestFirst(wanted).stream()
                .filter(r -> status.map(s -> s == r.status()).orElse(true)).toList());
    }

    public List<LeaveView> ofSchool(Caller caller, long schoolId, Optional<LeaveStatus> status, Optional<Long> pupilId,
                             Optional<LeaveType> type, Optional<LocalDate> from, Optional<LocalDate> to) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        pupilId.ifPresent(id -> store.requirePupil(caller, id, Optional.of(school.id())));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ApiProblem.invalid("to", "must not be before from (" + from.get() + ")");
        }
        return store.views(caller, requests.ofSchool(school.id(), status.map(Enum::name).orElse(null), pupilId.orElse(null),
                type.map(Enum::name).orElse(null), from.orElse(null), to.orElse(null)));
    }

    /** A leave request as a pupil's chronology shows it (staff only: the family's reason is in it). */
    public record PupilLeave(long id, LocalDateTime requestedAt, String type, LocalDate firstDay, LocalDate lastDay,
                             String reason, String status, Optional<LocalDateTime> decidedAt, Optional<String> decidedBy,
                             Optional<String> decisionReason) {
    }

    /** A pupil's leave requests, newest first (no access check: for the pupil's chronology). */
    public List<PupilLeave> requestsOf(long pupilId) {
        return requests.newestFirst(List.of(pupilId)).stream()
                .map(r -> new PupilLeave(r.id(), r.requestedAt(), r.leaveType().getValue(), r.firstDay(), r.lastDay(),
                        r.reason(), r.status().getValue(), Optional.ofNullable(r.decidedAt()),
                        Optional.ofNullable(r.decidedByName()), Optional.ofNullable(r.decisionReason())))
                .toList();
    }

    public LeaveView get(Caller caller, long id) {
        return store.view(caller, store.visibleTo(caller, id));
    }

    /**
     * A pending request can be withdrawn; an approved one until its first approved session has begun (its register
     * opened), after which the register and the school's decision stand.
     */
    @Transactional
    public LeaveView withdraw(Caller caller, long id) {
        LeaveRequestRecord request = store.visibleTo(caller, id);
        List<LeaveSessionRecord> own = store.sessionsOf(id);
        switch (request.status()) {
            case PENDING -> { }
            case APPROVED, PARTLY_APPROVED -> refuseIfBegun(request, own);
            case DECLINED -> throw ApiProblem.conflict("The school has declined this request: there is nothing to withdraw");
            case WITHDRAWN -> throw ApiProblem.conflict("This request is already withdrawn");
        }
        if (requests.withdraw(id, request.status().name()) == 0) {
            throw ApiProblem.conflict("The request changed meanwhile (it may have just been decided): reload it");
        }
        sessions.updateAll(own.stream().map(LeaveSessionRecord::withdrawn).toList());
        Author parent = parent(caller);
        store.record(id, LeaveEventKind.WITHDRAWN, parent.name(), parent.position(), Optional.empty());
        LOG.info("Leave request {} withdrawn by contact {}", id, caller.id());
        return store.view(caller, store.visibleTo(caller, id));
    }

    private void refuseIfBegun(LeaveRequestRecord request, List<LeaveSessionRecord> own) {
        SchoolRecord school = schools.find(request.schoolId()).orElseThrow();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), school.zone());
        own.stream().filter(s -> s.outcome() == LeaveOutcome.APPROVED).findFirst().ifPresent(first -> {
            if (!now.isBefore(LeaveDrafts.begins(school, first.sessionDate(), first.session()))) {
                throw ApiProblem.conflict("The approved leave began on " + LeaveWords.slot(new LeaveSlot(first.sessionDate(),
                        first.session())) + ": it can no longer be withdrawn; tell the school if your child is back early");
            }
        });
    }

    private static Author parent(Caller caller) {
        return Author.parent(caller.name().isBlank() ? "Parent/carer" : caller.name());
    }

    /** Decides and, in the same transaction, queues the news for the parent who asked (through the outbox). */
    @Transactional
    public LeaveView decide(Caller caller, long id, LeaveDecisionInput in) {
        LeaveRequestRecord decided = decisions.decide(caller, id, in);
        notices.decided(decided);
        return store.view(caller, store.visibleTo(caller, id));
    }
}
