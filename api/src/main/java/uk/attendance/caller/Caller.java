package uk.attendance.caller;

import io.micronaut.security.authentication.Authentication;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, read from the access token's claims (no database round trip).
 * Staff of one school carry {@code schoolId}; trust-wide staff and parents do not.
 */
public record Caller(Kind kind, long id, long trustId, Optional<Long> schoolId, Set<String> roles,
                     String name, String position) {

    public enum Kind { PARENT, STAFF }

    public static final String KIND = "kind";
    public static final String ID = "uid";
    static final String TRUST = "trust";
    static final String SCHOOL = "school";
    static final String NAME = "name";
    static final String POSITION = "position";

    public static Caller of(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        return new Caller(
                Kind.valueOf(String.valueOf(claims.get(KIND))),
                number(claims.get(ID)),
                number(claims.get(TRUST)),
                Optional.ofNullable(claims.get(SCHOOL)).map(Caller::number),
                Set.copyOf(authentication.getRoles()),
                String.valueOf(claims.getOrDefault(NAME, "")),
                String.valueOf(claims.getOrDefault(POSITION, "")));
    }

    /** The claims to put in a token for this caller (roles go in the standard roles claim). */
    public Map<String, Object> claims() {
        var claims = new java.util.HashMap<String, Object>();
        claims.put(KIND, kind.name());
        claims.put(ID, id);
        claims.put(TRUST, trustId);
        schoolId.ifPresent(s -> claims.put(SCHOOL, s));
        claims.put(NAME, name);
        claims.put(POSITION, position);
        return claims;
    }

    public boolean isParent() {
        return kind == Kind.PARENT;
    }

    public boolean isTrustAdmin() {
        return roles.contains(Roles.TRUST_ADMIN);
    }

    /** Staff may act on a school when it is theirs, or when they work for the whole trust. */
    public boolean worksAt(long school) {
        return kind == Kind.STAFF && (isTrustAdmin() || schoolId.map(s -> s == school).orElse(false));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
