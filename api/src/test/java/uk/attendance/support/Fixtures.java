package uk.attendance.support;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.auth.TokenIssuer;
import uk.attendance.contract.model.AcademicYearInput;
import uk.attendance.contract.model.Closure;
import uk.attendance.contract.model.ClosureKind;
import uk.attendance.contract.model.PupilContactInput;
import uk.attendance.contract.model.PupilInput;
import uk.attendance.contract.model.SchoolInput;
import uk.attendance.contract.model.SessionScope;
import uk.attendance.contract.model.StaffInput;
import uk.attendance.contract.model.StaffRole;
import uk.attendance.contract.model.Term;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds test data through the application's own services (no SQL behind their backs) and mints
 * access tokens for a caller. Every value that must be unique comes from a counter, so test classes
 * sharing one database never collide.
 */
@Singleton
public class Fixtures {
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final SchoolService schools;
    private final CalendarService calendars;
    private final PupilService pupils;
    private final StaffService staff;
    private final TokenIssuer tokens;

    Fixtures(SchoolService schools, CalendarService calendars, PupilService pupils, StaffService staff, TokenIssuer tokens) {
        this.schools = schools;
        this.calendars = calendars;
        this.pupils = pupils;
        this.staff = staff;
        this.tokens = tokens;
    }

    public static int next() {
        return SEQ.incrementAndGet();
    }

    public TrustRecord trust() {
        return schools.createTrust("Test Trust " + next());
    }

    /** A school with the 2025-26 calendar (autumn half-term 27-31 Oct, INSET 1 Sep-2 Sep, Christmas break). */
    public SchoolRecord school(TrustRecord trust) {
        int n = next();
        SchoolInput in = new SchoolInput(200_000 + (n % 700_000), "Test School " + n, "08:40", "13:15", 30, "12:00", "15:15");
        SchoolRecord school = schools.create(trust.id(), in);
        calendars.replaceYear(school.id(), SchoolYear.parse("2025-26").orElseThrow(), new AcademicYearInput(List.of(
                new Term("Autumn", LocalDate.parse("2025-09-01"), LocalDate.parse("2025-12-19")),
                new Term("Spring", LocalDate.parse("2026-01-05"), LocalDate.parse("2026-03-27")),
                new Term("Summer", LocalDate.parse("2026-04-13"), LocalDate.parse("2026-07-22"))))
                .closures(List.of(
                        new Closure(LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-02"), ClosureKind.INSET, SessionScope.ALL_DAY)
                                .description("Staff training"),
                        new Closure(LocalDate.parse("2025-10-27"), LocalDate.parse("2025-10-31"), ClosureKind.HALF_TERM, SessionScope.ALL_DAY),
                        new Closure(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-20"), ClosureKind.HALF_TERM, SessionScope.ALL_DAY),
                        new Closure(LocalDate.parse("2026-05-25"), LocalDate.parse("2026-05-29"), ClosureKind.HALF_TERM, SessionScope.ALL_DAY),
                        new Closure(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-04"), ClosureKind.BANK_HOLIDAY, SessionScope.ALL_DAY))));
        return school;
    }

    public PupilRecord pupil(SchoolRecord school, String group) {
        int n = next();
        return pupils.admit(school, new PupilInput("Pupil" + n, "Test", LocalDate.parse("2016-03-14"), 4, group,
                LocalDate.parse("2021-09-01")));
    }

    public PupilRecord pupil(SchoolRecord school, String group, LocalDate admitted) {
        int n = next();
        return pupils.admit(school, new PupilInput("Pupil" + n, "Test", LocalDate.parse("2016-03-14"), 4, group, admitted));
    }

    /** A parent with a unique mobile, linked to the pupils given. */
    public ContactRecord parentOf(TrustRecord trust, PupilRecord... children) {
        String mobile = uniqueMobile();
        ContactRecord contact = null;
        for (PupilRecord child : children) {
            contact = pupils.link(child, trust.id(), new PupilContactInput("Parent", "Test" + next(), mobile, 1, "Mother"))
                    .contact();
        }
        return contact;
    }

    /** An emergency contact (no parental responsibility, priority 2) with a unique mobile, linked to the pupil. */
    public ContactRecord emergencyContactOf(TrustRecord trust, PupilRecord child) {
        return pupils.link(child, trust.id(), new PupilContactInput("Emergency", "Contact" + next(), uniqueMobile(), 2,
                "Grandparent").parentalResponsibility(false).livesWith(false)).contact();
    }

    public static String uniqueMobile() {
        return String.format("+4477%08d", next() * 7L % 100_000_000L);
    }

    public StaffRecord staff(TrustRecord trust, Optional<SchoolRecord> school, String role) {
        int n = next();
        return staff.create(trust.id(), new StaffInput("staff" + n + "@test.example.org", "Staff " + n,
                role.equals(Roles.TEACHER) ? "Class teacher" : "Attendance officer",
                List.of(StaffRole.fromValue(role)), "a-long-test-password")
                .schoolId(school.map(SchoolRecord::id).orElse(null)));
    }

    public String token(StaffRecord s) {
        return token(new Caller(Caller.Kind.STAFF, s.id(), s.trustId(), Optional.ofNullable(s.schoolId()),
                Set.copyOf(s.roleList()), s.name(), s.position()));
    }

    public String token(ContactRecord parent) {
        return token(new Caller(Caller.Kind.PARENT, parent.id(), parent.trustId(), Optional.empty(),
                Set.of(Roles.PARENT), parent.firstName() + " " + parent.lastName(), ""));
    }

    public String token(Caller caller) {
        return tokens.accessToken(caller);
    }
}
