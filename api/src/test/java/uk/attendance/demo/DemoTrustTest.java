package uk.attendance.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo trust as loaded on startup with the clock at Thursday 20 November 2025, 10:15 in London. */
@MicronautTest(transactional = false)
@Property(name = "attendance.demo.enabled", value = "true")
@Property(name = "attendance.clock.fixed", value = "2025-11-20T10:15:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTrustTest {
    private static final LocalDate TODAY = LocalDate.parse("2025-11-20");
    private static final Set<String> NOT_POSSIBLE = Set.of("D", "X", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z", "#");
    private static final Set<String> ATTENDED = Set.of("/", "\\", "L", "K", "V", "P", "W", "B");

    @Inject
    SchoolService schools;
    @Inject
    CalendarService calendars;
    @Inject
    PupilService pupils;
    @Inject
    StaffService staff;
    @Inject
    DemoTrustLoader loader;
    @Inject
    DemoSignIns signIns;
    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver dataSources;

    SchoolRecord oakfield;
    SchoolRecord riverside;
    List<PupilRecord> roll;
    List<Mark> marks;

    record Mark(long pupilId, long schoolId, LocalDate date, Session session, String code) {
    }

    @BeforeAll
    void readTheDemoTrust() throws SQLException {
        oakfield = schools.findByUrn(140001).orElseThrow();
        riverside = schools.findByUrn(140002).orElseThrow();
        roll = new ArrayList<>(pupils.ofSchool(oakfield.id(), Optional.empty(), Optional.empty()));
        roll.addAll(pupils.ofSchool(riverside.id(), Optional.empty(), Optional.empty()));
        marks = marks();
    }

    @Test
    void twoSchoolsOfTheTrustWithTheirRegisterTimes() {
        assertEquals(oakfield.trustId(), riverside.trustId());
        assertEquals("Oak Learning Trust", schools.trust(oakfield.trustId()).orElseThrow().name());
        assertEquals(List.of("Oakfield Primary", "Riverside Academy"),
                schools.inTrust(oakfield.trustId()).stream().map(SchoolRecord::name).toList());
        assertEquals("08:40", oakfield.amRegisterOpens().toString());
        assertEquals("Europe/London", riverside.timezone());
        assertTrue(calendars.year(oakfield.id(), new SchoolYear(2024)).isPresent(), "last year's calendar too");
    }

    @Test
    void bothSchoolsMakeTheirLocalAuthorityReturnsToLeeds() {
        assertEquals(Optional.of(new SchoolRecord.LocalAuthority("383", "Leeds")), oakfield.localAuthority());
        assertEquals(Optional.of(new SchoolRecord.LocalAuthority("383", "Leeds")), riverside.localAuthority());
    }

    @Test
    void aboutThreeHundredPupils() {
        assertEquals(300, roll.size());
        assertTrue(roll.stream().anyMatch(p -> p.leavingDate() != null));
        assertTrue(roll.stream().anyMatch(p -> p.admissionDate().isAfter(LocalDate.parse("2025-09-03"))));
        assertTrue(roll.stream().anyMatch(PupilRecord::lookedAfter));
        assertTrue(roll.stream().anyMatch(p -> p.sendStatus().equals("EHCP")));
        assertTrue(roll.stream().anyMatch(p -> p.socialWorkerName() != null));
    }

    @Test
    void oneStaffAccountPerRolePerSchoolAndATrustAdmin() {
        List<StaffRecord> all = staff.visibleTo(new Caller(Caller.Kind.STAFF, 0, oakfield.trustId(), Optional.empty(),
                Set.of(Roles.TRUST_ADMIN), "test", "test"));
        for (SchoolRecord school : List.of(oakfield, riverside)) {
            for (String role : List.of(Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER)) {
                assertEquals(1, all.stream().filter(s -> school.id().equals(s.schoolId()) && s.roleList().contains(role)).count(),
                        school.name() + " " + role);
            }
        }
        assertEquals(1, all.stream().filter(s -> s.schoolId() == null && s.roleList().equals(List.of(Roles.TRUST_ADMIN))).count());
        assertEquals(signIns.staff().stream().map(DemoSignIns.StaffSignIn::email).collect(Collectors.toSet()),
                all.stream().map(StaffRecord::email).collect(Collectors.toSet()));
    }

    @Test
    void theThreeBannerParentsExistAndOneHasChildrenInBothSchools() {
        Map<String, Set<Long>> schoolsByMobile = new HashMap<>();
        for (PupilRecord p : roll) {
            for (PupilService.ContactLink link : pupils.contactsOf(p.id())) {
                schoolsByMobile.computeIfAbsent(link.contact().mobile(), m -> new HashSet<>()).add(p.schoolId());
            }
        }
        assertTrue(schoolsByMobile.keySet().stream().allMatch(m -> m.matches("\\+447700900\\d{3}")));
        assertEquals(3, signIns.parents().size());
        signIns.parents().forEach(p -> assertTrue(schoolsByMobile.containsKey(p.mobile()), p.mobile()));
        assertEquals(Set.of(oakfield.id(), riverside.id()), schoolsByMobile.get(DemoFamilies.BOTH_SCHOOLS_MOBILE));
        assertTrue(schoolsByMobile.size() > 150, schoolsByMobile.size() + " carers");
    }

    @Test
    void marksOnlyOnSchoolSessionsOfThisYearUpToThisMorning() {
        Map<Long, SchoolCalendar> calendarBySchool = Map.of(oakfield.id(), calendars.calendarOf(oakfield.id()),
                riverside.id(), calendars.calendarOf(riverside.id()));
        Map<Long, PupilRecord> byId = roll.stream().collect(Collectors.toMap(PupilRecord::id, p -> p));
        assertTrue(marks.size() > 25_000, marks.size() + " marks");
        for (Mark m : marks) {
            assertTrue(calendarBySchool.get(m.schoolId()).isSession(m.date(), m.session()), m.toString());
            assertTrue(!m.date().isBefore(LocalDate.parse("2025-09-01")), m.toString());
            assertTrue(m.date().isBefore(TODAY) || (m.date().equals(TODAY) && m.session() == Session.AM), m.toString());
            assertTrue(byId.get(m.pupilId()).onRollOn(m.date()), m.toString());
        }
        assertTrue(marks.stream().anyMatch(m -> m.date().equals(TODAY)), "this morning's register is in");
    }

    @Test
    void aRealisticMixOfCodesWithNOnlyInTheLastFiveSchoolDays() {
        Set<String> codes = marks.stream().map(Mark::code).collect(Collectors.toSet());
        assertTrue(codes.containsAll(List.of("/", "\\", "I", "M", "L", "U", "G", "O", "N", "C", "V", "P")), codes.toString());
        Map<String, Long> counts = marks.stream().collect(Collectors.groupingBy(Mark::code, Collectors.counting()));
        assertTrue(counts.get("/") + counts.get("\\") > marks.size() * 0.85, counts.toString());
        SchoolCalendar calendar = calendars.calendarOf(oakfield.id());
        for (Mark m : marks) {
            if (m.code().equals("N")) {
                assertFalse(calendar.nthSchoolDayAfter(m.date(), 5).orElseThrow().isBefore(TODAY), m.toString());
            }
        }
    }

    @Test
    void somePupilsBelow96AndBelow90AndBelow50Percent() {
        Map<Long, int[]> byPupil = new HashMap<>();
        for (Mark m : marks) {
            if (NOT_POSSIBLE.contains(m.code())) {
                continue;
            }
            int[] tally = byPupil.computeIfAbsent(m.pupilId(), id -> new int[2]);
            tally[0]++;
            if (ATTENDED.contains(m.code())) {
                tally[1]++;
            }
        }
        List<Double> rates = byPupil.values().stream().map(t -> 100.0 * t[1] / t[0]).toList();
        long below96 = rates.stream().filter(r -> r < 96).count();
        long below90 = rates.stream().filter(r -> r < 90).count();
        long below50 = rates.stream().filter(r -> r < 50).count();
        assertTrue(below90 >= 5 && below90 <= rates.size() / 5, below90 + " persistent absentees");
        assertTrue(below96 > below90 + 20, below96 + " below 96 %");
        assertTrue(below50 >= 1 && below50 <= 3, below50 + " severe absentees");
        assertTrue(rates.stream().filter(r -> r >= 96).count() > 150, "most pupils attend well");
    }

    @Test
    void loadingAgainLoadsNothing() throws SQLException {
        int before = marks.size();
        assertFalse(loader.load().loaded());
        assertEquals(300, pupils.ofSchool(oakfield.id(), Optional.empty(), Optional.empty()).size()
                + pupils.ofSchool(riverside.id(), Optional.empty(), Optional.empty()).size());
        assertEquals(before, marks().size());
        assertEquals(2, schools.inTrust(oakfield.trustId()).size());
    }

    private List<Mark> marks() throws SQLException {
        List<Mark> found = new ArrayList<>();
        // Read straight from the pool: the injected DataSource only hands out the current transaction's connection.
        try (Connection c = dataSources.resolve(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT pupil_id, school_id, session_date, session, code FROM mark WHERE school_id IN (?, ?)")) {
            s.setLong(1, oakfield.id());
            s.setLong(2, riverside.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Mark(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                            Session.valueOf(rs.getString(4)), rs.getString(5)));
                }
            }
        }
        return found;
    }
}
