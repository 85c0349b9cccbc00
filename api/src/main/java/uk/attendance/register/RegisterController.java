package uk.attendance.register;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.RegisterApi;
import uk.attendance.contract.model.Category;
import uk.attendance.contract.model.Mark;
import uk.attendance.contract.model.MarkAmendment;
import uk.attendance.contract.model.MarkChange;
import uk.attendance.contract.model.MarkEntry;
import uk.attendance.contract.model.MarkHistory;
import uk.attendance.contract.model.MarkImport;
import uk.attendance.contract.model.MarkImportResult;
import uk.attendance.contract.model.Register;
import uk.attendance.contract.model.RegisterCodeInfo;
import uk.attendance.contract.model.ExpectedAbsence;
import uk.attendance.contract.model.RegisterEntry;
import uk.attendance.contract.model.RegisterSubmission;
import uk.attendance.contract.model.Session;
import uk.attendance.platform.DateRanges;
import uk.attendance.rules.RegisterCode;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static uk.attendance.platform.ContractTimes.utc;
import static uk.attendance.platform.ContractTimes.hhmm;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class RegisterController implements RegisterApi {
    private final RegisterService register;
    private final CurrentCaller caller;

    RegisterController(RegisterService register, CurrentCaller caller) {
        this.register = register;
        this.caller = caller;
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<RegisterCodeInfo> listRegisterCodes() {
        return RegisterCode.all().stream()
                .map(c -> new RegisterCodeInfo(c.symbol(), c.meaning(), Category.fromValue(c.category().name()),
                        c.category().label(), c.category().possible(), c.countsTowardsPenaltyThreshold(),
                        Arrays.stream(uk.attendance.rules.calendar.Session.values()).filter(c::allowedIn)
                                .map(s -> Session.fromValue(s.name())).toList(),
                        c.category().colour()))
                .toList();
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<Mark> listPupilMarks(Long pupilId, LocalDate from, LocalDate to) {
        DateRanges.check(from, to, 400);
        return register.marksOf(caller.get(), pupilId, from, to).stream().map(RegisterController::toContract).toList();
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public Mark getMark(Long pupilId, LocalDate date, Session session) {
        return toContract(register.markOf(caller.get(), pupilId, date, session(session)));
    }

    @Override
    public Mark amendMark(Long pupilId, LocalDate date, Session session, MarkAmendment change) {
        return toContract(register.amend(caller.get(), pupilId, date, session(session), change));
    }

    @Override
    public MarkHistory getMarkHistory(Long pupilId, LocalDate date, Session session) {
        var trail = register.history(caller.get(), pupilId, date, session(session));
        MarkRecord m = trail.mark();
        return new MarkHistory(m.pupilId(), m.sessionDate(), session, m.code(),
                new MarkEntry(m.originalCode(), utc(m.enteredAt()), m.enteredByName(), m.enteredByPosition())
                        .reason(m.originalReason()),
                trail.amendments().stream()
                        .map(a -> new MarkChange(a.originalCode(), a.newCode(), a.reason(), utc(a.amendedAt()),
                                a.amendedByName(), a.amendedByPosition()))
                        .toList());
    }

    @Override
    public Register getRegister(Long schoolId, LocalDate date, Session session, String registrationGroup) {
        return toContract(register.register(caller.get(), schoolId, date, session(session), registrationGroup.strip()));
    }

    @Override
    public Register takeRegister(Long schoolId, RegisterSubmission submission) {
        return toContract(register.take(caller.get(), schoolId, submission));
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public MarkImportResult importMarks(Long schoolId, MarkImport batch) {
        return register.importMarks(caller.get(), schoolId, batch);
    }

    private static Register toContract(RegisterService.SessionRegister r) {
        List<RegisterEntry> entries = r.pupils().stream().map(p -> {
            RegisterEntry entry = new RegisterEntry(p.id(), p.displayName());
            MarkRecord mark = r.marks().get(p.id());
            if (mark != null) {
                RegisterCode code = code(mark);
                entry.code(mark.code()).category(Category.fromValue(code.category().name())).arrivalTime(hhmm(mark.arrivalTime()));
            }
            AbsenceExpectations.Expected known = r.expected().get(p.id());
            if (known != null) {
                entry.expected(new ExpectedAbsence(known.code().symbol(),
                        Category.fromValue(known.code().category().name()), known.reason(), known.confirmed()));
            }
            return entry;
        }).toList();
        return new Register(r.date(), Session.fromValue(r.session().name()), r.group(), hhmm(r.opens()), hhmm(r.closes()), entries);
    }

    static Mark toContract(MarkRecord m) {
        RegisterCode code = code(m);
        return new Mark(m.pupilId(), m.sessionDate(), Session.fromValue(m.session().name()), m.code(),
                Category.fromValue(code.category().name()), code.meaning(), utc(m.updatedAt()), m.amendments() > 0)
                .arrivalTime(hhmm(m.arrivalTime()));
    }

    private static RegisterCode code(MarkRecord m) {
        return RegisterCode.fromSymbol(m.code()).orElseThrow(() -> new IllegalStateException("Stored code not in force: mark " + m.id()));
    }

    private static uk.attendance.rules.calendar.Session session(Session s) {
        return uk.attendance.rules.calendar.Session.valueOf(s.getValue());
    }
}
