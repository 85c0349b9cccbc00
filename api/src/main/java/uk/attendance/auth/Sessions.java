package uk.attendance.auth;

import uk.attendance.caller.Caller;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.contract.model.TokenPair;
import uk.attendance.platform.ApiProblem;

/** Keeps a sign-in going with single-use refresh tokens, and ends it. */
@Singleton
class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private final RefreshTokens refreshTokens;
    private final SignInAccounts accounts;
    private final TokenIssuer issuer;

    Sessions(RefreshTokens refreshTokens, SignInAccounts accounts, TokenIssuer issuer) {
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.issuer = issuer;
    }

    TokenPair refresh(String refreshToken) {
        Subject subject = refreshTokens.consume(refreshToken).orElseThrow(() -> ApiProblem.unauthorized(
                "This sign-in has ended (the refresh token is unknown, expired or already used). Please sign in again."));
        Caller caller = accounts.current(subject).orElseThrow(() -> {
            LOG.info("Refresh refused: {} may no longer sign in", subject);
            return ApiProblem.unauthorized("This account can no longer sign in. Please contact the school.");
        });
        return issuer.signIn(caller);
    }

    void end(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }
}
