package uk.attendance.demo;

import uk.attendance.contract.model.SchoolInput;

import java.util.List;

/** One of the two demo schools: its register times and how its pupils are grouped. */
public enum DemoSchool {
    OAKFIELD(140001, "Oakfield Primary", "08:40", "13:15", 30, "12:00", "15:15", "oakfield.example.org",
            List.of(0, 1, 2, 3, 4, 5, 6), List.of("W", "S", "H", "B", "M", "K", "T"), 150),
    RIVERSIDE(140002, "Riverside Academy", "08:30", "13:20", 15, "12:10", "15:20", "riverside.example.org",
            List.of(7, 8, 9, 10, 11), List.of("K", "R"), 150);

    final int urn;
    final String displayName;
    private final String amOpens;
    private final String pmOpens;
    private final int registerMinutes;
    private final String amEnds;
    private final String pmEnds;
    final String emailDomain;
    final List<Integer> yearGroups;
    /** Primary: one class per year, letter by year; secondary: every letter is a tutor group in every year. */
    private final List<String> groupLetters;
    final int pupils;

    DemoSchool(int urn, String displayName, String amOpens, String pmOpens, int registerMinutes, String amEnds,
               String pmEnds, String emailDomain, List<Integer> yearGroups, List<String> groupLetters, int pupils) {
        this.urn = urn;
        this.displayName = displayName;
        this.amOpens = amOpens;
        this.pmOpens = pmOpens;
        this.registerMinutes = registerMinutes;
        this.amEnds = amEnds;
        this.pmEnds = pmEnds;
        this.emailDomain = emailDomain;
        this.yearGroups = yearGroups;
        this.groupLetters = groupLetters;
        this.pupils = pupils;
    }

    SchoolInput input() {
        return new SchoolInput(urn, displayName, amOpens, pmOpens, registerMinutes, amEnds, pmEnds).timezone("Europe/London");
    }

    static DemoSchool forYearGroup(int yearGroup) {
        return yearGroup <= 6 ? OAKFIELD : RIVERSIDE;
    }

    public boolean isPrimary() {
        return this == OAKFIELD;
    }

    /** Registration groups of a year, e.g. "3B" or "9K" and "9R". */
    List<String> groups(int yearGroup) {
        String year = yearGroup == 0 ? "R" : String.valueOf(yearGroup);
        if (isPrimary()) {
            return List.of(year + groupLetters.get(yearGroups.indexOf(yearGroup)));
        }
        return groupLetters.stream().map(letter -> year + letter).toList();
    }
}
