package uk.attendance.bench;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.contract.model.TokenPair;
import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.Author;
import uk.attendance.register.FreshMark;
import uk.attendance.register.FreshMarkLoader;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generated trust of 2 schools × 20 pupils with 2025-26's registers, "now" being 20 July 2026 at 13:00 in London. */
@MicronautTest(transactional = false)
@Property(name = "attendance.clock.fixed", value = "2026-07-20T12:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedTrustTest {

    @jakarta.inject.Inject
    javax.sql.DataSource markMonthsDataSource;

    @org.junit.jupiter.api.AfterAll
    void markMonthsKeptInStep() throws java.sql.SQLException {
        uk.attendance.register.MarkMonthsConsistency.assertKeptInStep(markMonthsDataSource);
    }
    private static final LocalDate TODAY = LocalDate.parse("2026-07-20");
    private static final Set<String> PRESENT = Set.of("/", "\\", "L");

    @Inject
    TrustGenerator generator;
    @Inject
    FreshMarkLoader loader;
    @Inject
    SchoolService schools;
    @Inject
    CalendarService calendars;
    @Inject
    PupilService pupils;
    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver dataSources;
    @Inject
    @Client("/")
    HttpClient client;

    GeneratedTrust trust;
    List<PupilRecord> roll;
    List<Mark> marks;

    record Mark(long pupilId, long schoolId, LocalDate date, Session session, String code) {
    }

    @BeforeAll
    void generate() throws SQLException {
        trust = generator.generate(new GenerateDataOptions(2, 20, new SchoolYear(2025), "bench-test-password", 7L));
        roll = new ArrayList<>();
        trust.schoolIds().forEach(id -> roll.addAll(pupils.ofSchool(id, Optional.empty(), Optional.empty())));
        marks = marks();
    }

    @Test
    void twoSchoolsOfTwentyPupilsInOneTrust() {
        assertEquals(2, trust.schoolIds().size());
        List<SchoolRecord> inTrust = schools.inTrust(trust.trustId());
        assertEquals(List.of(900001, 900002), inTrust.stream().map(SchoolRecord::urn).sorted().toList());
        assertEquals(40, trust.pupils());
        assertEquals(40, roll.size());
        for (long schoolId : trust.schoolIds()) {
            assertEquals(20, roll.stream().filter(p -> p.schoolId() == schoolId).count());
        }
        assertTrue(trust.contacts() >= 20, trust.contacts() + " carers");
        assertEquals(5, trust.staff(), "a trust admin and an attendance officer and a teacher per school");
    }

    @Test
    void oneMarkForEverySessionOnRollUpToThisMorning() {
        long expected = 0;
        for (long schoolId : trust.schoolIds()) {
            SchoolCalendar calendar = calendars.calendarOf(schoolId);
            for (PupilRecord p : roll.stream().filter(p -> p.schoolId() == schoolId).toList()) {
                for (LocalDate d = LocalDate.parse("2025-09-01"); !d.isAfter(TODAY); d = d.plusDays(1)) {
                    for (Session s : Session.values()) {
                        boolean past = d.isBefore(TODAY) || s == Session.AM;
                        if (past && calendar.isSession(d, s) && p.onRollOn(d)) {
                            expected++;
                        }
                    }
                }
            }
        }
        assertEquals(expected, trust.marks());
        assertEquals(expected, marks.size());
        assertTrue(expected > 40 * 250, expected + " marks (in-year admissions and a leaver per school have fewer)");
        assertEquals(marks.size(), marks.stream().map(m -> m.pupilId() + m.date().toString() + m.session()).distinct().count());
    }

    @Test
    void aRealisticMixOfCodes() {
        Map<String, Long> byCode = marks.stream().collect(Collectors.groupingBy(Mark::code, Collectors.counting()));
        double present = PRESENT.stream().mapToLong(c -> byCode.getOrDefault(c, 0L)).sum() / (double) marks.size();
        assertTrue(present > 0.85 && present < 0.97, "present share " + present);
        for (String code : List.of("/", "\\", "L", "U", "I", "O", "N")) {
            assertTrue(byCode.containsKey(code), code + " in " + byCode);
        }
        assertTrue(marks.stream().filter(m -> m.code().equals("N")).allMatch(m -> !m.date().isBefore(TODAY.minusDays(7))),
                "N only in the last few school days");
    }

    @Test
    void theAttendanceOfficerSignsInWithTheGeneratedPassword() {
        TokenPair tokens = client.toBlocking().retrieve(HttpRequest.POST("/auth/staff/login",
                Map.of("email", new BenchSchool(0).staffEmail("attendance"), "password", "bench-test-password")), TokenPair.class);
        assertNotNull(tokens.getAccessToken());
    }

    @Test
    void theBulkLoaderChecksCodesSessionsAndTheRoll() {
        long schoolId = trust.schoolIds().get(0);
        PupilRecord pupil = roll.stream().filter(p -> p.schoolId() == schoolId).findFirst().orElseThrow();
        Author author = new Author(Optional.empty(), "Test", "test");
        ApiProblem withdrawnCode = assertThrows(ApiProblem.class, () -> loader.load(schoolId,
                List.of(new FreshMark(pupil.id(), LocalDate.parse("2026-07-21"), Session.AM, "H", Optional.empty())), author, "test"));
        assertEquals("marks[0].code", withdrawnCode.fieldProblems().get(0).field());
        ApiProblem saturday = assertThrows(ApiProblem.class, () -> loader.load(schoolId,
                List.of(new FreshMark(pupil.id(), LocalDate.parse("2026-07-18"), Session.AM, "/", Optional.empty())), author, "test"));
        assertEquals("marks[0].date", saturday.fieldProblems().get(0).field());
        long otherSchoolsPupil = roll.stream().filter(p -> p.schoolId() != schoolId).findFirst().orElseThrow().id();
        ApiProblem notOurs = assertThrows(ApiProblem.class, () -> loader.load(schoolId,
                List.of(new FreshMark(otherSchoolsPupil, LocalDate.parse("2026-07-21"), Session.AM, "/", Optional.empty())), author, "test"));
        assertEquals("marks[0].pupilId", notOurs.fieldProblems().get(0).field());
    }

    @Test
    void aSecondRunIntoTheSameDatabaseIsRefused() {
        assertThrows(ApiProblem.class, () -> generator.generate(new GenerateDataOptions(1, 20, new SchoolYear(2025), "x", 7L)));
    }

    private List<Mark> marks() throws SQLException {
        Map<Long, PupilRecord> byId = roll.stream().collect(Collectors.toMap(PupilRecord::id, Function.identity()));
        List<Mark> found = new ArrayList<>();
        try (Connection c = dataSources.resolve(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pupil_id, school_id, session_date, session, code FROM mark WHERE school_id IN (?, ?)")) {
            s.setLong(1, trust.schoolIds().get(0));
            s.setLong(2, trust.schoolIds().get(1));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Mark(r.getLong(1), r.getLong(2), r.getObject(3, LocalDate.class),
                            Session.valueOf(r.getString(4)), r.getString(5)));
                }
            }
        }
        assertTrue(found.stream().allMatch(m -> byId.containsKey(m.pupilId())));
        return found;
    }
}
