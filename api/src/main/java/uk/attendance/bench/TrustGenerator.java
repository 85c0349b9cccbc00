package uk.attendance.bench;

import jakarta.inject.Singleton;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.MarkImportRow;
import uk.attendance.contract.model.StaffInput;
import uk.attendance.contract.model.StaffRole;
import uk.attendance.demo.DemoFamilies;
import uk.attendance.demo.DemoFamily;
import uk.attendance.demo.DemoRegisters;
import uk.attendance.demo.DemoSchool;
import uk.attendance.demo.EnglishSchoolYear;
import uk.attendance.demo.FamilyScale;
import uk.attendance.caller.Caller;
import uk.attendance.notify.push.DeviceService;
import uk.attendance.platform.ApiProblem;
import uk.attendance.register.Author;
import uk.attendance.register.FreshMark;
import uk.attendance.register.FreshMarkLoader;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a trust of N schools × M pupils with the academic year's registers to date (to the end of the
 * year once it is over), for benchmarks. Schools, calendars, staff, pupils and carers go through the
 * services; families and the register mix are the demo trust's ({@link DemoFamilies}, {@link DemoRegisters})
 * planned once per primary/secondary pair with its own seed; marks go through {@link FreshMarkLoader}.
 */
@Singleton
public class TrustGenerator {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Keeps generated pairs' UPN establishment numbers and carers' numbers clear of the demo trust's (pair 0). */
    private static final int FIRST_PAIR = 100;

    private final SchoolService schools;
    private final CalendarService calendars;
    private final StaffService staff;
    private final PairAdmissions admissions;
    private final FreshMarkLoader marks;
    private final DeviceService devices;
    private final Clock clock;

    TrustGenerator(SchoolService schools, CalendarService calendars, StaffService staff, PairAdmissions admissions,
                   FreshMarkLoader marks, DeviceService devices, Clock clock) {
        this.schools = schools;
        this.calendars = calendars;
        this.staff = staff;
        this.admissions = admissions;
        this.marks = marks;
        this.devices = devices;
        this.clock = clock;
    }

