package uk.attendance.notify.text;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * True when {@code attendance.twilio.account-sid} is set and not blank. The property always exists
 * (application.yml defaults it to an empty string), so a plain {@code @Requires(property=…)} is not enough.
 */
public final class TwilioConfigured implements Condition {
    static final String ACCOUNT_SID = "attendance.twilio.account-sid";

    @Override
    public boolean matches(ConditionContext context) {
        return context.getBeanContext() instanceof PropertyResolver properties
                && properties.getProperty(ACCOUNT_SID, String.class).filter(s -> !s.isBlank()).isPresent();
    }

    /** The opposite, for the local stand-ins. */
    public static final class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return !new TwilioConfigured().matches(context);
        }
    }
}
