package uk.attendance.demo;

import uk.attendance.caller.Roles;

import java.util.List;
import java.util.Optional;

/** A demo staff account; {@code school} is empty for the trust-wide admin. */
record DemoStaff(Optional<DemoSchool> school, String role, String email, String name, String position) {

    static final List<DemoStaff> ALL = List.of(
            atSchool(DemoSchool.OAKFIELD, Roles.ATTENDANCE_OFFICER, "attendance", "Helen Marsh", "Attendance officer"),
            atSchool(DemoSchool.OAKFIELD, Roles.TEACHER, "teacher", "Tom Ellis", "Class teacher"),
            atSchool(DemoSchool.OAKFIELD, Roles.DSL, "dsl", "Priya Shah", "Designated safeguarding lead"),
            atSchool(DemoSchool.OAKFIELD, Roles.HEADTEACHER, "head", "Claire Dawson", "Headteacher"),
            atSchool(DemoSchool.RIVERSIDE, Roles.ATTENDANCE_OFFICER, "attendance", "Gary Holt", "Attendance officer"),
            atSchool(DemoSchool.RIVERSIDE, Roles.TEACHER, "teacher", "Aisha Rahman", "Form tutor"),
            atSchool(DemoSchool.RIVERSIDE, Roles.DSL, "dsl", "Mark Fenton", "Designated safeguarding lead"),
            atSchool(DemoSchool.RIVERSIDE, Roles.HEADTEACHER, "head", "Dr Ruth Okafor", "Headteacher"),
            new DemoStaff(Optional.empty(), Roles.TRUST_ADMIN, "data@oaklearning.example.org", "Simon Price", "Trust data manager"));

    private static DemoStaff atSchool(DemoSchool school, String role, String mailbox, String name, String position) {
        return new DemoStaff(Optional.of(school), role, mailbox + "@" + school.emailDomain, name, position);
    }

    static DemoStaff trustAdmin() {
        return ALL.stream().filter(s -> s.role().equals(Roles.TRUST_ADMIN)).findFirst().orElseThrow();
    }
}
