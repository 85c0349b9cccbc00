package uk.attendance.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.ResponseFilter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Every response any test receives from the app is checked against openapi.yaml: status documented for the
 * operation, content type, and body against the schema. A mismatch fails the test that made the call.
 */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
public class ContractCheck {
    private static final OpenApiInteractionValidator VALIDATOR = load();

    private static OpenApiInteractionValidator load() {
        try {
            return OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(spec())).build();
        } catch (OpenApiInteractionValidator.ApiLoadException e) {
            throw new IllegalStateException("openapi.yaml does not load: " + e.getParseMessages(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ResponseFilter
    void check(HttpRequest<?> request, HttpResponse<?> response) {
        String path = request.getPath();
        if (path.startsWith("/health") || path.startsWith("/docs") || path.equals("/openapi.yaml") || path.equals("/")) {
            return;
        }
        SimpleResponse.Builder checked = SimpleResponse.Builder.status(response.code());
        response.getContentType().ifPresent(type -> checked.withContentType(type.toString()));
        response.getBody(String.class).ifPresent(checked::withBody);
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(request.getMethodName()), checked.build());
        if (report.hasErrors()) {
            throw new AssertionError(request.getMethodName() + " " + path + " answered " + response.code()
                    + " outside the contract:\n" + report.getMessages().stream()
                    .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n")));
        }
    }

    private static Path spec() {
        Path here = Path.of("openapi.yaml");
        return (Files.exists(here) ? here : Path.of("..", "openapi.yaml")).toAbsolutePath();
    }
}
