package uk.attendance.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Who can sign in to the demo trust: staff by email and the shared demo password, parents by a text
 * code to a fictional number. Read by the startup banner; the demo data is documented, not secret.
 */
public record DemoSignIns(String trustName, String password, List<StaffSignIn> staff, List<ParentSignIn> parents) {

    /** {@code place} is the school's name, or the trust's for the trust-wide admin. */
    public record StaffSignIn(String place, String role, String position, String email) {
    }

    /** {@code children} says where the parent's children are, never who they are. */
    public record ParentSignIn(String mobile, String children) {
    }

    public List<String> bannerLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Demo trust \"" + trustName + "\": staff sign in with password " + password);
        staff.forEach(s -> lines.add(String.format("  %-20s %-19s %s", s.place(), s.role(), s.email())));
        // Ofcom drama numbers (+447700900000-999) belong to nobody, so they are safe to print in full.
        lines.add("Parents sign in with a text code (fictional Ofcom drama numbers; no real phone is texted):");
        parents.forEach(p -> lines.add(String.format("  %-15s %s", p.mobile(), p.children())));
        return lines;
    }
}
