package uk.attendance.absence;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.AbsenceReportDecision;
import uk.attendance.contract.model.AbsenceReportEventAction;
import uk.attendance.contract.model.AbsenceReportReason;
import uk.attendance.contract.model.AbsenceReportStatus;
import uk.attendance.platform.ApiProblem;
import uk.attendance.register.Author;
import uk.attendance.rules.RegisterCode;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The staff side of absence reports: the inbox of reports awaiting a decision, the decision (a register code, through
 * the amendment trail), and the message thread between the school and the family.
 */
@Singleton
class AbsenceReportInbox {
    private static final Logger LOG = LoggerFactory.getLogger(AbsenceReportInbox.class);
    private static final List<AbsenceReportStatus> AWAITING = List.of(AbsenceReportStatus.AWAITING_DECISION,
            AbsenceReportStatus.QUESTION_ASKED);
    private static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final AbsenceReportRepository reports;
    private final AbsenceReportBook book;
    private final SchoolService schools;
    private final AbsenceReportNotifier notifier;
    private final TransactionOperations<Connection> tx;

    AbsenceReportInbox(AbsenceReportRepository reports, AbsenceReportBook book, SchoolService schools,
                       AbsenceReportNotifier notifier, TransactionOperations<Connection> tx) {
        this.reports = reports;
        this.book = book;
        this.schools = schools;
        this.notifier = notifier;
        this.tx = tx;
    }

    List<AbsenceReportRecord> ofSchool(Caller staff, long schoolId, List<AbsenceReportStatus> statuses, LocalDate from,
                                       LocalDate to) {
        SchoolRecord school = schools.forStaff(staff, schoolId);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalid("to", "is before from (" + from + ")");
        }
        List<AbsenceReportStatus> wanted = statuses == null || statuses.isEmpty() ? AWAITING : statuses;
        return reports.ofSchool(school.id(), wanted.stream().map(AbsenceReportStatus::getValue).distinct().toList(),
                from == null ? EARLIEST : from, to == null ? LATEST : to);
    }

    /** From staff a question (the family is told), from the family an answer. */
    AbsenceReportRecord post(Caller caller, long reportId, String text) {
        String message = text.strip();
        if (message.isEmpty()) {
            throw ApiProblem.invalid("text", "is empty");
        }
        AbsenceReportRecord report = tx.executeWrite(status -> {
            AbsenceReportRecord r = book.lockedFor(caller, reportId);
            if (r.statusValue() == AbsenceReportStatus.WITHDRAWN) {
                throw ApiProblem.conflict("This report was withdrawn: it takes no more messages");
            }
            AbsenceReportStatus next = r.statusValue();
            AbsenceReportEventAction action;
            if (caller.isParent()) {
                action = AbsenceReportEventAction.REPLIED;
                next = next == AbsenceReportStatus.QUESTION_ASKED ? AbsenceReportStatus.AWAITING_DECISION : next;
            } else {
                action = AbsenceReportEventAction.QUESTION_ASKED;
                next = next == AbsenceReportStatus.AWAITING_DECISION ? AbsenceReportStatus.QUESTION_ASKED : next;
            }
            AbsenceReportRecord updated = book.update(r.withStatus(next, book.now()));
            AbsenceReportEventRecord event = book.record(updated, action, caller, Optional.of(message));
            if (!caller.isParent()) {
                notifier.questionAsked(updated, event.id());
            }
            return updated;
        });
        LOG.info("Absence report {}: message from {} {}", reportId, caller.kind(), caller.id());
        return report;
    }

    AbsenceReportRecord decide(Caller staff, long reportId, AbsenceReportDecision decision) {
        return tx.executeWrite(status -> {
            AbsenceReportRecord report = decided(staff, reportId, decision);
            notifier.decided(report);
            return report;
        });
    }

    private AbsenceReportRecord decided(Caller staff, long reportId, AbsenceReportDecision decision) {
        AbsenceReportRecord report = book.lockedFor(staff, reportId);
        if (!report.awaitingDecision()) {
            throw ApiProblem.conflict("This report is not awaiting a decision (it is "
                    + report.statusValue().getValue().toLowerCase().replace('_', ' ') + ")");
        }
        String raw = decision.getCode();
        RegisterCode code = RegisterCode.fromSymbol(raw).orElseThrow(() -> ApiProblem.invalid("code",
                "'" + raw + "' is not a register code in force from 19 August 2024"));
        SchoolRecord school = book.school(report.schoolId());
        boolean askedInAdvance = AbsenceReportBook.schoolDate(school, report.createdAt()).isBefore(report.firstDay());
        AbsenceReportReason reason = report.reasonValue();
        List<RegisterCode> allowed = AbsenceReportCodes.decisionCodes(reason, askedInAdvance);
        if (!allowed.contains(code)) {
            throw ApiProblem.invalid("code", code == RegisterCode.C && reason == AbsenceReportReason.OTHER
                    ? "leave for exceptional circumstances (C) cannot be granted retrospectively: this report was made on "
                    + "or after its first day"
                    : code.symbol() + " does not suit a report of " + AbsenceReportCodes.label(reason) + ": use "
                    + allowed.stream().map(RegisterCode::symbol).collect(Collectors.joining(", ")));
        }
        AbsenceReportStatus outcome = AbsenceReportCodes.notAccepted(code) ? AbsenceReportStatus.NOT_ACCEPTED
                : AbsenceReportStatus.ACCEPTED;
        AbsenceReportRecord updated = book.update(report.withDecision(outcome, code.symbol(), book.now()));
        List<AbsenceReportSessionRecord> decided = book.sessionsOf(report.id()).stream()
                .filter(s -> s.dispositionValue() == AbsenceReportDisposition.AWAITING_DECISION)
                .map(s -> s.with(AbsenceReportDisposition.APPLY, code))
                .toList();
        book.update(decided);
        book.applyToRegister(updated, decided, book.marks(staff, report.pupilId(), report.firstDay(), report.lastDay()),
                Author.of(staff));
        book.record(updated, AbsenceReportEventAction.DECIDED, staff, Optional.of("Recorded as " + code.symbol()
                + Optional.ofNullable(AbsenceReportService.clean(decision.getNote())).map(n -> ": " + n).orElse("")));
        LOG.info("Absence report {} decided by staff {}: {} sessions, {}", report.id(), staff.id(), decided.size(), outcome);
        return updated;
    }
}
