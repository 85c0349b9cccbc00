package uk.attendance.caller;

import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import uk.attendance.platform.ApiProblem;

/** The caller of the request being served. */
@Singleton
public class CurrentCaller {
    private final SecurityService security;

    CurrentCaller(SecurityService security) {
        this.security = security;
    }

    public Caller get() {
        return security.getAuthentication().map(Caller::of)
                .orElseThrow(() -> ApiProblem.unauthorized("Sign in to continue"));
    }
}
