package uk.attendance.overview;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.register.MarkMonthsConsistency;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every view of a pupil counts the same sessions, the pupil's sessions (the school sessions of the calendar while on
 * roll): marks on days the calendar has no session, written behind the API, change none of them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PupilSessionsHttpTest {
    private static final String RANGE = "from=2025-09-01&to=2025-11-30";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;

    SchoolRecord school;
    PupilRecord pupil;
    String officer;

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        school = fixtures.school(trust);
        pupil = fixtures.pupil(school, "6A");
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
    }

    @AfterAll
    void markMonthsKeptInStep() throws SQLException {
        MarkMonthsConsistency.assertKeptInStep(dataSource);
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryCalendarPenaltyAndSchoolListCountOnlyThePupilsSessions() throws SQLException {
        mark("2025-11-03", "AM", "O");
        mark("2025-11-10", "PM", "G");
        mark("2025-11-17", "AM", "U");
        mark("2025-11-04", "AM", "/");
        Map<String, Object> summary = get("/pupils/" + pupil.id() + "/attendance?" + RANGE);
        Map<String, Object> penalty = get("/pupils/" + pupil.id() + "/attendance/penalty-notice?asOf=2025-11-30");
        Map<String, Object> calendar = get("/pupils/" + pupil.id() + "/attendance/calendar?from=2025-11-01&to=2025-11-30");
        Map<String, Object> line = schoolLine();

        // unauthorised and present marks on a Saturday, a Sunday, a half-term day and an INSET day
        behindTheApi("2025-11-15", "AM", "O");
        behindTheApi("2025-11-15", "PM", "O");
        behindTheApi("2025-11-16", "AM", "/");
        behindTheApi("2025-10-29", "AM", "G");
        behindTheApi("2025-09-02", "PM", "N");

        Map<String, Object> sessions = (Map<String, Object>) get("/pupils/" + pupil.id() + "/attendance?" + RANGE).get("sessions");
        Map<String, Object> status = get("/pupils/" + pupil.id() + "/attendance/penalty-notice?asOf=2025-11-30");
        assertEquals(3, sessions.get("unauthorised"));
        assertEquals(4, sessions.get("possible"));
        assertEquals(sessions.get("unauthorised"), status.get("count"), "the summary and the penalty status count the same sessions");
        assertEquals(List.of("2025-11-03 AM", "2025-11-10 PM", "2025-11-17 AM"),
                ((List<Map<String, Object>>) status.get("countedSessions")).stream()
                        .map(c -> c.get("date") + " " + c.get("session")).toList());

        assertEquals(summary, get("/pupils/" + pupil.id() + "/attendance?" + RANGE), "the summary is unchanged");
        assertEquals(penalty, status, "the penalty status is unchanged");
        Map<String, Object> calendarAfter = get("/pupils/" + pupil.id() + "/attendance/calendar?from=2025-11-01&to=2025-11-30");
        assertEquals(calendar, calendarAfter, "the calendar shows no code on the weekend");
        Map<String, Object> saturday = ((List<Map<String, Object>>) calendarAfter.get("days")).get(14);
        assertEquals("2025-11-15", saturday.get("date"));
        assertNull(saturday.get("am"));
        assertEquals(line, schoolLine(), "the school's list counts the same sessions");
        assertEquals(3, line.get("unauthorisedSessions"));
    }

    private void mark(String date, String session, String code) {
        http.toBlocking().retrieve(HttpRequest.PUT("/pupils/" + pupil.id() + "/marks/" + date + "/" + session,
                Map.of("code", code, "reason", "Register taken")).bearerAuth(officer), Json.OBJECT);
    }

    /** A mark and its mark_month bit, written the way the register would but without its checks. */
    private void behindTheApi(String date, String session, String code) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mark (pupil_id, school_id,"
                    + " session_date, session, code, original_code, entered_at, entered_by_name, entered_by_position,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?, NOW(), 'MIS', 'import', NOW())")) {
                insert.setLong(1, pupil.id());
                insert.setLong(2, school.id());
                insert.setString(3, date);
                insert.setString(4, session);
                insert.setString(5, code);
                insert.setString(6, code);
                insert.executeUpdate();
            }
            try (PreparedStatement month = connection.prepareStatement("INSERT INTO mark_month (pupil_id, month, code,"
                    + " sessions) VALUES (?, DATE_FORMAT(?, '%Y-%m-01'), ?, 1 << ((DAYOFMONTH(?) - 1) * 2 + (? = 'PM')))"
                    + " ON DUPLICATE KEY UPDATE sessions = sessions | VALUES(sessions)")) {
                month.setLong(1, pupil.id());
                month.setString(2, date);
                month.setString(3, code);
                month.setString(4, date);
                month.setString(5, session);
                month.executeUpdate();
            }
        }
    }

    private Map<String, Object> schoolLine() {
        return http.toBlocking().retrieve(HttpRequest.GET("/schools/" + school.id() + "/attendance/pupils?asOf=2025-11-30")
                        .bearerAuth(officer), Json.LIST).stream()
                .filter(l -> ((Number) l.get("pupilId")).longValue() == pupil.id()).findFirst().orElseThrow();
    }

    private Map<String, Object> get(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(officer), Json.OBJECT);
    }
}
