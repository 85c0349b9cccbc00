package uk.attendance.leave;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.LeaveDecisionInput;
import uk.attendance.contract.model.LeaveDecisionInputDecision;
import uk.attendance.contract.model.LeaveSessionChoice;
import uk.attendance.contract.model.LeaveStatus;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.register.Author;
import uk.attendance.register.RegisterService;
import uk.attendance.register.RegisterService.AbsenceOutcome;
import uk.attendance.rules.RegisterCode;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The headteacher's decision on a pending request (REG24 r11: leave is given by a person the proprietor authorises;
 * policy 002: the headteacher). Approved sessions get the leave's code, the rest G (a holiday) or O (any other leave), in the register when the pupil
 * is absent: sessions already registered N are amended now, the others when their register is taken.
 */
@Singleton
public class LeaveDecisions {
    private static final Logger LOG = LoggerFactory.getLogger(LeaveDecisions.class);

    private final LeaveStore store;
    private final LeaveRequestRepository requests;
    private final LeaveSessionRepository sessions;
    private final RegisterService register;
    private final SchoolService schools;
    private final Clock clock;

    LeaveDecisions(LeaveStore store, LeaveRequestRepository requests, LeaveSessionRepository sessions,
                   RegisterService register, SchoolService schools, Clock clock) {
        this.store = store;
        this.requests = requests;
        this.sessions = sessions;
        this.register = register;
        this.schools = schools;
        this.clock = clock;
    }

    @Transactional
    public LeaveRequestRecord decide(Caller caller, long id, LeaveDecisionInput in) {
        LeaveRequestRecord request = store.visibleTo(caller, id);
        if (request.status() != LeaveStatus.PENDING) {
            throw ApiProblem.conflict("This request is " + request.status().getValue().toLowerCase().replace('_', ' ')
                    + " already: only a pending request can be decided");
        }
        List<LeaveSessionRecord> asked = store.sessionsOf(id);
        Set<LeaveSlot> approved = approved(in, asked);
        Optional<String> reason = Optional.ofNullable(in.getReason()).map(String::strip).filter(r -> !r.isEmpty());
        LeaveStatus status = approved.isEmpty() ? LeaveStatus.DECLINED
                : approved.size() == asked.size() ? LeaveStatus.APPROVED : LeaveStatus.PARTLY_APPROVED;
        if (reason.isEmpty() && status != LeaveStatus.APPROVED) {
            throw ApiProblem.invalid("reason", status == LeaveStatus.DECLINED
                    ? "say why the leave is declined: the parent reads it"
                    : "say why only some of the sessions are approved: the parent reads it");
        }
        LocalDateTime now = store.now();
        Author author = Author.of(caller);
        if (requests.decide(id, status.name(), now, author.staffId().orElse(null), author.name(), author.position(),
                reason.orElse(null)) == 0) {
            throw ApiProblem.conflict("The request changed meanwhile (decided by someone else, or withdrawn): reload it");
        }
        List<LeaveSessionRecord> decided = withCodes(request, asked, approved, now);
        sessions.updateAll(decided);
        store.record(id, LeaveEventKind.valueOf(status.name()), author.name(), author.position(), reason);
        amendRegisteredAbsences(request, decided, author);
        LOG.info("Leave request {} {} by staff {} ({} of {} sessions approved)", id, status, caller.id(), approved.size(),
                asked.size());
        return requests.findById(id).orElseThrow();
    }

    /** The requested sessions the decision approves; every one when APPROVE names none. */
    private static Set<LeaveSlot> approved(LeaveDecisionInput in, List<LeaveSessionRecord> asked) {
        List<LeaveSessionChoice> chosen = Optional.ofNullable(in.getApprovedSessions()).orElse(List.of());
        Set<LeaveSlot> requested = new HashSet<>();
        asked.forEach(s -> requested.add(new LeaveSlot(s.sessionDate(), s.session())));
        if (in.getDecision() == LeaveDecisionInputDecision.DECLINE) {
            if (!chosen.isEmpty()) {
                throw ApiProblem.invalid("approvedSessions", "goes only with APPROVE: a declined request approves no session");
            }
            return Set.of();
        }
        if (chosen.isEmpty()) {
            return requested;
        }
        Set<LeaveSlot> approved = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            LeaveSessionChoice c = chosen.get(i);
            List<LeaveSlot> matching = requested.stream()
                    .filter(s -> s.date().equals(c.getDate())
                            && (c.getSession() == null || s.session().name().equals(c.getSession().getValue())))
                    .toList();
            if (matching.isEmpty()) {
                problems.add(new FieldProblem("approvedSessions[" + i + "]", c.getDate()
                        + (c.getSession() == null ? "" : " " + c.getSession().getValue()) + " is not a session of this request", i));
            }
            approved.addAll(matching);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return approved;
    }

    /**
     * Approved sessions get the leave's code (religious observance: R on the first approved day, C after); the rest G for a
     * holiday, O for any other kind of leave (G means a holiday the school did not grant).
     */
    private static List<LeaveSessionRecord> withCodes(LeaveRequestRecord request, List<LeaveSessionRecord> asked,
                                                      Set<LeaveSlot> approved, LocalDateTime now) {
        List<LocalDate> approvedDays = asked.stream().map(s -> new LeaveSlot(s.sessionDate(), s.session()))
                .filter(approved::contains).map(LeaveSlot::date).distinct().sorted().toList();
        List<LeaveSessionRecord> decided = new ArrayList<>();
        for (LeaveSessionRecord s : asked) {
            boolean yes = approved.contains(new LeaveSlot(s.sessionDate(), s.session()));
            RegisterCode code = yes ? LeaveCodes.approved(request.leaveType(), approvedDays.indexOf(s.sessionDate()))
                    : LeaveCodes.refused(request.leaveType());
            decided.add(s.decided(yes ? LeaveOutcome.APPROVED : LeaveOutcome.NOT_APPROVED, code.symbol(), now));
        }
        return decided;
    }

    /** Sessions whose register is already taken: an N becomes the decided code now; any other mark stays. */
    private void amendRegisteredAbsences(LeaveRequestRecord request, List<LeaveSessionRecord> decided, Author author) {
        SchoolRecord school = schools.find(request.schoolId()).orElseThrow();
        LocalDate today = LocalDateTime.ofInstant(clock.instant(), school.zone()).toLocalDate();
        Map<String, Integer> amended = new TreeMap<>();
        for (LeaveSessionRecord s : decided) {
            if (s.sessionDate().isAfter(today)) {
                continue;
            }
            RegisterCode code = RegisterCode.fromSymbol(s.code()).orElseThrow();
            String reason = LeaveReasons.forRegister(request.id(), s.outcome(), code, author.name(), author.position());
            if (register.recordAbsence(s.pupilId(), s.sessionDate(), s.session(), code, reason, author) == AbsenceOutcome.RECORDED) {
                amended.merge(code.symbol(), 1, Integer::sum);
            }
        }
        if (!amended.isEmpty()) {
            String note = "Sessions already registered as absent (N) amended: " + amended.entrySet().stream()
                    .map(e -> LeaveWords.count(e.getValue(), "session", "sessions") + " " + e.getKey())
                    .collect(java.util.stream.Collectors.joining(", "));
            store.record(request.id(), LeaveEventKind.REGISTER_UPDATED, author.name(), author.position(), Optional.of(note));
        }
    }
}
