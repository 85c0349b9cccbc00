package uk.attendance.platform;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import uk.attendance.contract.model.Problem;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Query and path values of the contract's enums ({@code ?status=PENDING}, {@code /AM}) must be spelled exactly as
 * the contract spells them. The framework's conversion would also take {@code pending}, and would silently drop an
 * unknown value from a list parameter (answering as if there were no filter); here anything else answers 400
 * naming the parameter. Runs after the security filter, so a caller without the role still gets 401/403.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ContractEnumParameters implements Ordered {
    private static final String CONTRACT_MODELS = Problem.class.getPackageName();

    @RequestFilter
    void check(HttpRequest<?> request) {
        RouteAttributes.getRouteMatch(request).ifPresent(match -> {
            if (match instanceof MethodBasedRouteMatch<?, ?> method) {
                for (Argument<?> argument : method.getArguments()) {
                    contractEnum(argument).ifPresent(type -> check(request, match, argument, type));
                }
            }
        });
    }

    private static void check(HttpRequest<?> request, Object match, Argument<?> argument, Class<?> type) {
        var annotations = argument.getAnnotationMetadata();
        List<String> values;
        String name;
        if (annotations.hasAnnotation(QueryValue.class)) {
            name = annotations.stringValue(QueryValue.class).orElse(argument.getName());
            values = request.getParameters().getAll(name);
        } else if (annotations.hasAnnotation(PathVariable.class) && match instanceof UriRouteMatch<?, ?> uri) {
            name = annotations.stringValue(PathVariable.class).orElse(argument.getName());
            values = Optional.ofNullable(uri.getVariableValues().get(name)).map(v -> List.of(String.valueOf(v)))
                    .orElse(List.of());
        } else {
            return;
        }
        for (String value : values) {
            if (Arrays.stream(type.getEnumConstants()).noneMatch(constant -> constant.toString().equals(value))) {
                throw ApiProblem.invalid(name, "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                        + "' is not one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    /** The contract enum an argument holds, alone or as the items of a list. */
    private static Optional<Class<?>> contractEnum(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (Iterable.class.isAssignableFrom(type)) {
            type = argument.getFirstTypeVariable().<Class<?>>map(Argument::getType).orElse(Object.class);
        }
        return type.isEnum() && type.getPackageName().equals(CONTRACT_MODELS) ? Optional.of(type) : Optional.empty();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
