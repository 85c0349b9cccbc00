package uk.attendance.bench;

import uk.attendance.contract.model.SchoolInput;
import uk.attendance.demo.DemoSchool;

import java.util.List;

/**
 * The i-th school (0-based) of a generated trust: even ones are primaries, odd ones secondaries, and
 * each primary/secondary pair shares families (as the demo's two schools do). URNs start at 900001,
 * far from the demo's and from real ones; staff emails are derived from the URN.
 */
public record BenchSchool(int index) {
    static final int FIRST_URN = 900_001;

    public int urn() {
        return FIRST_URN + index;
    }

    public int pair() {
        return index / 2;
    }

    /** Which of the demo's two school kinds this one plays in its pair's family plan. */
    public DemoSchool plays() {
        return index % 2 == 0 ? DemoSchool.OAKFIELD : DemoSchool.RIVERSIDE;
    }

    public String name() {
        return String.format(index % 2 == 0 ? "Bench Primary %02d" : "Bench Academy %02d", index + 1);
    }

    public String staffEmail(String mailbox) {
        return mailbox + "@" + urn() + ".bench.example.org";
    }

    private static final List<String[]> LOCAL_AUTHORITIES = List.of(
            new String[]{"383", "Leeds"}, new String[]{"384", "Wakefield"}, new String[]{"380", "Bradford"});

    /** Each primary/secondary pair shares one local authority; pairs take Leeds, Wakefield and Bradford in turn. */
    String localAuthorityCode() {
        return LOCAL_AUTHORITIES.get(pair() % LOCAL_AUTHORITIES.size())[0];
    }

    String localAuthorityName() {
        return LOCAL_AUTHORITIES.get(pair() % LOCAL_AUTHORITIES.size())[1];
    }

    SchoolInput input() {
        return index % 2 == 0
                ? new SchoolInput(urn(), name(), "08:40", "13:15", 30, "12:00", "15:15").timezone("Europe/London")
                : new SchoolInput(urn(), name(), "08:30", "13:20", 15, "12:10", "15:20").timezone("Europe/London");
    }
}
