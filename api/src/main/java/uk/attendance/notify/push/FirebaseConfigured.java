package uk.attendance.notify.push;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * True when {@code attendance.firebase.service-account} or {@code attendance.firebase.api-base-url} is set and not
 * blank (application.yml defaults both to empty strings, so a plain {@code @Requires(property=…)} is not enough).
 */
public final class FirebaseConfigured implements Condition {
    static final String SERVICE_ACCOUNT = "attendance.firebase.service-account";
    static final String API_BASE_URL = "attendance.firebase.api-base-url";

    @Override
    public boolean matches(ConditionContext context) {
        return context.getBeanContext() instanceof PropertyResolver properties
                && (set(properties, SERVICE_ACCOUNT) || set(properties, API_BASE_URL));
    }

    private static boolean set(PropertyResolver properties, String name) {
        return properties.getProperty(name, String.class).filter(s -> !s.isBlank()).isPresent();
    }

    /** The opposite, for the local stand-in. */
    public static final class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return !new FirebaseConfigured().matches(context);
        }
    }
}
