package uk.attendance.demo;

/**
 * How many pupils {@link DemoFamilies} places in each school of a primary + secondary pair, from which
 * seed, and which pair it is (it keeps UPNs and carers' numbers apart between pairs of one trust).
 */
public record FamilyScale(int pupilsPerSchool, long seed, int pairIndex) {
    public static final FamilyScale DEMO = new FamilyScale(150, 20_250_901L, 0);

    public FamilyScale {
        if (pupilsPerSchool < 10 || pupilsPerSchool > 999) {
            throw new IllegalArgumentException("between 10 and 999 pupils per school (UPN serials have 3 digits)");
        }
        if (pairIndex < 0 || pairIndex > 1997) {
            throw new IllegalArgumentException("pair index 0–1997 (UPN establishment numbers have 4 digits)");
        }
    }
}
