package uk.attendance.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Attendance bands of policy 003, chosen on the one-decimal display percentage (convention 2), so 89.96 %
 * (shown as 90.0 %) is in band "90–92.4" even though the pupil is a persistent absentee on exact values.
 * Policy 003 has no band below 85 %; BELOW_85 is a product convention.
 */
public enum AttendanceBand {
    GOOD_TO_EXCELLENT("97.5–100", new BigDecimal("97.5"), "#2E7D32",
            "Attendance levels are good to excellent",
            "Positive encouragement, incentives and rewards; the school may write about any unauthorised absences; monitoring continues."),
    START_TO_CAUSE_CONCERN("95–97.4", new BigDecimal("95.0"), "#9E9D24",
            "Attendance levels start to cause concern",
            "The school may write expressing concern and ask for medical evidence for further absences; it may invite parents to a meeting; monitoring continues."),
    FURTHER_SIGNIFICANT_CONCERN("92.5–94.9", new BigDecimal("92.5"), "#F9A825",
            "Attendance levels causing further significant concern",
            "Parents are invited to a meeting and offered a plan of action with a home-school agreement; evidence is required for absences; a final warning letter may be issued."),
    NOT_IMPROVING("90–92.4", new BigDecimal("90.0"), "#EF6C00",
            "Attendance levels do not improve, and further unauthorised absences are recorded",
            "A final warning letter or a letter requesting a penalty notice from the local authority may be sent; monitoring and further interventions continue."),
    FURTHER_CONCERNS("85–89.9", new BigDecimal("85.0"), "#C62828",
            "Attendance levels do not improve, and further concerns are raised",
            "Below 90% the pupil is a persistent absentee; legal routes such as a penalty notice or a section 444 referral may be used if support has not worked."),
    BELOW_85("Below 85", BigDecimal.ZERO, "#7F0000",
            "Attendance below 85% (not covered by the school's band policy)",
            "Not described in the school's policy; the interventions of the 85–89.9 band continue to apply.");

    private final String label;
    private final BigDecimal lowerBound;
    private final String colour;
    private final String description;
    private final String schoolAction;

    AttendanceBand(String label, BigDecimal lowerBound, String colour, String description, String schoolAction) {
        this.label = label;
        this.lowerBound = lowerBound;
        this.colour = colour;
        this.description = description;
        this.schoolAction = schoolAction;
    }

    /** The band for a display percentage (already rounded to one decimal place). */
    public static AttendanceBand forDisplayPercent(BigDecimal displayPercent) {
        Objects.requireNonNull(displayPercent, "displayPercent");
        for (AttendanceBand band : values()) {
            if (displayPercent.compareTo(band.lowerBound) >= 0) {
                return band;
            }
        }
        return BELOW_85;
    }

    public String label() {
        return label;
    }

    /** Inclusive lower bound on the display percentage. */
    public BigDecimal lowerBound() {
        return lowerBound;
    }

    public String colour() {
        return colour;
    }

    public String description() {
        return description;
    }

    /** What the school does at this level (policy 003, abridged). */
    public String schoolAction() {
        return schoolAction;
    }
}
