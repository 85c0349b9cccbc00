package uk.attendance.bench;

import uk.attendance.school.SchoolYear;

import java.util.ArrayList;
import java.util.List;

/** What {@code generate-data} builds: N schools × M pupils with the academic year's marks to date. */
public record GenerateDataOptions(int schools, int pupilsPerSchool, SchoolYear year, String password, long seed) {
    public static final String DEFAULT_PASSWORD = "bench-password-2025";
    static final String USAGE = "usage: generate-data [--schools N (1-200, default 20)] [--pupils M per school (10-999, default 500)]"
            + " [--year 2025-26 (default: the current academic year)] [--password staff password] [--seed n]";

    public GenerateDataOptions {
        if (schools < 1 || schools > 200) {
            throw new IllegalArgumentException("--schools must be 1-200");
        }
        if (pupilsPerSchool < 10 || pupilsPerSchool > 999) {
            throw new IllegalArgumentException("--pupils must be 10-999 (UPN serials have 3 digits)");
        }
    }

    static GenerateDataOptions parse(List<String> args, SchoolYear currentYear) {
        int schools = 20;
        int pupils = 500;
        SchoolYear year = currentYear;
        String password = DEFAULT_PASSWORD;
        long seed = 20_250_901L;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = rest.remove(0);
            try {
                switch (flag) {
                    case "--schools" -> schools = Integer.parseInt(value);
                    case "--pupils" -> pupils = Integer.parseInt(value);
                    case "--year" -> year = SchoolYear.parse(value)
                            .orElseThrow(() -> new IllegalArgumentException("--year is written like 2025-26"));
                    case "--password" -> password = value;
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number");
            }
        }
        return new GenerateDataOptions(schools, pupils, year, password, seed);
    }
}
