package uk.attendance.evidence;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.Problem;
import uk.attendance.platform.ProblemResponses;

/** An upload over a limit: 429 problem+json ({@code rate-limited} or {@code upload-quota}) with {@code Retry-After}. */
@Singleton
@Produces
class UploadLimitHandler implements ExceptionHandler<UploadLimitReached, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, UploadLimitReached e) {
        boolean quota = e.limit() == UploadLimitReached.Limit.QUOTA;
        return HttpResponse.<Problem>status(HttpStatus.TOO_MANY_REQUESTS)
                .body(new Problem(ProblemResponses.TYPE_BASE + (quota ? "upload-quota" : "rate-limited"),
                        quota ? "Daily upload quota reached" : "Too many requests", 429)
                        .detail(e.getMessage())
                        .instance(request.getPath()))
                .contentType(ProblemResponses.PROBLEM_JSON)
                .header("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
    }
}
