package uk.attendance.demo;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.MarkImport;
import uk.attendance.contract.model.MarkImportRow;
import uk.attendance.contract.model.StaffInput;
import uk.attendance.contract.model.StaffRole;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.RegisterService;
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
 * Loads the demo trust through the application's services, all in one transaction: a failed load
 * leaves nothing behind and the next start tries again. Skipped when either demo URN is already taken.
 */
@Singleton
public class DemoTrustLoader {
    static final String DEFAULT_PASSWORD = "demo-password-2025";
    static final int BATCH = 10_000;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final SchoolService schools;
    private final CalendarService calendars;
    private final PupilService pupils;
    private final StaffService staff;
    private final RegisterService registers;
    private final Clock clock;
    private final String trustName;
    private final String password;

    DemoTrustLoader(SchoolService schools, CalendarService calendars, PupilService pupils, StaffService staff,
                    RegisterService registers, Clock clock,
                    @Value("${attendance.trust-name:Oak Learning Trust}") String trustName,
                    @Value("${attendance.demo.password:" + DEFAULT_PASSWORD + "}") String password) {
        this.schools = schools;
        this.calendars = calendars;
        this.pupils = pupils;
        this.staff = staff;
        this.registers = registers;
        this.clock = clock;
        this.trustName = trustName;
        this.password = password;
    }

    public boolean alreadyLoaded() {
        return List.of(DemoSchool.values()).stream().anyMatch(s -> schools.findByUrn(s.urn).isPresent());
    }

    @Transactional
    public DemoLoad load() {
        if (alreadyLoaded()) {
            return DemoLoad.alreadyThere();
        }
        Map<String, Duration> steps = new LinkedHashMap<>();
        Stopwatch watch = new Stopwatch(steps);
        LocalDateTime now = LocalDateTime.now(clock.withZone(LONDON));
        SchoolYear year = SchoolYear.containing(now.toLocalDate());

        TrustRecord trust = schools.createTrust(trustName);
        Map<DemoSchool, SchoolRecord> created = new EnumMap<>(DemoSchool.class);
        for (DemoSchool school : DemoSchool.values()) {
            // both demo schools make their local-authority returns to Leeds (LA 383)
            SchoolRecord record = schools.setLocalAuthority(schools.create(trust.id(), school.input()), "383", "Leeds");
            for (SchoolYear y : List.of(new SchoolYear(year.startYear() - 1), year)) {
                calendars.replaceYear(record.id(), y, new EnglishSchoolYear(y).input());
            }
            created.put(school, record);
        }
        watch.lap("trust, schools and calendars");

        List<StaffRecord> accounts = DemoStaff.ALL.stream().map(s -> staff.create(trust.id(),
                new StaffInput(s.email(), s.name(), s.position(), List.of(StaffRole.fromValue(s.role())), password)
                        .schoolId(s.school().map(created::get).map(SchoolRecord::id).orElse(null)))).toList();
        watch.lap("staff");

        List<DemoFamily> families = DemoFamilies.plan(year, now.toLocalDate());
        Map<DemoSchool, List<DemoRegisters.Enrolled>> rolls = new EnumMap<>(DemoSchool.class);
        Set<String> mobiles = new HashSet<>();
        int pupilCount = 0;
        for (DemoFamily family : families) {
            for (DemoPupil child : family.children()) {
                PupilRecord pupil = pupils.admit(created.get(child.school()), child.input());
                pupilCount++;
                for (int p = 0; p < family.carers().size(); p++) {
                    pupils.link(pupil, trust.id(), family.carers().get(p).linkAs(p + 1));
                    mobiles.add(family.carers().get(p).mobile());
                }
                rolls.computeIfAbsent(child.school(), s -> new ArrayList<>())
                        .add(new DemoRegisters.Enrolled(pupil, child, family.termTimeHoliday()));
            }
        }
        watch.lap("pupils and carers");

        Caller admin = trustAdmin(accounts);
        int markCount = 0;
        for (DemoSchool school : DemoSchool.values()) {
            SchoolRecord record = created.get(school);
            List<MarkImportRow> rows = new DemoRegisters(record, calendars.calendarOf(record.id()), year,
                    LocalDateTime.now(clock.withZone(record.zone()))).marks(rolls.getOrDefault(school, List.of()));
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<MarkImportRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                registers.importMarks(admin, record.id(), new MarkImport(new ArrayList<>(batch)).reason("Demo data"));
            }
            markCount += rows.size();
        }
        watch.lap("registers");
        return new DemoLoad(true, created.size(), pupilCount, mobiles.size(), accounts.size(), markCount, steps);
    }

    private static Caller trustAdmin(List<StaffRecord> accounts) {
        StaffRecord admin = accounts.stream().filter(a -> a.roleList().contains(Roles.TRUST_ADMIN)).findFirst().orElseThrow();
        return new Caller(Caller.Kind.STAFF, admin.id(), admin.trustId(), Optional.empty(), Set.of(Roles.TRUST_ADMIN),
                admin.name(), admin.position());
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
