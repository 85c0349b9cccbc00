package uk.attendance.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.Problem;
import uk.attendance.platform.ProblemResponses;

/** 429 problem+json, with how long to wait in {@code Retry-After} (seconds). */
@Singleton
@Produces
class TooManySignInsHandler implements ExceptionHandler<TooManySignIns, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, TooManySignIns exception) {
        Problem problem = new Problem(ProblemResponses.TYPE_BASE + "rate-limited", "Too many requests",
                HttpStatus.TOO_MANY_REQUESTS.getCode())
                .detail(exception.getMessage())
                .instance(request.getPath());
        return HttpResponse.<Problem>status(HttpStatus.TOO_MANY_REQUESTS)
                .body(problem)
                .contentType(ProblemResponses.PROBLEM_JSON)
                .header("Retry-After", Long.toString(exception.retryAfterSeconds()));
    }
}
