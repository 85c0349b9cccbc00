package uk.attendance.auth;

import uk.attendance.caller.Caller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import uk.attendance.staff.StaffAccess;

/**
 * An access token of a staff member whose account was switched off is refused (401) from then on, though it has not
 * expired: checked on every request against {@link StaffAccess}, held in memory. A parent's access ends by the
 * pupil checks instead (unlinking, parental responsibility), which read the database on every request.
 */
@Singleton
class ActiveStaffTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {
    private final StaffAccess access;

    ActiveStaffTokens(StaffAccess access) {
        this.access = access;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        if (!Caller.Kind.STAFF.name().equals(String.valueOf(claims.get(Caller.KIND)))) {
            return true;
        }
        Object id = claims.get(Caller.ID);
        if (id == null) {
            return false;
        }
        try {
            long staffId = id instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(id));
            return access.active(staffId);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
