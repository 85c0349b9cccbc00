package uk.attendance.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.contract.model.Problem;

import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Two requests racing to create the same row (the same session's mark, the same URN or mobile number) lose
 * to a unique key: that is a 409 the client can retry, not a server error. Anything else stays a 500.
 */
@Singleton
@Produces
@Requires(classes = DataAccessException.class)
class ConflictingWriteHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictingWriteHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                LOG.info("Conflicting write on {} {}", request.getMethod(), request.getPath());
                ApiProblem conflict = ApiProblem.conflict("Someone changed the same record at the same moment. Reload and try again.");
                return HttpResponse.<Problem>status(conflict.status())
                        .body(ProblemResponses.fromApiProblem(conflict, request))
                        .contentType(ProblemResponses.PROBLEM_JSON);
            }
        }
        LOG.error("Database failure on {} {}", request.getMethod(), request.getPath(), exception);
        return HttpResponse.<Problem>serverError()
                .body(new Problem(ProblemResponses.TYPE_BASE + "internal", "Internal error", 500)
                        .detail("Something went wrong on our side. Please try again; if it keeps happening, contact the school.")
                        .instance(request.getPath()))
                .contentType(ProblemResponses.PROBLEM_JSON);
    }
}
