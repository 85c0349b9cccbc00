package uk.attendance.auth;

import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns staff and contact rows into {@link Caller}s, and finds them again from a token subject. */
@Singleton
class SignInAccounts {
    private final StaffAccountRepository staff;
    private final ParentContactRepository contacts;

    SignInAccounts(StaffAccountRepository staff, ParentContactRepository contacts) {
        this.staff = staff;
        this.contacts = contacts;
    }

    Optional<StaffAccountRecord> staffByEmail(String email) {
        return staff.findByEmail(email.strip());
    }

    Optional<ParentContactRecord> parentByMobile(String e164) {
        return contacts.findFirstByMobileOrderById(e164);
    }

    /** The caller a refresh token was issued to, if they may still sign in. */
    Optional<Caller> current(Subject subject) {
        return switch (subject.kind()) {
            case STAFF -> staff.findById(subject.id()).filter(StaffAccountRecord::active).map(SignInAccounts::caller);
            case PARENT -> contacts.findById(subject.id()).map(SignInAccounts::caller);
        };
    }

    static Caller caller(StaffAccountRecord s) {
        Set<String> roles = Arrays.stream(s.roles().split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(Caller.Kind.STAFF, s.id(), s.trustId(), Optional.ofNullable(s.schoolId()), roles,
                s.name(), s.position());
    }

    static Caller caller(ParentContactRecord c) {
        return new Caller(Caller.Kind.PARENT, c.id(), c.trustId(), Optional.empty(), Set.of(Roles.PARENT),
                (c.firstName() + " " + c.lastName()).strip(), "");
    }
}
