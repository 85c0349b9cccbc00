package uk.attendance.evidence;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.FieldError;
import uk.attendance.contract.model.Problem;
import uk.attendance.platform.ProblemResponses;

import java.util.List;

/**
 * An upload over the server's request limit ({@code micronaut.server.max-request-size}) is refused by the framework
 * before the service sees it; for {@code POST /evidence} the 413 names the {@code file} field like the service's own
 * "larger than 10 MB" answer. Every other request keeps the framework's 413.
 */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
class UploadTooLargeHandler extends ContentLengthExceededHandler {

    UploadTooLargeHandler(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        if (request.getMethod() != HttpMethod.POST || !"/evidence".equals(request.getPath())) {
            return super.handle(request, exception);
        }
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .body(new Problem(ProblemResponses.TYPE_BASE + "payload-too-large", "Payload too large", 413)
                        .detail(EvidenceService.FIELD + ": " + EvidenceService.TOO_LARGE)
                        .instance(request.getPath())
                        .errors(List.of(new FieldError(EvidenceService.FIELD, EvidenceService.TOO_LARGE))))
                .contentType(ProblemResponses.PROBLEM_JSON);
    }
}
