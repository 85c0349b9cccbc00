package uk.attendance.auth;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.attendance.contract.api.AuthApi;
import uk.attendance.contract.model.ParentCodeRequest;
import uk.attendance.contract.model.ParentCodeSent;
import uk.attendance.contract.model.ParentCodeVerification;
import uk.attendance.contract.model.RefreshRequest;
import uk.attendance.contract.model.StaffLoginRequest;
import uk.attendance.contract.model.TokenPair;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class AuthController implements AuthApi {
    static final String CODE_SENT = "If this number belongs to a parent or carer at our schools, a 6-digit code is on its way.";
    private final StaffSignIn staff;
    private final ParentSignIn parents;
    private final Sessions sessions;
    private final TokenIssuer tokens;
    private final ClientAddress clientAddress;

    AuthController(StaffSignIn staff, ParentSignIn parents, Sessions sessions, TokenIssuer tokens, ClientAddress clientAddress) {
        this.staff = staff;
        this.parents = parents;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
    }

    @Override
    public TokenPair staffLogin(StaffLoginRequest request) {
        String client = clientAddress.of(ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("No current request")));
        return tokens.signIn(staff.signIn(request.getEmail(), request.getPassword(), client));
    }

    @Override
    public HttpResponse<ParentCodeSent> requestParentCode(ParentCodeRequest request) {
        String client = clientAddress.of(ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("No current request")));
        parents.requestCode(request.getMobile(), client);
        return HttpResponse.accepted().body(new ParentCodeSent((int) SignInCodeStore.LIFETIME.toSeconds(), CODE_SENT));
    }

    @Override
    public TokenPair verifyParentCode(ParentCodeVerification verification) {
        return tokens.signIn(parents.verify(verification.getMobile(), verification.getCode()));
    }

    @Override
    public TokenPair refreshTokens(RefreshRequest request) {
        return sessions.refresh(request.getRefreshToken());
    }

    @Override
    public HttpResponse<Void> logout(RefreshRequest request) {
        sessions.end(request.getRefreshToken());
        return HttpResponse.noContent();
    }
}
