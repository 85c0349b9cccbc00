package uk.attendance.bench;

import uk.attendance.school.SchoolYear;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code generate-data} builds: N schools × M pupils with the academic year's marks to date.
 *
 * @param unmarkedToday when not negative, today's morning register (the clock's day) is taken for every pupil of each
 *                      school but this many, who have no morning mark (the register close will make them {@code N}:
 *                      the unexplained absences of the follow-up benchmarks); the others are present. Negative: today
 *                      as the demo mix has it (taken after 09:30, with its absences)
 * @param staffDevices  each school's generated staff get a push device (a fake FCM token {@code bench-fcm-<staffId>}),
 *                      so call-task pushes have somewhere to go
 */
public record GenerateDataOptions(int schools, int pupilsPerSchool, SchoolYear year, String password, long seed,
                                  int unmarkedToday, boolean staffDevices, int firstSchool,
                                  boolean lastYear) {
    public static final String DEFAULT_PASSWORD = "bench-password-2025";
    static final String USAGE = "usage: generate-data [--schools N (1-200, default 20)] [--pupils M per school (10-999, default 500)]"
            + " [--year 2025-26 (default: the current academic year)] [--password staff password] [--seed n]"
            + " [--unmarked-today K (per school: today's morning register taken for all but K pupils)] [--staff-devices]"
            + " [--first-school even index (default 0): URNs, emails and UPNs from that school on, beside a trust generated before]"
            + " [--last-year (the previous academic year's registers too, for the pupils on roll then)]";

    public GenerateDataOptions {
        if (schools < 1 || schools > 200) {
            throw new IllegalArgumentException("--schools must be 1-200");
        }
        if (pupilsPerSchool < 10 || pupilsPerSchool > 999) {
            throw new IllegalArgumentException("--pupils must be 10-999 (UPN serials have 3 digits)");
        }
        if (firstSchool < 0 || firstSchool % 2 != 0 || firstSchool > 800) {
            throw new IllegalArgumentException("--first-school must be an even number 0-800 (schools come in primary/secondary pairs)");
        }
    }

    public GenerateDataOptions(int schools, int pupilsPerSchool, SchoolYear year, String password, long seed,
                               int unmarkedToday, boolean staffDevices) {
        this(schools, pupilsPerSchool, year, password, seed, unmarkedToday, staffDevices, 0, false);
    }

    public GenerateDataOptions(int schools, int pupilsPerSchool, SchoolYear year, String password, long seed) {
        this(schools, pupilsPerSchool, year, password, seed, -1, false);
    }

    static GenerateDataOptions parse(List<String> args, SchoolYear currentYear) {
        int schools = 20;
        int pupils = 500;
        SchoolYear year = currentYear;
        String password = DEFAULT_PASSWORD;
        long seed = 20_250_901L;
        int unmarkedToday = -1;
        boolean staffDevices = false;
        int firstSchool = 0;
        boolean lastYear = false;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (flag.equals("--staff-devices")) {
                staffDevices = true;
                continue;
            }
            if (flag.equals("--last-year")) {
                lastYear = true;
                continue;
            }
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
                    case "--first-school" -> firstSchool = Integer.parseInt(value);
                    case "--unmarked-today" -> {
                        unmarkedToday = Integer.parseInt(value);
                        if (unmarkedToday < 0) {
                            throw new IllegalArgumentException("--unmarked-today must be 0 or more");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number");
            }
        }
        return new GenerateDataOptions(schools, pupils, year, password, seed, unmarkedToday, staffDevices, firstSchool, lastYear);
    }
}