    public GeneratedTrust generate(GenerateDataOptions options) {
        SchoolYear year = options.year();
        LocalDateTime now = LocalDateTime.now(clock.withZone(LONDON));
        if (now.toLocalDate().isBefore(year.firstDay())) {
            throw new IllegalArgumentException(year.label() + " has not started yet: nothing to register");
        }
        LocalDateTime registersUpTo = now.isAfter(year.lastDay().atStartOfDay()) ? year.lastDay().atStartOfDay() : now;
        List<BenchSchool> planned = new ArrayList<>();
        for (int i = 0; i < options.schools(); i++) {
            BenchSchool school = new BenchSchool(options.firstSchool() + i);
            if (schools.findByUrn(school.urn()).isPresent()) {
                throw ApiProblem.conflict("School URN " + school.urn() + " is taken: generate into a fresh database");
            }
            planned.add(school);
        }
        Map<String, Duration> steps = new LinkedHashMap<>();
        Stopwatch watch = new Stopwatch(steps);

        TrustRecord trust = schools.createTrust("Bench Learning Trust");
        Map<BenchSchool, SchoolRecord> created = new LinkedHashMap<>();
        for (BenchSchool school : planned) {
            SchoolRecord record = schools.setLocalAuthority(schools.create(trust.id(), school.input()),
                    school.localAuthorityCode(), school.localAuthorityName());
            for (SchoolYear y : List.of(new SchoolYear(year.startYear() - 1), year)) {
                calendars.replaceYear(record.id(), y, new EnglishSchoolYear(y).input());
            }
            created.put(school, record);
        }
        Optional<UnmarkedMorning> morning = options.unmarkedToday() < 0 ? Optional.empty()
                : Optional.of(new UnmarkedMorning(now.toLocalDate(), options.unmarkedToday(), options.seed()));
        for (SchoolRecord record : created.values()) {
            if (morning.isPresent() && !calendars.calendarOf(record.id()).isSession(now.toLocalDate(), Session.AM)) {
                throw new IllegalArgumentException("--unmarked-today: " + now.toLocalDate() + " has no morning session at "
                        + record.name() + " (set the clock to a school day)");
            }
        }
        watch.lap("trust, schools and calendars");

        List<String> signIns = new ArrayList<>();
        StaffRecord admin = staff.create(trust.id(), new StaffInput(options.firstSchool() == 0 ? "data@bench.example.org"
                : "data-" + options.firstSchool() + "@bench.example.org", "Bench Data Manager",
                "Trust data manager", List.of(StaffRole.TRUST_ADMIN), options.password()));
        signIns.add("trust admin " + admin.email());
        int staffCount = 1;
        for (var e : created.entrySet()) {
            for (StaffRole role : List.of(StaffRole.ATTENDANCE_OFFICER, StaffRole.TEACHER)) {
                String mailbox = role == StaffRole.ATTENDANCE_OFFICER ? "attendance" : "teacher";
                StaffRecord account = staff.create(trust.id(), new StaffInput(e.getKey().staffEmail(mailbox),
                        "Bench " + mailbox + " " + e.getKey().urn(), role == StaffRole.ATTENDANCE_OFFICER
                        ? "Attendance officer" : "Class teacher", List.of(role), options.password()).schoolId(e.getValue().id()));
                staffCount++;
                if (options.staffDevices()) {
                    devices.register(new Caller(Caller.Kind.STAFF, account.id(), trust.id(), Optional.of(e.getValue().id()),
                            Set.copyOf(account.roleList()), account.name(), account.position()),
                            "bench-fcm-" + account.id(), "ANDROID", "Generated device");
                }
                if (e.getKey().index() == options.firstSchool()) {
                    signIns.add(e.getKey().name() + " " + account.email());
                }
            }
        }
        watch.lap("staff");

        Set<String> mobiles = new HashSet<>();
        Map<BenchSchool, List<DemoRegisters.Enrolled>> rolls = new LinkedHashMap<>();
        int pupilCount = 0;
        for (int pair = 0; pair * 2 < planned.size(); pair++) {
            Map<DemoSchool, SchoolRecord> bySeat = new EnumMap<>(DemoSchool.class);
            Map<DemoSchool, BenchSchool> seats = new EnumMap<>(DemoSchool.class);
            for (BenchSchool school : planned.subList(pair * 2, Math.min(planned.size(), pair * 2 + 2))) {
                bySeat.put(school.plays(), created.get(school));
                seats.put(school.plays(), school);
            }
            int benchPair = planned.get(pair * 2).pair();
            List<DemoFamily> families = DemoFamilies.plan(year, registersUpTo.toLocalDate(),
                    new FamilyScale(options.pupilsPerSchool(), options.seed() + benchPair, FIRST_PAIR + benchPair));
            var admitted = admissions.admit(trust.id(), bySeat, families, mobiles);
            for (var e : admitted.entrySet()) {
                rolls.put(seats.get(e.getKey()), e.getValue());
                pupilCount += e.getValue().size();
            }
        }
        watch.lap("pupils and carers");

        Author author = new Author(Optional.of(admin.id()), admin.name(), admin.position());
        long markCount = 0;
        for (var e : created.entrySet()) {
            SchoolRecord record = e.getValue();
            List<DemoRegisters.Enrolled> roll = rolls.getOrDefault(e.getKey(), List.of());
            List<MarkImportRow> rows = new DemoRegisters(record, calendars.calendarOf(record.id()), year, registersUpTo)
                    .marks(roll);
            if (morning.isPresent()) {
                rows = morning.get().apply(rows, roll.stream().map(DemoRegisters.Enrolled::pupil).toList());
            }
            markCount += marks.load(record.id(), rows.stream().map(TrustGenerator::fresh).toList(), author, "Generated data");
            if (options.lastYear()) {
                // the same pupils' previous year (those on roll then), as registered by its end
                SchoolYear previous = new SchoolYear(year.startYear() - 1);
                List<MarkImportRow> before = new DemoRegisters(record, calendars.calendarOf(record.id()), previous,
                        previous.lastDay().atTime(23, 0)).marks(roll);
                markCount += marks.load(record.id(), before.stream().map(TrustGenerator::fresh).toList(), author,
                        "Generated data");
            }
        }
        watch.lap("registers");
        return new GeneratedTrust(trust.id(), created.values().stream().map(SchoolRecord::id).toList(), pupilCount,
                mobiles.size(), staffCount, markCount, steps, signIns);
    }

    private static FreshMark fresh(MarkImportRow row) {
        return new FreshMark(row.getPupilId(), row.getDate(), Session.valueOf(row.getSession().getValue()), row.getCode(),
                Optional.ofNullable(row.getArrivalTime()).map(LocalTime::parse));
    }

    private static final class Stopwatch {
        private final Map<String, Duration> steps;
        private long started = System.nanoTime();

        Stopwatch(Map<String, Duration> steps) {
            this.steps = steps;
        }

        void lap(String step) {
            long now = System.nanoTime();
            steps.put(step, Duration.ofNanos(now - started));
            started = now;
        }
    }
}
