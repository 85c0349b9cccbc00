package uk.attendance.e2e;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** Adds the signed-in user's token to the generated clients' requests (the contract's security is not a parameter). */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
@Requires(env = "e2e")
public class BearerTokenFilter {
    private static volatile String token;

    public static void use(String accessToken) {
        token = accessToken;
    }

    @RequestFilter
    void addToken(MutableHttpRequest<?> request) {
        String current = token;
        if (current != null) {
            request.bearerAuth(current);
        }
    }
}
