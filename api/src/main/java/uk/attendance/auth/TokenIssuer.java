package uk.attendance.auth;

import uk.attendance.caller.Caller;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.TokenPair;

/** Signs access tokens (JWT, {@code micronaut.security.token.jwt.generator.access-token.expiration} seconds) for a {@link Caller}. */
@Singleton
public class TokenIssuer {
    private final TokenGenerator generator;
    private final AccessTokenConfiguration accessTokens;
    private final RefreshTokens refreshTokens;

    TokenIssuer(TokenGenerator generator, AccessTokenConfiguration accessTokens, RefreshTokens refreshTokens) {
        this.generator = generator;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    /** A bearer token only (no refresh token stored); handy for tests of other features. */
    public String accessToken(Caller caller) {
        Authentication authentication = Authentication.build(Subject.of(caller).toString(), caller.roles(), caller.claims());
        return generator.generateToken(authentication, accessTokens.getExpiration())
                .orElseThrow(() -> new IllegalStateException("The access token could not be signed"));
    }

    /** A signed-in session: an access token and a new refresh token. */
    public TokenPair signIn(Caller caller) {
        return new TokenPair(accessToken(caller), refreshTokens.issue(Subject.of(caller)), "Bearer",
                accessTokens.getExpiration());
    }
}
