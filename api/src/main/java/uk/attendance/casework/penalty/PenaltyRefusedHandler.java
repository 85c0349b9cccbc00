package uk.attendance.casework.penalty;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.PenaltyRefusedProblem;
import uk.attendance.contract.model.PenaltyRefusedProblemReason;
import uk.attendance.platform.ProblemResponses;

import java.util.Map;

/** The HTTP edge of {@link PenaltyRefused}: 409 problem+json with the rule's {@code reason}, and {@code possibleFrom}/{@code instead}. */
@Singleton
@Produces
class PenaltyRefusedHandler implements ExceptionHandler<PenaltyRefused, HttpResponse<PenaltyRefusedProblem>> {
    private static final Map<PenaltyRefused.Why, String[]> TYPES = Map.of(
            PenaltyRefused.Why.NOT_OF_COMPULSORY_SCHOOL_AGE, new String[]{"penalty-not-compulsory-school-age", "Not of compulsory school age"},
            PenaltyRefused.Why.SUPPORT_NOT_OFFERED, new String[]{"penalty-support-not-offered", "Support must be offered first"},
            PenaltyRefused.Why.NOTICE_LIMIT_REACHED, new String[]{"penalty-notice-limit", "Penalty notice limit reached"},
            PenaltyRefused.Why.WRONG_STAGE, new String[]{"penalty-case-stage", "Not at this stage of the case"},
            PenaltyRefused.Why.CASE_ALREADY_OPEN, new String[]{"penalty-case-open", "A case is already open"},
            PenaltyRefused.Why.PAYMENT_LATE, new String[]{"penalty-payment-late", "The payment period has ended"});

    @Override
    public HttpResponse<PenaltyRefusedProblem> handle(HttpRequest request, PenaltyRefused refused) {
        String[] type = TYPES.get(refused.why());
        PenaltyRefusedProblem problem = new PenaltyRefusedProblem(ProblemResponses.TYPE_BASE + type[0], type[1],
                HttpStatus.CONFLICT.getCode())
                .detail(refused.getMessage())
                .instance(request.getPath())
                .reason(PenaltyRefusedProblemReason.fromValue(refused.why().name()))
                .possibleFrom(refused.possibleFrom().orElse(null))
                .instead(refused.instead().orElse(null));
        return HttpResponse.<PenaltyRefusedProblem>status(HttpStatus.CONFLICT).body(problem)
                .contentType(ProblemResponses.PROBLEM_JSON);
    }
}
