package uk.attendance.casework.penalty;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.PenaltyNoticesApi;
import uk.attendance.contract.model.NoticeToImproveInput;
import uk.attendance.contract.model.PenaltyCase;
import uk.attendance.contract.model.PenaltyCaseInput;
import uk.attendance.contract.model.PenaltyCaseLaRequest;
import uk.attendance.contract.model.PenaltyCaseNotice;
import uk.attendance.contract.model.PenaltyCaseNoticeToImprove;
import uk.attendance.contract.model.PenaltyCasePayment;
import uk.attendance.contract.model.PenaltyCaseReason;
import uk.attendance.contract.model.PenaltyCaseWithdrawal;
import uk.attendance.contract.model.PenaltyNoticeInput;
import uk.attendance.contract.model.PenaltyPaymentInput;
import uk.attendance.contract.model.PenaltyPaymentTerms;
import uk.attendance.contract.model.PenaltyRequestInput;
import uk.attendance.contract.model.PenaltyStage;
import uk.attendance.contract.model.PenaltyWithdrawalInput;
import uk.attendance.rules.penalty.PaymentTerms;

import java.util.List;
import java.util.Optional;

import static uk.attendance.platform.ContractTimes.utc;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class PenaltyController implements PenaltyNoticesApi {
    private final PenaltyCases cases;
    private final CurrentCaller caller;

    PenaltyController(PenaltyCases cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @Override
    public List<PenaltyCase> listPenaltyCases(Long pupilId) {
        return cases.ofPupil(caller.get(), pupilId).stream().map(PenaltyController::model).toList();
    }

    @Override
    public List<PenaltyCase> listSchoolPenaltyCases(Long schoolId, PenaltyStage stage) {
        return cases.ofSchool(caller.get(), schoolId, Optional.ofNullable(stage).map(s -> PenaltyCaseView.Stage.valueOf(s.getValue())))
                .stream().map(PenaltyController::model).toList();
    }

    @Override
    public HttpResponse<PenaltyCase> openPenaltyCase(Long pupilId, PenaltyCaseInput in) {
        return HttpResponse.created(model(cases.open(caller.get(), pupilId, in)));
    }

    @Override
    public PenaltyCase getPenaltyCase(Long penaltyCaseId) {
        return model(cases.get(caller.get(), penaltyCaseId));
    }

    @Override
    public PenaltyCase recordNoticeToImprove(Long penaltyCaseId, NoticeToImproveInput in) {
        return model(cases.noticeToImprove(caller.get(), penaltyCaseId, in));
    }

    @Override
    public PenaltyCase requestPenaltyNotice(Long penaltyCaseId, PenaltyRequestInput in) {
        return model(cases.requestFromLocalAuthority(caller.get(), penaltyCaseId, in));
    }

    @Override
    public PenaltyCase recordPenaltyNotice(Long penaltyCaseId, PenaltyNoticeInput in) {
        return model(cases.recordNotice(caller.get(), penaltyCaseId, in));
    }

    @Override
    public PenaltyCase recordPenaltyPayment(Long penaltyCaseId, PenaltyPaymentInput in) {
        return model(cases.recordPayment(caller.get(), penaltyCaseId, in));
    }

    @Override
    public PenaltyCase withdrawPenaltyCase(Long penaltyCaseId, PenaltyWithdrawalInput in) {
        return model(cases.withdraw(caller.get(), penaltyCaseId, in));
    }

    static PenaltyPaymentTerms terms(PaymentTerms t) {
        return new PenaltyPaymentTerms(t.amount(), t.deadline())
                .reducedAmount(t.reducedAmount().orElse(null))
                .reducedAmountBy(t.reducedAmountDeadline().orElse(null));
    }

    private static PenaltyCase model(PenaltyCaseView v) {
        PenaltyCaseRow r = v.row();
        PenaltyCase c = new PenaltyCase(r.id(), r.pupilId(), r.schoolId(), r.contactId(), v.parentName(),
                PenaltyCaseReason.fromValue(r.reason().name()), PenaltyStage.fromValue(v.stage().name()), v.since(),
                v.nextStep(), v.supportOffered(), utc(r.createdAt()), r.createdByName())
                .nextStepBy(v.nextStepBy().orElse(null))
                .note(r.note());
        if (r.improvementFrom() != null) {
            c.noticeToImprove(new PenaltyCaseNoticeToImprove(r.improvementFrom(), r.improveBy()));
        }
        if (r.laRequestedOn() != null) {
            c.laRequest(new PenaltyCaseLaRequest(r.laRequestedOn()).note(r.laRequestNote()));
        }
        if (r.issuedOn() != null) {
            c.notice(new PenaltyCaseNotice(r.issuedOn(), r.receivedOn(), r.noticeNumber(), terms(v.terms().orElseThrow())));
        }
        if (r.paidOn() != null) {
            c.payment(new PenaltyCasePayment(r.paidOn(), r.amountPaid()));
        }
        if (r.withdrawnOn() != null) {
            c.withdrawal(new PenaltyCaseWithdrawal(r.withdrawnOn(), r.withdrawalReason()));
        }
        return c;
    }
}
