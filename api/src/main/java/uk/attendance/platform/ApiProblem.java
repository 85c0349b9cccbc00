package uk.attendance.platform;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** A client-facing failure, rendered as RFC 9457 problem+json by {@link ProblemResponses}. */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> fieldProblems;

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message, null)));
    }

    public static ApiProblem invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1
                ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " invalid fields; the first: " + problems.get(0).field() + ": " + problems.get(0).message();
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, problems);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, List.of());
    }

    public static ApiProblem tooManyRequests(String detail) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One bad field; {@code index} is the row of a batch, when there is one. */
    public record FieldProblem(String field, String message, Integer index) {
        public FieldProblem(String field, String message) {
            this(field, message, null);
        }
    }
}
