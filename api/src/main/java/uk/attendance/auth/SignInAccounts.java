package uk.attendance.auth;

import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;

import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;

/** Turns staff and contact rows into {@link Caller}s, and finds them again from a token subject. */
@Singleton
class SignInAccounts {
    private final StaffService staff;
    private final PupilService contacts;

    SignInAccounts(StaffService staff, PupilService contacts) {
        this.staff = staff;
        this.contacts = contacts;
    }

    Optional<StaffRecord> staffByEmail(String email) {
        return staff.findByEmail(email.strip());
    }

    Optional<ContactRecord> parentByMobile(String e164) {
        return contacts.contactByMobile(e164);
    }

    /** The caller a refresh token was issued to, if they may still sign in. */
    Optional<Caller> current(Subject subject) {
        return switch (subject.kind()) {
            case STAFF -> staff.find(subject.id()).filter(StaffRecord::active).map(SignInAccounts::caller);
            case PARENT -> contacts.contact(subject.id()).map(SignInAccounts::caller);
        };
    }

    static Caller caller(StaffRecord s) {
        return new Caller(Caller.Kind.STAFF, s.id(), s.trustId(), Optional.ofNullable(s.schoolId()), Set.copyOf(s.roleList()),
                s.name(), s.position());
    }

    static Caller caller(ContactRecord c) {
        return new Caller(Caller.Kind.PARENT, c.id(), c.trustId(), Optional.empty(), Set.of(Roles.PARENT),
                (c.firstName() + " " + c.lastName()).strip(), "");
    }
}
