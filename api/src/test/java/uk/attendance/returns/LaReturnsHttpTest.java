package uk.attendance.returns;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
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
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.contract.model.LaReturn;
import uk.attendance.contract.model.LaReturnKind;
import uk.attendance.contract.model.LaReturnList;
import uk.attendance.contract.model.LaReturnMissing;
import uk.attendance.contract.model.LaReturnStatus;
import uk.attendance.contract.model.PupilInput;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Local-authority returns over HTTP on the real database, "now" fixed at 10 Dec 2025 and the days before it reached
 * through {@code asOf}: a pupil crossing the 10-day line appears once with the LA's fields, is marked sent, is not
 * proposed again for that run, and a new run after a break is a new return; one sickness return per continuous
 * period; new-pupil and deletion returns; the CSV per LA is the JSON lines; other schools' staff get 404, a trust
 * admin sees every school of the trust in the LA.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Property(name = "attendance.clock.fixed", value = "2025-12-10T08:00:00Z")
class LaReturnsHttpTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    PupilService pupils;
    @Inject
    SignInFixture db;

    SchoolRecord schoolA;
    SchoolRecord schoolB;
    SchoolRecord schoolC;
    PupilRecord truant;
    PupilRecord poorly;
    PupilRecord newcomer;
    PupilRecord yearSevenStarter;
    PupilRecord leaver;
    PupilRecord newcomerB;
    PupilRecord newcomerC;
    ContactRecord truantsMother;
    StaffRecord officerRecord;
    String officer;
    String officerC;
    String admin;

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        schoolA = fixtures.school(trust);
        schoolB = fixtures.school(trust);
        schoolC = fixtures.school(trust);
        officerRecord = fixtures.staff(trust, Optional.of(schoolA), Roles.ATTENDANCE_OFFICER);
        officer = fixtures.token(officerRecord);
        officerC = fixtures.token(fixtures.staff(trust, Optional.of(schoolC), Roles.ATTENDANCE_OFFICER));
        admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));
        setLa(schoolA, "383", "Leeds");
        setLa(schoolB, "383", "Leeds");
        setLa(schoolC, "384", "Wakefield");

        truant = admit(schoolA, 4, "2016-03-14", "2021-09-01", null);
        db.update("INSERT INTO pupil_address (pupil_id, line1, line2, town, postcode, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                truant.id(), "1 Old Road", null, "Leeds", "LS1 1AA", java.sql.Timestamp.valueOf("2024-01-01 10:00:00"));
        db.update("INSERT INTO pupil_address (pupil_id, line1, line2, town, postcode, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                truant.id(), "14 Mill Lane", "Headingley", "Leeds", "LS6 2QD", java.sql.Timestamp.valueOf("2025-06-01 10:00:00"));
        truantsMother = fixtures.parentOf(trust, truant);
        fixtures.emergencyContactOf(trust, truant);
        poorly = admit(schoolA, 4, "2016-05-01", "2021-09-01", null);
        db.update("UPDATE pupil SET upn = NULL WHERE id = ?", poorly.id());
        fixtures.parentOf(trust, poorly);
        newcomer = admit(schoolA, 4, "2016-07-21", "2025-11-24", null);
        yearSevenStarter = admit(schoolA, 7, "2014-05-01", "2025-09-03", null);
        leaver = admit(schoolA, 5, "2015-02-01", "2021-09-01", LocalDate.parse("2025-11-28"));
        db.update("UPDATE pupil SET leaving_ground = 'MOVED_AWAY' WHERE id = ?", leaver.id());
        newcomerB = admit(schoolB, 4, "2016-01-10", "2025-11-10", null);
        newcomerC = admit(schoolC, 4, "2016-01-11", "2025-11-10", null);

        List<Map<String, Object>> rows = new ArrayList<>();
        // 3-18 Nov: 12 continuous school days unexplained then unauthorised; 19 Nov in school; 20 Nov - 3 Dec: 10 more.
        for (LocalDate d : schoolDays("2025-11-03", "2025-11-18")) {
            rows.add(mark(truant, d, "AM", "N"));
            rows.add(mark(truant, d, "PM", "O"));
        }
        rows.add(mark(truant, LocalDate.parse("2025-11-19"), "AM", "/"));
        rows.add(mark(truant, LocalDate.parse("2025-11-19"), "PM", "\\"));
        for (LocalDate d : schoolDays("2025-11-20", "2025-12-03")) {
            rows.add(mark(truant, d, "AM", "O"));
            rows.add(mark(truant, d, "PM", "O"));
        }
        // 17 Nov - 9 Dec: ill every day, 17 school days: one continuous period of sickness.
        for (LocalDate d : schoolDays("2025-11-17", "2025-12-09")) {
            rows.add(mark(poorly, d, "AM", "I"));
            rows.add(mark(poorly, d, "PM", "I"));
        }
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + schoolA.id() + "/marks/import", Map.of("marks", rows)).bearerAuth(admin));
    }

    @Test
    @Order(1)
    void aTrustAdminSetsTheSchoolsLocalAuthority() {
        Map<String, Object> school = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + schoolA.id()).bearerAuth(officer), Json.OBJECT);
        assertEquals(Map.of("code", "383", "name", "Leeds"), school.get("localAuthority"));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT("/schools/" + schoolA.id() + "/local-authority", Map.of("code", "38", "name", "Leeds")).bearerAuth(admin)));
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("code"));
    }

    @Test
    @Order(2)
    void anAttendanceReturnIsDueOnTheTenthDayOnceWithTheLasFieldsAndNeverAgainForThatRun() {
        assertTrue(ofPupil(list(schoolA, "kind=ATTENDANCE&asOf=2025-11-13", officer), truant).isEmpty(),
                "9 continuous school days: no return yet");

        List<LaReturn> due = ofPupil(list(schoolA, "kind=ATTENDANCE&asOf=2025-11-14", officer), truant);
        assertEquals(1, due.size(), "the 10th day: one return");
        LaReturn r = due.get(0);
        assertEquals(LaReturnKind.ATTENDANCE, r.getKind());
        assertEquals(LaReturnStatus.DUE, r.getStatus());
        assertEquals(LocalDate.parse("2025-11-14"), r.getDueOn());
        assertEquals(LocalDate.parse("2025-11-03"), r.getPeriodStart());
        assertEquals(LocalDate.parse("2025-11-14"), r.getPeriodEnd());
        assertEquals(10, r.getSchoolDays());
        assertEquals(truant.legalFirstName(), r.getLegalFirstName());
        assertEquals(truant.legalLastName(), r.getLegalLastName());
        assertEquals(LocalDate.parse("2016-03-14"), r.getDateOfBirth());
        assertEquals(truant.upn(), r.getUpn());
        assertEquals(4, r.getYearGroup());
        assertEquals("14 Mill Lane", r.getAddress().getLine1(), "the newest address is the current one");
        assertEquals("Headingley", r.getAddress().getLine2());
        assertEquals("LS6 2QD", r.getAddress().getPostcode());
        assertEquals(1, r.getParents().size(), "the mother (parental responsibility), not the emergency contact");
        assertEquals(truantsMother.firstName() + " " + truantsMother.lastName(), r.getParents().get(0).getName());
        assertEquals("Mother", r.getParents().get(0).getRelationship());
        assertEquals(truantsMother.mobile(), r.getParents().get(0).getMobile());
        assertEquals(true, r.getParents().get(0).getParentalResponsibility());
        assertEquals(20, r.getSessions().size(), "both sessions of the 10 days");
        assertEquals(LocalDate.parse("2025-11-03"), r.getSessions().get(0).getDate());
        assertEquals("AM", r.getSessions().get(0).getSession().getValue());
        assertEquals("N", r.getSessions().get(0).getCode());
        assertEquals("O", r.getSessions().get(1).getCode());
        assertEquals("383", r.getLaCode());
        assertEquals("Leeds", r.getLaName());
        assertEquals(schoolA.urn(), r.getSchoolUrn());
        assertEquals(schoolA.name(), r.getSchoolName());
        assertEquals(List.of(), r.getMissing());
        assertEquals(r.getId(), ofPupil(list(schoolA, "kind=ATTENDANCE&asOf=2025-11-14", officer), truant).get(0).getId(),
                "reading again finds the same stored return");

        LaReturn sent = sent(r.getId(), Map.of("via", "LA_PORTAL", "note", "LA reference 2025-1187"), officer);
        assertEquals(LaReturnStatus.SENT, sent.getStatus());
        assertEquals(officerRecord.name() + " (" + officerRecord.position() + ")", sent.getSentBy());
        assertEquals("2025-12-10T08:00Z", sent.getSentAt().toInstant().atOffset(java.time.ZoneOffset.UTC).toString());
        assertEquals("LA_PORTAL", sent.getSentVia().getValue());
        assertEquals("LA reference 2025-1187", sent.getSentNote());
        assertEquals(409, status(HttpRequest.POST("/returns/" + r.getId() + "/sent", Map.of("via", "EMAIL")).bearerAuth(officer)),
                "already sent");
        LaReturn read = http.toBlocking().retrieve(HttpRequest.GET("/returns/" + r.getId()).bearerAuth(officer), LaReturn.class);
        assertEquals(LaReturnStatus.SENT, read.getStatus());
        assertEquals("LA reference 2025-1187", read.getSentNote());

        assertTrue(ofPupil(list(schoolA, "kind=ATTENDANCE&status=DUE&asOf=2025-11-18", officer), truant).isEmpty(),
                "the 12th day of the same run: not proposed again");
        List<LaReturn> sentList = ofPupil(list(schoolA, "kind=ATTENDANCE&status=SENT&asOf=2025-11-18", officer), truant);
        assertEquals(List.of(r.getId()), sentList.stream().map(LaReturn::getId).toList());
        assertEquals(LocalDate.parse("2025-11-14"), sentList.get(0).getPeriodEnd(), "the period as it stood when sent");

        assertTrue(ofPupil(list(schoolA, "kind=ATTENDANCE&status=DUE&asOf=2025-12-02", officer), truant).isEmpty(),
                "9 days into the new run");
        List<LaReturn> again = ofPupil(list(schoolA, "kind=ATTENDANCE&status=DUE&asOf=2025-12-03", officer), truant);
        assertEquals(1, again.size(), "a new run of 10 days after a break: a new return");
        assertNotEquals(r.getId(), again.get(0).getId());
        assertEquals(LocalDate.parse("2025-11-20"), again.get(0).getPeriodStart());
        assertEquals(LocalDate.parse("2025-12-03"), again.get(0).getDueOn());
        assertEquals(2, ofPupil(list(schoolA, "kind=ATTENDANCE", officer), truant).size(), "today: the sent one and the new one");
    }

    @Test
    @Order(3)
    void oneSicknessReturnPerContinuousPeriodOfSickness() {
        assertTrue(ofPupil(list(schoolA, "kind=SICKNESS&asOf=2025-12-04", officer), poorly).isEmpty(), "14 days ill");
        List<LaReturn> due = ofPupil(list(schoolA, "kind=SICKNESS&asOf=2025-12-05", officer), poorly);
        assertEquals(1, due.size(), "15 consecutive days, and 30 sessions in the year the same day: one return");
        LaReturn r = due.get(0);
        assertEquals(LocalDate.parse("2025-12-05"), r.getDueOn());
        assertEquals(LocalDate.parse("2025-11-17"), r.getPeriodStart());
        assertEquals("CONSECUTIVE", r.getSicknessTrigger().getValue());
        assertEquals(LocalDate.parse("2025-12-09"), r.getPeriodEnd(),
                "the period as far as the register shows it (an earlier read of today stored it to 9 Dec)");
        assertEquals(34, r.getSessions().size(), "17 days ill so far, both sessions");
        assertTrue(r.getSessions().stream().allMatch(s -> s.getCode().equals("I")));
        assertEquals(List.of(LaReturnMissing.ADDRESS, LaReturnMissing.UPN), r.getMissing(),
                "no address or UPN recorded: the line says so");
        sent(r.getId(), Map.of("via", "EMAIL"), officer);
        List<LaReturn> today = ofPupil(list(schoolA, "kind=SICKNESS", officer), poorly);
        assertEquals(1, today.size(), "still ill on 9 Dec: the same period, no second return");
        assertEquals(LaReturnStatus.SENT, today.get(0).getStatus());
    }

    @Test
    @Order(4)
    void newPupilAndDeletionReturnsCarryTheAdmissionOrLeavingDateAndGround() {
        LaReturnList all = list(schoolA, "", officer);
        List<LaReturn> joined = ofPupil(all, newcomer);
        assertEquals(1, joined.size());
        LaReturn n = joined.get(0);
        assertEquals(LaReturnKind.NEW_PUPIL, n.getKind());
        assertEquals(LocalDate.parse("2025-11-24"), n.getAdmissionDate());
        assertEquals(LocalDate.parse("2025-11-24"), n.getDueOn());
        assertEquals(LocalDate.parse("2025-12-01"), n.getSendBy(), "5 school days after admission");
        assertEquals(List.of(), n.getSessions());
        assertTrue(ofPupil(all, yearSevenStarter).isEmpty(), "Year 7 from the first day of the year: standard transition");

        List<LaReturn> left = ofPupil(all, leaver);
        assertEquals(1, left.size());
        LaReturn d = left.get(0);
        assertEquals(LaReturnKind.DELETION, d.getKind());
        assertEquals(LocalDate.parse("2025-11-28"), d.getLeavingDate());
        assertEquals("MOVED_AWAY", d.getLeavingGround().getValue());
        assertEquals(LocalDate.parse("2025-11-28"), d.getSendBy());
        assertTrue(d.getMissing().contains(LaReturnMissing.ADDRESS));
        assertTrue(d.getMissing().contains(LaReturnMissing.PARENT_CONTACT));

        HttpClientResponseException noHow = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/returns/" + d.getId() + "/sent", Map.of("via", "OTHER")).bearerAuth(officer)));
        assertEquals(400, noHow.getStatus().getCode());
        assertTrue(noHow.getResponse().getBody(String.class).orElse("").contains("\"note\""));
        assertEquals("SECURE_FILE_TRANSFER", sent(d.getId(), Map.of("via", "SECURE_FILE_TRANSFER"), officer).getSentVia().getValue());
        assertEquals("OTHER", sent(n.getId(), Map.of("via", "OTHER", "note", "Handed to the LA officer at the panel"), officer)
                .getSentVia().getValue());
        assertTrue(list(schoolA, "status=DUE&kind=NEW_PUPIL", officer).getReturns().isEmpty());
        assertTrue(list(schoolA, "status=DUE&kind=DELETION", officer).getReturns().isEmpty());
    }

    @Test
    @Order(5)
    void theCsvOfTheLaIsTheJsonLinesAndOnlyTheCallersSchools() {
        List<LaReturn> json = list(schoolA, "", officer).getReturns();
        HttpResponse<String> csv = http.toBlocking().exchange(HttpRequest.GET("/local-authorities/383/returns").bearerAuth(officer), String.class);
        assertTrue(csv.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertEquals("attachment; filename=\"la-383-returns-2025-12-10.csv\"", csv.header("Content-Disposition"));
        List<List<String>> rows = parse(csv.body());
        assertEquals(ReturnsContract.CSV_HEADER, rows.get(0));
        assertEquals(json.size() + 1, rows.size(), "school staff: their own school's returns only");
        for (int i = 0; i < json.size(); i++) {
            LaReturn r = json.get(i);
            Map<String, String> row = cells(rows.get(0), rows.get(i + 1));
            assertEquals(String.valueOf(r.getId()), row.get("returnId"));
            assertEquals(r.getKind().getValue(), row.get("kind"));
            assertEquals(r.getStatus().getValue(), row.get("status"));
            assertEquals(String.valueOf(r.getDueOn()), row.get("dueOn"));
            assertEquals(r.getLegalLastName(), row.get("legalLastName"));
            assertEquals(String.valueOf(r.getDateOfBirth()), row.get("dateOfBirth"));
            assertEquals(r.getAddress() == null ? "" : r.getAddress().getPostcode(), row.get("postcode"));
            assertEquals(r.getSessions().size(), row.get("sessions").isEmpty() ? 0 : row.get("sessions").split("; ").length);
            assertEquals(r.getParents().stream().map(ReturnsContract::parent).toList(),
                    row.get("parents").isEmpty() ? List.of() : List.of(row.get("parents").split("; ")));
            assertEquals(r.getSentBy() == null ? "" : r.getSentBy(), row.get("sentBy"));
            assertEquals("383", row.get("laCode"));
        }
        Map<String, String> truantRow = rows.stream().skip(1).map(row -> cells(rows.get(0), row))
                .filter(row -> row.get("pupilId").equals(String.valueOf(truant.id())) && row.get("status").equals("SENT"))
                .findFirst().orElseThrow();
        assertEquals("14 Mill Lane", truantRow.get("addressLine1"));
        assertTrue(truantRow.get("sessions").startsWith("2025-11-03 AM N; 2025-11-03 PM O"));

        assertEquals(404, status(HttpRequest.GET("/local-authorities/384/returns").bearerAuth(officer)), "school C's LA");
        assertEquals(404, status(HttpRequest.GET("/local-authorities/999/returns").bearerAuth(officer)));
        assertEquals(404, status(HttpRequest.GET("/schools/" + schoolA.id() + "/returns").bearerAuth(officerC)));
        long aReturn = json.get(0).getId();
        assertEquals(404, status(HttpRequest.GET("/returns/" + aReturn).bearerAuth(officerC)));
        assertEquals(404, status(HttpRequest.POST("/returns/" + aReturn + "/sent", Map.of("via", "EMAIL")).bearerAuth(officerC)));

        List<List<String>> trust = parse(http.toBlocking().retrieve(HttpRequest.GET("/local-authorities/383/returns").bearerAuth(admin), String.class));
        List<String> urns = trust.stream().skip(1).map(row -> cells(trust.get(0), row).get("schoolUrn")).distinct().sorted().toList();
        assertEquals(List.of(String.valueOf(schoolA.urn()), String.valueOf(schoolB.urn())).stream().sorted().toList(), urns,
                "a trust admin: every school of the trust in the LA");
        assertTrue(trust.stream().skip(1).anyMatch(row -> cells(trust.get(0), row).get("pupilId").equals(String.valueOf(newcomerB.id()))));
        List<List<String>> wakefield = parse(http.toBlocking().retrieve(HttpRequest.GET("/local-authorities/384/returns").bearerAuth(admin), String.class));
        assertEquals(List.of(String.valueOf(newcomerC.id())), wakefield.stream().skip(1).map(row -> cells(wakefield.get(0), row).get("pupilId")).toList());
        assertEquals(1, list(schoolC, "", admin).getReturns().size());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void setLa(SchoolRecord school, String code, String name) {
        Map<String, Object> la = http.toBlocking().retrieve(HttpRequest.PUT("/schools/" + school.id() + "/local-authority",
                Map.of("code", code, "name", name)).bearerAuth(admin), Json.OBJECT);
        assertEquals(code, la.get("code"));
    }

    private PupilRecord admit(SchoolRecord school, int yearGroup, String dob, String admitted, LocalDate leaving) {
        int n = Fixtures.next();
        PupilInput in = new PupilInput("Pupil" + n, "Return" + n, LocalDate.parse(dob), yearGroup, yearGroup + "B",
                LocalDate.parse(admitted)).upn(String.format("R%012d", (long) n * 7919L % 1_000_000_000_000L));
        in.setLeavingDate(leaving);
        return pupils.admit(school, in);
    }

    private LaReturnList list(SchoolRecord school, String query, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET("/schools/" + school.id() + "/returns" + (query.isEmpty() ? "" : "?" + query))
                .bearerAuth(token), LaReturnList.class);
    }

    private static List<LaReturn> ofPupil(LaReturnList list, PupilRecord pupil) {
        return list.getReturns().stream().filter(r -> r.getPupilId() == pupil.id().longValue()).toList();
    }

    private LaReturn sent(long id, Map<String, Object> body, String token) {
        return http.toBlocking().retrieve(HttpRequest.POST("/returns/" + id + "/sent", body).bearerAuth(token), LaReturn.class);
    }

    private int status(MutableHttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        return e.getStatus().getCode();
    }

    private static Map<String, Object> mark(PupilRecord pupil, LocalDate date, String session, String code) {
        return Map.of("pupilId", pupil.id(), "date", date.toString(), "session", session, "code", code);
    }

    /** Weekdays from..to inclusive (the fixtures' calendar has no closures in November). */
    private static List<LocalDate> schoolDays(String from, String to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    private static Map<String, String> cells(List<String> header, List<String> row) {
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), i < row.size() ? row.get(i) : "");
        }
        return cells;
    }

    /** RFC 4180: comma-separated, CRLF rows, double quotes doubled inside quoted cells. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertNull(quoted ? "open quote" : null);
        return rows;
    }
}
