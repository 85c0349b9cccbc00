package uk.attendance.dashboard;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.attendance.bench.BenchSchool;
import uk.attendance.bench.GenerateDataOptions;
import uk.attendance.bench.TrustGenerator;
import uk.attendance.contract.model.DashboardFigures;
import uk.attendance.contract.model.DashboardSchoolRow;
import uk.attendance.contract.model.DashboardWeek;
import uk.attendance.contract.model.SchoolDashboard;
import uk.attendance.contract.model.StaffInput;
import uk.attendance.contract.model.StaffRole;
import uk.attendance.contract.model.TokenPair;
import uk.attendance.contract.model.TrustDashboard;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffService;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated trust of 3 schools × 40 pupils with 2024-25's registers and 2025-26's to Friday 20 March 2026 (schools 41-43 of the
 * bench numbering, clear of other tests' generated trusts). Every figure of the school and trust dashboards is checked
 * against an aggregate written here in SQL directly over {@code mark} and {@code pupil}: a pupil's marks while on roll
 * (admission to leaving date; the register writes marks only on the calendar's sessions), rule book section 2.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.clock.fixed", value = "2026-03-20T12:00:00Z")
// The test brings its own schools' figures up to date (awaitFresh) instead of waiting for the scheduled refresher,
// which in a full suite first works through every other test school's stale years; infra/bench/dashboard.sh measures
// the scheduled path (a mark shown within a second).
@Property(name = "attendance.dashboard.scheduled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardFiguresHttpTest {
    private static final int FIRST = 40;
    private static final String PASSWORD = "dashboard-test-password";
    private static final LocalDate YEAR_START = LocalDate.parse("2025-09-01");
    private static final LocalDate WEEK_END = LocalDate.parse("2026-03-22");
    private static final LocalDate LAST_YEAR_START = LocalDate.parse("2024-09-01");
    /** Week 29 of 2024-25 (week 1 began on Monday 26 August 2024) ends on Sunday 16 March 2025. */
    private static final LocalDate LAST_YEAR_WEEK_END = LocalDate.parse("2025-03-16");
    private static final String PRESENT = "'/', '\\\\', 'L', 'K', 'V', 'P', 'W', 'B'";
    private static final String AUTHORISED = "'C', 'C1', 'C2', 'E', 'I', 'J1', 'M', 'R', 'S', 'T'";
    private static final String UNAUTHORISED = "'G', 'N', 'O', 'U'";

    @Inject
    io.micronaut.json.JsonMapper json;
    @Inject
    TrustGenerator generator;
    @Inject
    FigureComputer computer;
    @Inject
    SchoolService schools;
    @Inject
    StaffService staff;
    DataSource dataSource;

    @Inject
    void dataSource(DataSource contextual) {
        // the pool itself: the test's own SQL runs outside any transaction
        this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(contextual);
    }
    @Inject
    @Client("/")
    HttpClient client;

    List<Long> schoolIds;
    long trustId;
    String admin;
    String officerA;
    String officerB;
    String teacherA;

    @BeforeAll
    void generate() throws Exception {
        if (schools.findByUrn(new BenchSchool(FIRST).urn()).isEmpty()) {
            generator.generate(new GenerateDataOptions(3, 40, new SchoolYear(2025), PASSWORD, 13L, -1, false, FIRST, true));
        }
        schoolIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SchoolRecord school = schools.findByUrn(new BenchSchool(FIRST + i).urn()).orElseThrow();
            schoolIds.add(school.id());
            trustId = school.trustId();
        }
        admin = login("data-" + FIRST + "@bench.example.org");
        officerA = login(new BenchSchool(FIRST).staffEmail("attendance"));
        officerB = login(new BenchSchool(FIRST + 1).staffEmail("attendance"));
        teacherA = login(new BenchSchool(FIRST).staffEmail("teacher"));
        awaitFresh();
    }

    @Test
    @Order(1)
    void eachSchoolsFiguresAreTheSqlAggregateOfItsMarks() throws SQLException {
        for (long schoolId : schoolIds) {
            SchoolDashboard d = get("/schools/" + schoolId + "/dashboard", admin, SchoolDashboard.class);
            assertEquals("2025-26", d.getAcademicYear());
            assertEquals(29, d.getWeek(), "week 1 is the week of Monday 1 September");
            assertEquals(LocalDate.parse("2026-03-16"), d.getWeekCommencing());
            assertEquals(WEEK_END, d.getFiguresTo());
            assertNotNull(d.getComputedAt());
            List<Long> one = List.of(schoolId);
            assertFigures(expected(one, "ALL").get("ALL"), d.getTotals());
            assertTrue(d.getTotals().getPupils() > 30, "pupils " + d.getTotals().getPupils());
            assertTrue(d.getTotals().getPersistentAbsentees() > 0, "the generated mix has persistent absentees");
            int checked = 0;
            for (Dimension dimension : Dimension.values()) {
                if (dimension == Dimension.ALL) {
                    continue;
                }
                Map<String, long[]> sql = expected(one, dimension.name());
                List<DashboardFigures> rows = d.getGroups().stream()
                        .filter(g -> g.getDimension().getValue().equals(dimension.name())).toList();
                assertEquals(sql.keySet(), rows.stream().map(DashboardFigures::getValue).collect(java.util.stream.Collectors.toSet()),
                        dimension + " groups");
                for (DashboardFigures row : rows) {
                    assertFigures(sql.get(row.getValue()), row);
                    checked++;
                }
            }
            assertTrue(checked >= 10, checked + " groups");
            assertWeeks(one, d.getWeeks());
            assertNotNull(d.getLastYear(), "2024-25 to the same week");
            assertFigures(expected(one, "ALL", LAST_YEAR_START, LAST_YEAR_WEEK_END).get("ALL"), d.getLastYear());
            assertEquals(2, d.getCharts().size());
            assertEquals(d.getWeeks().size(), d.getCharts().get(0).getLabels().size());
            assertFalse(d.getNational().isEmpty());
            assertTrue(d.getNational().stream().allMatch(n -> n.getSourceUrl().startsWith(
                    "https://explore-education-statistics.service.gov.uk/")));
        }
    }

    @Test
    @Order(2)
    void theTrustsFiguresAreTheSqlAggregateOfAllItsSchools() throws SQLException {
        TrustDashboard d = get("/trust/dashboard", admin, TrustDashboard.class);
        assertEquals(trustId, d.getTrustId());
        assertFigures(expected(schoolIds, "ALL").get("ALL"), d.getTotals());
        assertFigures(expected(schoolIds, "ALL", LAST_YEAR_START, LAST_YEAR_WEEK_END).get("ALL"), d.getLastYear());
        assertEquals(schoolIds, d.getSchools().stream().map(DashboardSchoolRow::getSchoolId).sorted().toList());
        for (DashboardSchoolRow row : d.getSchools()) {
            assertFigures(expected(List.of(row.getSchoolId()), "ALL").get("ALL"), row.getFigures());
        }
        for (Dimension dimension : Dimension.values()) {
            if (dimension == Dimension.ALL) {
                continue;
            }
            List<DashboardFigures> rows = d.getGroups().stream()
                    .filter(g -> g.getDimension().getValue().equals(dimension.name())).toList();
            if (dimension == Dimension.REGISTRATION_GROUP) {
                assertTrue(rows.isEmpty(), "registration groups are a school's own");
                continue;
            }
            Map<String, long[]> sql = expected(schoolIds, dimension.name());
            assertEquals(sql.size(), rows.size(), dimension + " groups");
            rows.forEach(row -> assertFigures(sql.get(row.getValue()), row));
        }
        assertWeeks(schoolIds, d.getWeeks());
        assertEquals(3, d.getCharts().size());
        assertEquals(3, d.getCharts().get(2).getLabels().size(), "attendance by school");
    }

    @Test
    @Order(3)
    void everyCsvCellIsTheJsonFigure() {
        SchoolDashboard d = get("/schools/" + schoolIds.get(0) + "/dashboard", officerA, SchoolDashboard.class);
        HttpResponse<String> csv = client.toBlocking().exchange(HttpRequest.GET("/schools/" + schoolIds.get(0)
                + "/dashboard/tables/groups").bearerAuth(officerA), String.class);
        assertTrue(csv.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertEquals("attachment; filename=\"dashboard-school-" + schoolIds.get(0) + "-groups-2025-26.csv\"",
                csv.getHeaders().get("Content-Disposition"));
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertEquals(1 + 1 + d.getGroups().size(), lines.size());
        List<DashboardFigures> all = new ArrayList<>(List.of(d.getTotals()));
        all.addAll(d.getGroups());
        for (int i = 0; i < all.size(); i++) {
            DashboardFigures f = all.get(i);
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(f.getValue(), cells[1]);
            assertEquals(String.valueOf(f.getPupils()), cells[3]);
            assertEquals(String.valueOf(f.getPossibleSessions()), cells[4]);
            assertEquals(text(f.getAttendancePercent()), cells[8]);
            assertEquals(text(f.getUnauthorisedPercent()), cells[11]);
            assertEquals(String.valueOf(f.getPersistentAbsentees()), cells[12]);
            assertEquals(text(f.getPersistentAbsencePercent()), cells[13]);
            assertEquals(text(f.getSevereAbsencePercent()), cells[15]);
        }
        String weeks = client.toBlocking().retrieve(HttpRequest.GET("/schools/" + schoolIds.get(0)
                + "/dashboard/tables/weeks").bearerAuth(officerA), String.class);
        String[] lastWeek = weeks.split("\r\n")[d.getWeeks().size()].split(",", -1);
        DashboardWeek w = d.getWeeks().get(d.getWeeks().size() - 1);
        assertEquals(String.valueOf(w.getWeek()), lastWeek[0]);
        assertEquals(text(w.getAttendancePercent()), lastWeek[3]);
        String trust = client.toBlocking().retrieve(HttpRequest.GET("/trust/dashboard/tables/schools").bearerAuth(admin),
                String.class);
        assertEquals(1 + 1 + 3, trust.split("\r\n").length, "header, the trust, three schools");
    }

    @Test
    @Order(4)
    void aMarkWrittenThroughTheRegisterIsReflected() throws Exception {
        long schoolId = schoolIds.get(0);
        long pupilId;
        LocalDate date;
        String session;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pupil_id, session_date, session FROM mark WHERE school_id = ?"
                     + " AND code = '/' AND session_date BETWEEN '2026-03-16' AND '2026-03-19' ORDER BY id LIMIT 1")) {
            s.setLong(1, schoolId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "a present mark this week");
                pupilId = r.getLong(1);
                date = r.getObject(2, LocalDate.class);
                session = r.getString(3);
            }
        }
        DashboardFigures before = get("/schools/" + schoolId + "/dashboard", officerA, SchoolDashboard.class).getTotals();
        client.toBlocking().exchange(HttpRequest.PUT("/pupils/" + pupilId + "/marks/" + date + "/" + session,
                Map.of("code", "O", "reason", "Dashboard test: no reason given")).bearerAuth(officerA));
        awaitFresh();
        DashboardFigures after = get("/schools/" + schoolId + "/dashboard", officerA, SchoolDashboard.class).getTotals();
        assertEquals(before.getUnauthorisedSessions() + 1, after.getUnauthorisedSessions());
        assertEquals(before.getAttendedSessions() - 1, after.getAttendedSessions());
        assertEquals(before.getPossibleSessions(), after.getPossibleSessions());
        assertFigures(expected(List.of(schoolId), "ALL").get("ALL"), after);
    }

    @Test
    @Order(5)
    void staffSeeOnlyTheirSchoolAndOnlyTrustAdminsTheTrust() {
        assertEquals(404, status(HttpRequest.GET("/schools/" + schoolIds.get(0) + "/dashboard").bearerAuth(officerB)));
        assertEquals(404, status(HttpRequest.GET("/schools/" + schoolIds.get(0) + "/dashboard/tables/groups").bearerAuth(officerB)));
        assertEquals(200, status(HttpRequest.GET("/schools/" + schoolIds.get(1) + "/dashboard").bearerAuth(officerB)));
        assertEquals(403, status(HttpRequest.GET("/schools/" + schoolIds.get(0) + "/dashboard").bearerAuth(teacherA)));
        assertEquals(403, status(HttpRequest.GET("/trust/dashboard").bearerAuth(officerA)));
        assertEquals(403, status(HttpRequest.GET("/trust/dashboard/tables/schools").bearerAuth(officerA)));

        TrustRecord other = schools.createTrust("Another Trust");
        String email = "dash-admin-" + other.id() + "@other.example.org";
        staff.create(other.id(), new StaffInput(email, "Other Admin", "Trust data manager", List.of(StaffRole.TRUST_ADMIN),
                PASSWORD));
        String otherAdmin = login(email);
        assertEquals(404, status(HttpRequest.GET("/schools/" + schoolIds.get(0) + "/dashboard").bearerAuth(otherAdmin)));
        TrustDashboard theirs = get("/trust/dashboard", otherAdmin, TrustDashboard.class);
        assertTrue(theirs.getSchools().isEmpty());
        assertEquals(0L, theirs.getTotals().getPupils());
    }

    @Test
    @Order(6)
    void badYearsAndDatesAreRefusedNamingTheField() {
        String base = "/schools/" + schoolIds.get(0) + "/dashboard";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET(base + "?academicYear=2025-27").bearerAuth(officerA), String.class));
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("academicYear"));
        e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET(base + "?academicYear=2025-26&asOf=2026-09-02").bearerAuth(officerA), String.class));
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("asOf"));
        SchoolDashboard earlier = get(base + "?asOf=2025-10-01", officerA, SchoolDashboard.class);
        assertEquals(5, earlier.getWeek());
        assertTrue(earlier.getTotals().getPossibleSessions() < 40L * 2 * 5 * 5 + 1);
    }

    // ---- the independent aggregate ----

    /**
     * Per pupil over the year to the end of the week, then per group: pupils with a possible session, their sessions,
     * and how many of them are persistently (10 × absent ≥ possible) or severely (2 × absent ≥ possible) absent.
     */
    private Map<String, long[]> expected(List<Long> ids, String dimension) throws SQLException {
        return expected(ids, dimension, YEAR_START, WEEK_END);
    }

    private Map<String, long[]> expected(List<Long> ids, String dimension, LocalDate from, LocalDate to) throws SQLException {
        String column = switch (dimension) {
            case "ALL" -> "'ALL'";
            case "YEAR_GROUP" -> "CAST(year_group AS CHAR)";
            case "REGISTRATION_GROUP" -> "registration_group";
            case "GENDER" -> "gender";
            case "PUPIL_PREMIUM" -> "pp";
            case "EAL" -> "eal";
            case "SEND" -> "send_status";
            case "LOOKED_AFTER" -> "lac";
            default -> throw new IllegalArgumentException(dimension);
        };
        String perPupil = "SELECT p.id, p.year_group, p.registration_group,"
                + " COALESCE(NULLIF(p.gender, ''), 'UNKNOWN') AS gender, IF(p.pupil_premium, 'YES', 'NO') AS pp,"
                + " IF(p.eal, 'YES', 'NO') AS eal, p.send_status, IF(p.looked_after, 'YES', 'NO') AS lac,"
                + " SUM(m.code IN (" + PRESENT + ", " + AUTHORISED + ", " + UNAUTHORISED + ")) AS possible,"
                + " SUM(m.code IN (" + PRESENT + ")) AS attended, SUM(m.code IN (" + AUTHORISED + ")) AS auth,"
                + " SUM(m.code IN (" + UNAUTHORISED + ")) AS unauth"
                + " FROM pupil p JOIN mark m ON m.pupil_id = p.id"
                + " WHERE p.school_id IN (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")"
                + " AND m.session_date BETWEEN ? AND ? AND m.session_date >= p.admission_date"
                + " AND (p.leaving_date IS NULL OR m.session_date <= p.leaving_date)"
                + " GROUP BY p.id, p.year_group, p.registration_group, p.gender, p.pupil_premium, p.eal, p.send_status,"
                + " p.looked_after";
        String sql = "SELECT " + column + ", COUNT(*), SUM(possible), SUM(attended), SUM(auth), SUM(unauth),"
                + " SUM(10 * (auth + unauth) >= possible), SUM(2 * (auth + unauth) >= possible)"
                + " FROM (" + perPupil + ") t WHERE possible > 0 GROUP BY " + column;
        Map<String, long[]> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, from);
            s.setObject(2, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long[] v = new long[7];
                    for (int i = 0; i < 7; i++) {
                        v[i] = r.getLong(i + 2);
                    }
                    out.put(r.getString(1), v);
                }
            }
        }
        return out;
    }

    private void assertWeeks(List<Long> ids, List<DashboardWeek> weeks) throws SQLException {
        assertTrue(weeks.size() >= 20, weeks.size() + " weeks");
        String sql = "SELECT SUM(m.code IN (" + PRESENT + ", " + AUTHORISED + ", " + UNAUTHORISED + ")),"
                + " SUM(m.code IN (" + PRESENT + ")), SUM(m.code IN (" + AUTHORISED + ", " + UNAUTHORISED + ")),"
                + " SUM(m.code IN (" + UNAUTHORISED + "))"
                + " FROM mark m JOIN pupil p ON p.id = m.pupil_id WHERE p.school_id IN ("
                + String.join(",", ids.stream().map(String::valueOf).toList()) + ") AND m.session_date BETWEEN ? AND ?"
                + " AND m.session_date >= p.admission_date AND (p.leaving_date IS NULL OR m.session_date <= p.leaving_date)";
        int checked = 0;
        int lastYearWeeks = 0;
        for (DashboardWeek w : weeks) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, w.getWeekCommencing());
                s.setObject(2, w.getWeekCommencing().plusDays(6));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertEquals(r.getLong(1), w.getPossibleSessions(), "possible, week " + w.getWeek());
                    assertEquals(percent(r.getLong(2), r.getLong(1)), w.getAttendancePercent(), "attendance, week " + w.getWeek());
                    assertEquals(percent(r.getLong(3), r.getLong(1)), w.getAbsencePercent(), "absence, week " + w.getWeek());
                    assertEquals(percent(r.getLong(4), r.getLong(1)), w.getUnauthorisedPercent(), "unauthorised, week " + w.getWeek());
                    checked++;
                }
                LocalDate lastYearMonday = new AcademicWeeks(new SchoolYear(2024)).monday(w.getWeek());
                s.setObject(1, lastYearMonday);
                s.setObject(2, lastYearMonday.plusDays(6));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertEquals(percent(r.getLong(2), r.getLong(1)), w.getLastYearAttendancePercent(),
                            "last year's attendance, week " + w.getWeek());
                    lastYearWeeks += r.getLong(1) > 0 ? 1 : 0;
                }
            }
        }
        assertEquals(weeks.size(), checked);
        assertTrue(lastYearWeeks >= 20, lastYearWeeks + " weeks of last year");
        // persistent absence to date at the end of the last week shown is the year's figure
        DashboardWeek last = weeks.get(weeks.size() - 1);
        long[] all = expected(ids, "ALL").get("ALL");
        assertEquals(percent(all[5], all[0]), last.getPersistentAbsencePercent());
    }

    private static void assertFigures(long[] sql, DashboardFigures f) {
        assertNotNull(sql, "the SQL has the group " + f.getDimension() + " " + f.getValue());
        String what = f.getDimension() + " " + f.getValue();
        assertEquals(sql[0], f.getPupils(), "pupils of " + what);
        assertEquals(sql[1], f.getPossibleSessions(), "possible of " + what);
        assertEquals(sql[2], f.getAttendedSessions(), "attended of " + what);
        assertEquals(sql[3], f.getAuthorisedSessions(), "authorised of " + what);
        assertEquals(sql[4], f.getUnauthorisedSessions(), "unauthorised of " + what);
        assertEquals(sql[5], f.getPersistentAbsentees(), "persistent of " + what);
        assertEquals(sql[6], f.getSevereAbsentees(), "severe of " + what);
        assertEquals(percent(sql[2], sql[1]), f.getAttendancePercent(), "attendance % of " + what);
        assertEquals(percent(sql[3] + sql[4], sql[1]), f.getAbsencePercent(), "absence % of " + what);
        assertEquals(percent(sql[3], sql[1]), f.getAuthorisedPercent(), "authorised % of " + what);
        assertEquals(percent(sql[4], sql[1]), f.getUnauthorisedPercent(), "unauthorised % of " + what);
        assertEquals(percent(sql[5], sql[0]), f.getPersistentAbsencePercent(), "PA % of " + what);
        assertEquals(percent(sql[6], sql[0]), f.getSevereAbsencePercent(), "SA % of " + what);
    }

    private static BigDecimal percent(long n, long of) {
        return of == 0 ? null : BigDecimal.valueOf(n * 1000L).divide(BigDecimal.valueOf(of), 0, RoundingMode.HALF_UP)
                .movePointLeft(1).setScale(1, RoundingMode.UNNECESSARY);
    }

    private static String text(BigDecimal b) {
        return b == null ? "" : b.toPlainString();
    }

    /** Recomputes, as the refresher does, every stale year of this test's schools, and clears their stale rows. */
    private void awaitFresh() throws Exception {
        String schoolsIn = "(" + schoolIds.get(0) + ", " + schoolIds.get(1) + ", " + schoolIds.get(2) + ")";
        java.util.Map<List<Long>, List<Long>> due = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, school_id, start_year FROM dashboard_stale WHERE school_id IN " + schoolsIn);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                due.computeIfAbsent(List.of(r.getLong(2), r.getLong(3)), k -> new ArrayList<>()).add(r.getLong(1));
            }
        }
        for (var e : due.entrySet()) {
            computer.recompute(e.getKey().get(0), new SchoolYear(e.getKey().get(1).intValue()));
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "DELETE FROM dashboard_stale WHERE id IN (" + e.getValue().stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")) + ")")) {
                s.executeUpdate();
            }
        }
    }

    /**
     * Through the framework's JSON mapper: the app's strict reader (also the test client's) refuses nulls in lists,
     * which the contract's ChartData series have where a week has no value.
     */
    private <T> T get(String path, String token, Class<T> type) {
        String body = client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), String.class);
        try {
            return json.readValue(body, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable " + path, e);
        }
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private String login(String email) {
        return Objects.requireNonNull(client.toBlocking().retrieve(HttpRequest.POST("/auth/staff/login",
                Map.of("email", email, "password", PASSWORD)), TokenPair.class).getAccessToken());
    }
}
