package uk.attendance.casework.documents;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.PupilContactInput;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The half-termly attendance report over HTTP, read back with PDFBox's text extraction. Today is Thu 20 Nov 2025 on the
 * fixture calendar: Autumn 1 is 3 Sep - 24 Oct (76 sessions after the INSET days), Autumn 2 started on 3 Nov.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.clock.fixed", value = "2025-11-20T12:00:00Z")
class AttendanceReportHttpTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    PupilService pupils;
    @Inject
    javax.sql.DataSource dataSource;

    SchoolRecord school;
    SchoolRecord optedOut;
    PupilRecord ill;
    PupilRecord polish;
    PupilRecord atOptedOut;
    ContactRecord parentOfIll;
    String parentOfIllToken;
    ContactRecord parentOfPolish;
    String parentOfPolishToken;
    String parentAtOptedOut;
    String officer;
    String head;
    String otherSchoolOfficer;

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        school = fixtures.school(trust);
        optedOut = fixtures.school(trust);
        LocalDate admitted = LocalDate.parse("2025-09-01");
        ill = fixtures.pupil(school, "4B", admitted);
        polish = fixtures.pupil(school, "4B", admitted);
        atOptedOut = fixtures.pupil(optedOut, "3C", admitted);
        parentOfIll = fixtures.parentOf(trust, ill);
        parentOfIllToken = fixtures.token(parentOfIll);
        parentOfPolish = pupils.link(polish, trust.id(), new PupilContactInput("Agnieszka", "Kowalska",
                Fixtures.uniqueMobile(), 1, "Mother").preferredLanguage("pl-PL")).contact();
        parentOfPolishToken = fixtures.token(parentOfPolish);
        parentAtOptedOut = fixtures.token(fixtures.parentOf(trust, atOptedOut));
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        head = fixtures.token(fixtures.staff(trust, Optional.of(optedOut), Roles.HEADTEACHER));
        otherSchoolOfficer = fixtures.token(fixtures.staff(trust, Optional.of(optedOut), Roles.ATTENDANCE_OFFICER));
        String admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));

        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> optedOutRows = new ArrayList<>();
        for (LocalDate d : schoolDays("2025-09-03", "2025-10-24")) {
            // ill: Mon 15 - Thu 18 Sep off sick (8 sessions of I) -> 68/76 = 89.5 %, a persistent absentee
            boolean sick = !d.isBefore(LocalDate.parse("2025-09-15")) && !d.isAfter(LocalDate.parse("2025-09-18"));
            rows.add(mark(ill, d, "AM", sick ? "I" : "/"));
            rows.add(mark(ill, d, "PM", sick ? "I" : "\\"));
            // polish: a two-day holiday in term time (Mon 6 - Tue 7 Oct, 4 sessions of G) -> 72/76 = 94.7 %
            boolean holiday = d.equals(LocalDate.parse("2025-10-06")) || d.equals(LocalDate.parse("2025-10-07"));
            rows.add(mark(polish, d, "AM", holiday ? "G" : "/"));
            rows.add(mark(polish, d, "PM", holiday ? "G" : "\\"));
            optedOutRows.add(mark(atOptedOut, d, "AM", "/"));
            optedOutRows.add(mark(atOptedOut, d, "PM", "\\"));
        }
        // Autumn 2 so far: ill is in every session (26 of 26, 100 %)
        for (LocalDate d : schoolDays("2025-11-03", "2025-11-19")) {
            rows.add(mark(ill, d, "AM", "/"));
            rows.add(mark(ill, d, "PM", "\\"));
        }
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", rows)).bearerAuth(admin));
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + optedOut.id() + "/marks/import", Map.of("marks", optedOutRows))
                .bearerAuth(admin));
    }

    @AfterAll
    void markMonthsKeptInStep() throws java.sql.SQLException {
        uk.attendance.register.MarkMonthsConsistency.assertKeptInStep(dataSource);
    }

    @Test
    void aParentDownloadsTheLastHalfTermsReportInEnglishWithTheFiguresOfTheSummary() {
        HttpResponse<byte[]> response = report(ill, "", parentOfIllToken);

        assertEquals("application/pdf", response.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"attendance-report-" + ill.id() + "-2025-26-autumn-1.pdf\"",
                response.header("Content-Disposition"));
        assertEquals("en", response.header("Content-Language"));
        String text = Pdfs.text(response.body());
        // the same figures as the parent's summary of the half-term
        Map<String, Object> summary = http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + ill.id()
                + "/attendance?from=2025-09-03&to=2025-10-24").bearerAuth(parentOfIllToken), Json.OBJECT);
        assertEquals(89.5, ((Number) summary.get("attendancePercent")).doubleValue());
        assertEquals(20.0, ((Number) summary.get("learningHoursLost")).doubleValue());
        for (String expected : List.of("Half-termly attendance report - Autumn 1 2025-26", "Pupil " + ill.displayName(),
                "Class 4B", "From 3 September 2025 to 24 October 2025",
                "Attendance 89.5%", "Sessions possible 76", "Sessions missed 8", "Days missed 4.0", "Learning hours lost 20.0",
                "Attendance band 85–89.9: Attendance levels do not improve, and further concerns are raised",
                "Penalty notice threshold on 24 October 2025 No sessions that could lead to a fine in the last 10 school weeks.",
                "Persistent absence: absent for 10% or more of sessions.",
                "Academic year to date", "There is no previous half-term to compare with.")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in: " + text);
        }
        assertFalse(text.contains("Significantly improved"), text);
        assertTrue(Pdfs.fonts(response.body()).stream().allMatch(f -> f.contains("DejaVuSans") && f.endsWith("(embedded)")),
                Pdfs.fonts(response.body()).toString());
    }

    @Test
    void aPolishFamilyReadsTheReportInPolishWithTheChildsFigures() {
        HttpResponse<byte[]> response = report(polish, "?halfTerm=2025-09-03", parentOfPolishToken);

        assertEquals("pl", response.header("Content-Language"));
        String text = Pdfs.text(response.body());
        for (String expected : List.of("Raport frekwencji za pół semestru - Autumn 1 2025-26", "Uczeń " + polish.displayName(),
                "Od 3 września 2025 do 24 października 2025", "Frekwencja 94,7%", "Możliwe sesje 76", "Opuszczone sesje 4",
                "Opuszczone dni 2,0", "Utracone godziny nauki 10,0",
                "Poziom frekwencji 92.5–94.9: Frekwencja budzi poważny niepokój",
                "Próg kary pieniężnej na dzień 24 października 2025 W ciągu ostatnich 10 tygodni szkolnych wykorzystano 4 z 10 sesji,"
                        + " które mogą prowadzić do kary pieniężnej; jeszcze 6 oznacza osiągnięcie limitu.",
                "Rok szkolny do tej pory", "Brak poprzedniego półsemestru do porównania.")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in: " + text);
        }
        assertFalse(text.contains("Learning hours lost"), text);
    }

    @Test
    void theCurrentHalfTermShowsTheTrendAndTheSignificantImprovement() {
        String text = Pdfs.text(report(ill, "?halfTerm=2025-11-10", parentOfIllToken).body());

        for (String expected : List.of("Autumn 2 2025-26", "From 3 November 2025 to 20 November 2025", "Attendance 100.0%",
                "(Autumn 1)", "Academic year to date",
                "Attendance 89.5% 100.0% 92.2%", "Sessions missed 8 0 8",
                "Attendance is 10.5 percentage points higher than in the previous half-term.",
                "Significantly improved: " + ill.firstName() + "'s attendance has improved significantly")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in: " + text);
        }
    }

    @Test
    void staffGetTheReportInTheFamilysLanguage() {
        HttpResponse<byte[]> response = report(polish, "", officer);

        assertEquals("pl", response.header("Content-Language"));
        assertTrue(Pdfs.text(response.body()).contains("Frekwencja 94,7%"));
    }

    @Test
    void anotherFamilyAndAnotherSchoolGet404AndNothingIsLogged() {
        int before = downloadsOf(ill).size();
        HttpClientResponseException otherFamily = assertThrows(HttpClientResponseException.class,
                () -> report(ill, "", parentOfPolishToken));
        assertEquals(404, otherFamily.getStatus().getCode());
        assertEquals("application/problem+json", otherFamily.getResponse().getContentType().orElseThrow().toString());
        HttpClientResponseException otherSchool = assertThrows(HttpClientResponseException.class,
                () -> report(ill, "", otherSchoolOfficer));
        assertEquals(404, otherSchool.getStatus().getCode());
        assertEquals(before, downloadsOf(ill).size());
    }

    @Test
    void everyDownloadIsLoggedWithWhoWhenAndWhichDocument() {
        int before = downloadsOf(polish).size();
        report(polish, "?halfTerm=2025-10-24", parentOfPolishToken);

        List<Map<String, Object>> after = downloadsOf(polish);
        assertEquals(before + 1, after.size());
        Map<String, Object> newest = after.get(0);
        assertEquals(polish.id(), ((Number) newest.get("pupilId")).longValue());
        assertEquals("HALF_TERM_REPORT", newest.get("kind"));
        assertEquals("Autumn 1 2025-26", newest.get("title"));
        assertEquals("2025-09-03", newest.get("periodStart"));
        assertEquals("2025-10-24", newest.get("periodEnd"));
        assertEquals("pl", newest.get("language"));
        assertEquals(Map.of("kind", "PARENT", "id", parentOfPolish.id().intValue()), newest.get("by"));
        assertEquals("2025-11-20T12:00:00Z", newest.get("downloadedAt"));
        // the school's list holds it too; another school's staff cannot read it
        List<Map<String, Object>> ofSchool = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + school.id()
                + "/attendance/report-downloads").bearerAuth(officer), Json.LIST);
        assertTrue(ofSchool.stream().anyMatch(d -> d.equals(newest)));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/schools/" + optedOut.id() + "/attendance/report-downloads?pupilId=" + polish.id())
                        .bearerAuth(otherSchoolOfficer)));
        assertEquals(404, e.getStatus().getCode());
    }

    @Test
    void aSchoolThatOptsOutOffersNoReportToFamiliesButStaffCanStillPrintIt() {
        assertEquals(200, report(atOptedOut, "", parentAtOptedOut).code());
        Map<String, Object> defaults = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + optedOut.id() + "/report-settings")
                .bearerAuth(head), Json.OBJECT);
        assertEquals(true, defaults.get("halfTermReports"));

        Map<String, Object> stored = http.toBlocking().retrieve(HttpRequest.PUT("/schools/" + optedOut.id() + "/report-settings",
                Map.of("halfTermReports", false)).bearerAuth(head), Json.OBJECT);

        assertEquals(false, stored.get("halfTermReports"));
        assertEquals("2025-11-20T12:00:00Z", stored.get("updatedAt"));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> report(atOptedOut, "", parentAtOptedOut));
        assertEquals(404, e.getStatus().getCode());
        assertEquals(200, report(atOptedOut, "", otherSchoolOfficer).code());
        // the other school of the trust still offers it
        assertEquals(200, report(ill, "", parentOfIllToken).code());
    }

    @Test
    void aDateOutsideEveryHalfTermOrInTheFutureIsAProblemNamingHalfTerm() {
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> report(ill, "?halfTerm=2025-10-29", parentOfIllToken)), 400, "halfTerm", "not within a half-term");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> report(ill, "?halfTerm=2026-03-02", parentOfIllToken)), 400, "halfTerm", "has not started yet");
        Problems.assertProblem(assertThrows(HttpClientResponseException.class,
                () -> report(ill, "?halfTerm=2025-13-01", parentOfIllToken)), 400, "halfTerm", "");
    }

    private HttpResponse<byte[]> report(PupilRecord pupil, String query, String token) {
        return http.toBlocking().exchange(HttpRequest.GET("/pupils/" + pupil.id() + "/attendance/report" + query)
                .bearerAuth(token), byte[].class);
    }

    private List<Map<String, Object>> downloadsOf(PupilRecord pupil) {
        return http.toBlocking().retrieve(HttpRequest.GET("/schools/" + pupil.schoolId() + "/attendance/report-downloads?pupilId="
                + pupil.id()).bearerAuth(officer), Json.LIST);
    }

    private static Map<String, Object> mark(PupilRecord p, LocalDate d, String session, String code) {
        return Map.of("pupilId", p.id(), "date", d.toString(), "session", session, "code", code);
    }

    private static List<LocalDate> schoolDays(String from, String to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }
}
