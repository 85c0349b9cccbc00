package uk.attendance.pupil;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.LeavingDateConflictProblem;
import uk.attendance.contract.model.MarkedDay;
import uk.attendance.contract.model.Session;
import uk.attendance.platform.ProblemResponses;

import java.util.stream.Collectors;

/** The HTTP edge of {@link MarksAfterLeavingDate}: 409 problem+json naming the marked dates (the first 50). */
@Singleton
@Produces
class MarksAfterLeavingHandler implements ExceptionHandler<MarksAfterLeavingDate, HttpResponse<LeavingDateConflictProblem>> {
    private static final int LISTED = 50;
    private static final int IN_DETAIL = 5;

    @Override
    public HttpResponse<LeavingDateConflictProblem> handle(HttpRequest request, MarksAfterLeavingDate refused) {
        var dates = refused.dates();
        String named = dates.stream().limit(IN_DETAIL)
                .map(d -> d.date() + " (" + String.join(", ", d.sessions()) + ")")
                .collect(Collectors.joining(", ")) + (dates.size() > IN_DETAIL ? " and " + (dates.size() - IN_DETAIL) + " more" : "");
        LeavingDateConflictProblem problem = new LeavingDateConflictProblem(ProblemResponses.TYPE_BASE + "marks-after-leaving",
                "Marks after the leaving date", HttpStatus.CONFLICT.getCode(), refused.leavingDate(),
                dates.stream().limit(LISTED).map(d -> new MarkedDay(d.date(),
                        d.sessions().stream().map(Session::fromValue).toList(), d.sessions().size())).toList(),
                dates.size())
                .detail("The register holds marks of pupil " + refused.pupilId() + " after " + refused.leavingDate() + " on "
                        + dates.size() + (dates.size() == 1 ? " date: " : " dates: ") + named + ". Registers are kept, never"
                        + " deleted: choose a leaving date on or after the last marked day.")
                .instance(request.getPath());
        return HttpResponse.<LeavingDateConflictProblem>status(HttpStatus.CONFLICT).body(problem)
                .contentType(ProblemResponses.PROBLEM_JSON);
    }
}
