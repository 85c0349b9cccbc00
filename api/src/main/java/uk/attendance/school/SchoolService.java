package uk.attendance.school;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.SchoolInput;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Trust and schools: creation, lookup and who may see which school. */
@Singleton
public class SchoolService {
    private static final long KEEP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    private final SchoolRepository schools;
    private final TrustRepository trusts;
    private final Clock clock;
    // Every pupil-level request needs its school (access, timezone); only the follow-up times are ever edited.
    private final java.util.Map<Long, CachedSchool> byId = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedSchool(SchoolRecord school, long loadedAt) {
    }

    SchoolService(SchoolRepository schools, TrustRepository trusts, Clock clock) {
        this.schools = schools;
        this.trusts = trusts;
        this.clock = clock;
    }

    public TrustRecord createTrust(String name) {
        return trusts.save(new TrustRecord(null, name, now()));
    }

    public Optional<TrustRecord> trust(long trustId) {
        return trusts.findById(trustId);
    }

    /** Every trust of this database (usually one), oldest first. */
    public List<TrustRecord> trusts() {
        return trusts.findAllOrderById();
    }


    public SchoolRecord create(long trustId, SchoolInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId zone = zone(input.getTimezone(), problems);
        LocalTime amOpens = LocalTime.parse(input.getAmRegisterOpens());
        LocalTime pmOpens = LocalTime.parse(input.getPmRegisterOpens());
        LocalTime amEnds = LocalTime.parse(input.getAmSessionEnds());
        LocalTime pmEnds = LocalTime.parse(input.getPmSessionEnds());
        int minutes = input.getRegisterOpenMinutes();
        if (!amOpens.plusMinutes(minutes).isBefore(amEnds)) {
            problems.add(new FieldProblem("amSessionEnds", "the morning session must end after its register closes"));
        }
        if (pmOpens.isBefore(amEnds)) {
            problems.add(new FieldProblem("pmRegisterOpens", "the afternoon register must open after the morning session ends"));
        }
        if (!pmOpens.plusMinutes(minutes).isBefore(pmEnds)) {
            problems.add(new FieldProblem("pmSessionEnds", "the afternoon session must end after its register closes"));
        }
        if (schools.existsByUrn(input.getUrn())) {
            throw ApiProblem.conflict("A school with URN " + input.getUrn() + " already exists");
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return schools.save(new SchoolRecord(null, trustId, input.getUrn(), input.getName().strip(), null, null, zone.getId(),
                amOpens, pmOpens, minutes, amEnds, pmEnds,
                LocalTime.parse(Optional.ofNullable(input.getTextTime()).orElse("09:30")),
                LocalTime.parse(Optional.ofNullable(input.getCallTime()).orElse("10:00")),
                now()));
    }

    /**
     * Sets when the morning texts and calls go out. The school is read again at once on this instance; another
     * instance may use the old times for up to a minute (its cache), the morning jobs read schools afresh.
     */
    public SchoolRecord setFollowUpTimes(SchoolRecord school, LocalTime textTime, LocalTime callTime) {
        schools.updateFollowUpTimes(school.id(), textTime, callTime);
        byId.remove(school.id());
        return find(school.id()).orElseThrow();
    }

    /** Sets the local authority the school makes its returns to (see {@link #setFollowUpTimes} on caching). */
    public SchoolRecord setLocalAuthority(SchoolRecord school, String code, String name) {
        if (code == null || !code.matches("[0-9]{3}")) {
            throw ApiProblem.invalid("code", "is the LA's three-digit number, e.g. 383");
        }
        if (name == null || name.isBlank()) {
            throw ApiProblem.invalid("name", "must not be blank");
        }
        schools.updateLocalAuthority(school.id(), code, name.strip());
        byId.remove(school.id());
        return find(school.id()).orElseThrow();
    }

    /** The schools the caller works in whose local authority is {@code laCode}, by name. */
    public List<SchoolRecord> visibleInLocalAuthority(Caller caller, String laCode) {
        return visibleTo(caller).stream().filter(s -> laCode.equals(s.laCode())).toList();
    }

    /** Schools the caller works in: every school of the trust for a trust admin. */
    public List<SchoolRecord> visibleTo(Caller caller) {
        if (caller.isParent()) {
            return List.of();
        }
        if (caller.isTrustAdmin()) {
            return schools.findByTrustIdOrderByName(caller.trustId());
        }
        return caller.schoolId().flatMap(this::find).stream().toList();
    }

    /** The school, when the caller is staff there (or a trust admin of its trust); otherwise 404. */
    public SchoolRecord forStaff(Caller caller, long schoolId) {
        return find(schoolId)
                .filter(s -> s.trustId() == caller.trustId() && caller.worksAt(s.id()))
                .orElseThrow(() -> ApiProblem.notFound("No school " + schoolId));
    }

    public Optional<SchoolRecord> find(long schoolId) {
        long now = System.nanoTime();
        CachedSchool cached = byId.get(schoolId);
        if (cached != null && now - cached.loadedAt() < KEEP_NANOS) {
            return Optional.of(cached.school());
        }
        Optional<SchoolRecord> school = schools.findById(schoolId);
        school.ifPresent(s -> byId.put(schoolId, new CachedSchool(s, now)));
        return school;
    }

    public Optional<SchoolRecord> findByUrn(int urn) {
        return schools.findByUrn(urn);
    }

    /** Every school of every trust (for jobs that sweep them all). */
    public List<SchoolRecord> all() {
        return schools.findAll();
    }

    public List<SchoolRecord> inTrust(long trustId) {
        return schools.findByTrustIdOrderByName(trustId);
    }

    private static ZoneId zone(String timezone, List<FieldProblem> problems) {
        String id = Optional.ofNullable(timezone).orElse("Europe/London");
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timezone", "not a known time zone (e.g. Europe/London)"));
            return ZoneId.of("Europe/London");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
