package uk.attendance.casework.letters;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Roles;
import uk.attendance.casework.documents.Pdfs;
import uk.attendance.contract.model.PupilContactInput;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sent letter printed for the family: read back with PDFBox, in each parent's language (an unedited letter 2 in Polish
 * for the Polish-speaking father), with the figures of the day it was proposed; an edited letter as kept; 404 for anyone
 * who may not read it; every download logged.
 */
@MicronautTest(transactional = false)
class LetterPdfHttpTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-09-03T15:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    PupilService pupils;
    @Inject
    LetterProposals job;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    record Family(SchoolRecord school, PupilRecord pupil, String mother, String father, String grandparent,
                  String officer) {
    }

    /** A mother (English), a father who reads Polish, both with parental responsibility, and an emergency contact. */
    private Family family() {
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        PupilRecord pupil = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, pupil);
        ContactRecord father = pupils.link(pupil, trust.id(), new PupilContactInput("Tomasz", "Test" + Fixtures.next(),
                Fixtures.uniqueMobile(), 2, "Father").preferredLanguage("pl-PL")).contact();
        ContactRecord grandparent = fixtures.emergencyContactOf(trust, pupil);
        String officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        return new Family(school, pupil, fixtures.token(mother), fixtures.token(father), fixtures.token(grandparent), officer);
    }

    @Test
    void aSentLetterPrintsInEachParentsLanguageWithTheFiguresOfTheDayItWasProposed() {
        at("2025-09-03");
        Family f = family();
        // 5 school days, 2 of them missed: 60.0 % of 10 possible sessions, so letter 2
        registers(f, LocalDate.parse("2025-09-03"), List.of("/", "/", "/", "/", "O", "O", "I", "I", "/", "/"));
        assertEquals(1, job.propose(f.school()));
        long id = onlyProposal(f);
        assertStatus(404, get("/letters/" + id + "/pdf", f.mother()), "a proposal is not the family's yet");

        http.toBlocking().exchange(HttpRequest.POST("/letters/" + id + "/send", "").bearerAuth(f.officer()));
        at("2025-09-12");
        // later marks do not change the letter: it prints the figures of the day it was proposed
        registers(f, LocalDate.parse("2025-09-12"), List.of("O", "O"));

        HttpResponse<byte[]> english = http.toBlocking().exchange(get("/letters/" + id + "/pdf", f.mother()), byte[].class);
        assertEquals("application/pdf", english.getContentType().orElseThrow().toString());
        assertEquals("en", english.header("Content-Language"));
        assertTrue(english.header("Content-Disposition").contains("letter-" + id + ".pdf"));
        String text = Pdfs.text(english.body());
        for (String expected : List.of("Dear Parent/Carer,", "Low attendance letter 2: " + f.pupil().firstName(),
                f.pupil().displayName(), "dropped to 60.0%", "60.0%", "Yours sincerely,")) {
            assertTrue(text.contains(expected), expected + " in: " + text);
        }
        assertFalse(text.contains("50.0%"), "the figures of 12 September are not the letter's: " + text);

        HttpResponse<byte[]> polish = http.toBlocking().exchange(get("/letters/" + id + "/pdf", f.father()), byte[].class);
        assertEquals("pl", polish.header("Content-Language"));
        String tekst = Pdfs.text(polish.body());
        for (String expected : List.of("Szanowni Państwo,", "Niska frekwencja - list 2", "60,0%", "Z poważaniem,")) {
            assertTrue(tekst.contains(expected), expected + " in: " + tekst);
        }

        assertStatus(404, get("/letters/" + id + "/pdf", f.grandparent()), "an emergency contact");
        assertStatus(404, get("/letters/" + id + "/pdf", family().mother()), "another family");
        assertStatus(404, get("/letters/" + id + "/pdf", family().officer()), "another school");

        List<Map<String, Object>> log = http.toBlocking().retrieve(get("/schools/" + f.school().id()
                + "/attendance/report-downloads?pupilId=" + f.pupil().id(), f.officer()), Json.LIST);
        assertEquals(List.of("pl", "en"), log.stream().map(d -> d.get("language")).toList(), "newest first: " + log);
        for (Map<String, Object> download : log) {
            assertEquals("LETTER", download.get("kind"));
            assertEquals(id, ((Number) download.get("documentId")).longValue());
            assertEquals("2025-09-09", download.get("periodEnd"), "the figures' day");
        }
    }

    @Test
    void aLetterStaffEditedPrintsAsKeptInEnglishEvenForAPolishReader() {
        at("2025-09-03");
        Family f = family();
        registers(f, LocalDate.parse("2025-09-03"), List.of("/", "/", "/", "/", "O", "O", "I", "I", "/", "/"));
        job.propose(f.school());
        long id = onlyProposal(f);
        http.toBlocking().exchange(HttpRequest.PATCH("/letters/" + id, Map.of("body",
                "We were sorry to hear of the illness.\n\nPlease call Ms Green on Monday.")).bearerAuth(f.officer()));
        http.toBlocking().exchange(HttpRequest.POST("/letters/" + id + "/send", "").bearerAuth(f.officer()));

        HttpResponse<byte[]> printed = http.toBlocking().exchange(get("/letters/" + id + "/pdf", f.father()), byte[].class);
        assertEquals("en", printed.header("Content-Language"));
        String text = Pdfs.text(printed.body());
        assertTrue(text.contains("We were sorry to hear of the illness. Please call Ms Green on Monday."), text);
        assertTrue(text.contains("60.0%"), text);

        // staff print it as the family reads it: for staff, the language is that of the first contact who acts for the child
        HttpResponse<byte[]> staffCopy = http.toBlocking().exchange(get("/letters/" + id + "/pdf", f.officer()), byte[].class);
        assertEquals("en", staffCopy.header("Content-Language"));
        assertTrue(Pdfs.text(staffCopy.body()).contains("Please call Ms Green on Monday."));
    }

    private long onlyProposal(Family f) {
        List<Map<String, Object>> proposed = http.toBlocking().retrieve(get("/schools/" + f.school().id()
                + "/letters?status=PROPOSED", f.officer()), Json.LIST);
        assertEquals(1, proposed.size(), proposed.toString());
        return ((Number) proposed.get(0).get("id")).longValue();
    }

    private void registers(Family f, LocalDate from, List<String> codes) {
        RegisterDays.take(http, CLOCK, f.school().id(), f.pupil().id(), f.officer(), from, codes);
    }

    private static MutableHttpRequest<?> get(String uri, String token) {
        return RegisterDays.get(uri, token);
    }

    private void assertStatus(int status, MutableHttpRequest<?> request, String why) {
        RegisterDays.assertStatus(http, status, request, why);
    }

    private static void at(String date) {
        RegisterDays.at(CLOCK, date);
    }
}
