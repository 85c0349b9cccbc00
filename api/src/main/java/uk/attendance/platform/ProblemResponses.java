package uk.attendance.platform;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.contract.model.FieldError;
import uk.attendance.contract.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders every error response as {@code application/problem+json} (RFC 9457), whatever raised it:
 * our {@link ApiProblem}s, bean validation, unreadable bodies, security's 401/403, unknown routes.
 * Responses never carry stack traces, SQL or class names.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponses implements ErrorResponseProcessor<Problem> {
    public static final String TYPE_BASE = "https://attendance.example.org/problems/";
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
            Map.entry(400, new String[]{"bad-request", "Bad request"}),
            Map.entry(401, new String[]{"unauthorized", "Unauthorized"}),
            Map.entry(403, new String[]{"forbidden", "Forbidden"}),
            Map.entry(404, new String[]{"not-found", "Not found"}),
            Map.entry(405, new String[]{"method-not-allowed", "Method not allowed"}),
            Map.entry(406, new String[]{"not-acceptable", "Not acceptable"}),
            Map.entry(409, new String[]{"conflict", "Conflict"}),
            Map.entry(413, new String[]{"payload-too-large", "Payload too large"}),
            Map.entry(414, new String[]{"uri-too-long", "URI too long"}),
            Map.entry(415, new String[]{"unsupported-media-type", "Unsupported media type"}),
            Map.entry(422, new String[]{"unprocessable", "Unprocessable request"}),
            Map.entry(429, new String[]{"rate-limited", "Too many requests"}));

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (response.code() == 413 && requestLineTooLong(context.getRequest())) {
            response.status(HttpStatus.REQUEST_URI_TOO_LONG);
        }
        int status = response.code();
        Problem problem = context.getRootCause()
                .filter(ApiProblem.class::isInstance)
                .map(ApiProblem.class::cast)
                .map(p -> fromApiProblem(p, context.getRequest()))
                .orElseGet(() -> fromContext(context, status));
        if (status >= 500) {
            context.getRootCause().ifPresent(e -> LOG.error("Request {} {} failed", context.getRequest().getMethod(),
                    context.getRequest().getPath(), e));
        }
        return response.body(problem).contentType(PROBLEM_JSON);
    }

    /** Netty refuses a request line over its limit before routing; the framework reports it as a too-large body. */
    private static boolean requestLineTooLong(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty
                && netty.getNativeRequest().decoderResult().cause() instanceof TooLongHttpLineException;
    }

    static Problem fromApiProblem(ApiProblem p, HttpRequest<?> request) {
        Problem problem = new Problem(TYPE_BASE + p.type(), p.title(), p.status().getCode())
                .detail(p.getMessage())
                .instance(request.getPath());
        if (!p.fieldProblems().isEmpty()) {
            problem.errors(p.fieldProblems().stream()
                    .map(f -> new FieldError(f.field(), f.message()).index(f.index()))
                    .toList());
        }
        return problem;
    }

    private static Problem fromContext(ErrorContext context, int status) {
        if (status >= 500) {
            return new Problem(TYPE_BASE + "internal", "Internal error", status)
                    .detail("Something went wrong on our side. Please try again; if it keeps happening, contact the school.")
                    .instance(context.getRequest().getPath());
        }
        List<FieldError> fields = new ArrayList<>();
        if (status == 400) {
            for (Error error : context.getErrors()) {
                fieldError(error).ifPresent(fields::add);
            }
        }
        String[] kind = BY_STATUS.getOrDefault(status, new String[]{"error-" + status, "Error"});
        boolean validation = status == 400 && !fields.isEmpty();
        String detail = context.getErrors().isEmpty() || status == 401 || status == 403
                ? defaultDetail(status)
                : fields.isEmpty() ? clean(context.getErrors().get(0).getMessage())
                : fields.get(0).getField() + ": " + fields.get(0).getMessage();
        Problem problem = new Problem(TYPE_BASE + (validation ? "validation" : kind[0]),
                validation ? "Invalid request" : kind[1], status)
                .detail(detail)
                .instance(context.getRequest().getPath());
        if (!fields.isEmpty()) {
            problem.errors(fields);
        }
        return problem;
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "Sign in to continue";
            case 403 -> "Your role may not use this operation";
            case 404 -> "Nothing here";
            case 414 -> "The address is too long";
            default -> HttpStatus.valueOf(status).getReason();
        };
    }

    private static final Pattern DECODING = Pattern.compile("Error decoding property \\[[^\\]]*?(\\w+)\\] of type \\[[^\\]]*\\]: (.*)", Pattern.DOTALL);
    private static final Pattern CONVERSION = Pattern.compile("Failed to convert argument \\[(\\w+)\\] for value \\[(.*?)\\]", Pattern.DOTALL);
    private static final Pattern CONSTRAINT = Pattern.compile("^(?:\\w+\\.)?([\\w\\[\\].]+): (.+)$", Pattern.DOTALL);

    /** Names the field of a framework error: bean validation ("change.reason: must not be null"), unreadable values. */
    static Optional<FieldError> fieldError(Error error) {
        String message = Optional.ofNullable(error.getMessage()).orElse("");
        Matcher decoding = DECODING.matcher(message);
        if (decoding.find()) {
            return Optional.of(new FieldError(decoding.group(1), clean(decoding.group(2))));
        }
        Matcher conversion = CONVERSION.matcher(message);
        if (conversion.find()) {
            String value = conversion.group(2);
            String hint = message.contains("could not be parsed") ? " (use YYYY-MM-DD for dates, HH:mm for times)"
                    : message.contains("No enum constant") ? " (not one of the allowed values)" : "";
            return Optional.of(new FieldError(conversion.group(1),
                    "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' is not a valid value" + hint));
        }
        Matcher constraint = CONSTRAINT.matcher(message);
        if (constraint.matches()) {
            return Optional.of(new FieldError(constraint.group(1), clean(constraint.group(2))));
        }
        return error.getPath().map(p -> new FieldError(fieldName(p), clean(message)));
    }

    /** "createPupil.pupilInput.legalFirstName" → "legalFirstName"; "/session" → "session". */
    static String fieldName(String path) {
        String[] parts = path.replaceFirst("^/", "").split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    /** Keeps framework messages readable and free of Java class names. */
    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "Invalid value";
        }
        String m = message.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*", "value");
        int newline = m.indexOf('\n');
        if (newline > 0) {
            m = m.substring(0, newline);
        }
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    /** Our own problems, thrown anywhere in a request. */
    @Singleton
    @Produces
    static class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ApiProblem exception) {
            MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(exception.status())
                    .body(fromApiProblem(exception, request))
                    .contentType(PROBLEM_JSON);
            if (exception.status() == HttpStatus.TOO_MANY_REQUESTS) {
                response.header("Retry-After", "900");
            }
            return response;
        }
    }
}
