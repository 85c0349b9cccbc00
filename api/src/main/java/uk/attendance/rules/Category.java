package uk.attendance.rules;

/** DfE statistical category of a register code (rule book §1). */
public enum Category {
    PRESENT("Present", "#2E7D32"),
    APPROVED_EDUCATIONAL_ACTIVITY("Approved educational activity", "#1565C0"),
    AUTHORISED("Authorised absence", "#F9A825"),
    UNAUTHORISED("Unauthorised absence", "#C62828"),
    NOT_POSSIBLE("Not a possible session (not counted)", "#9E9E9E"),
    ADMINISTRATIVE("Administrative (not counted)", "#E0E0E0");

    private final String label;
    private final String colour;

    Category(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    /** Counts in the denominator of attendance % ("possible sessions"). */
    public boolean possible() {
        return this == PRESENT || this == APPROVED_EDUCATIONAL_ACTIVITY || this == AUTHORISED || this == UNAUTHORISED;
    }

    /** Counts as attendance: DfE overall attendance = present + approved educational activity. */
    public boolean attended() {
        return this == PRESENT || this == APPROVED_EDUCATIONAL_ACTIVITY;
    }

    public boolean absent() {
        return this == AUTHORISED || this == UNAUTHORISED;
    }

    /** Hex colour (#RRGGBB) for charts. */
    public String colour() {
        return colour;
    }

    public String label() {
        return label;
    }
}
