package uk.attendance.casework.documents;

import io.micronaut.context.annotation.Property;
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
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policy 002's letters rendered to PDF in English and Polish with a pupil's figures taken from the services behind the
 * parent's summary and penalty status, then read back with PDFBox's text extraction. Today is Thu 20 Nov 2025.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.clock.fixed", value = "2025-11-20T12:00:00Z")
class LetterDocumentsTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    DocumentFiguresSource figuresSource;
    @Inject
    DocumentRenderer renderer;
    @Inject
    javax.sql.DataSource dataSource;

    SchoolRecord school;
    PupilRecord pupil;
    String officer;
    DocumentFigures figures;

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        school = fixtures.school(trust);
        pupil = fixtures.pupil(school, "6Ł", LocalDate.parse("2025-09-01"));
        officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        List<Map<String, Object>> rows = new ArrayList<>();
        // 3 Sep - 19 Nov: 51 school days, 102 sessions; a week's term-time holiday (6-10 Oct, 10 × G) and U on 3 Monday mornings in November
        for (LocalDate d = LocalDate.parse("2025-09-03"); !d.isAfter(LocalDate.parse("2025-11-19")); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || (d.isAfter(LocalDate.parse("2025-10-26")) && d.isBefore(LocalDate.parse("2025-11-01")))) {
                continue;
            }
            boolean holiday = !d.isBefore(LocalDate.parse("2025-10-06")) && !d.isAfter(LocalDate.parse("2025-10-10"));
            boolean late = d.getDayOfWeek() == DayOfWeek.MONDAY && d.isAfter(LocalDate.parse("2025-11-01"));
            rows.add(Map.of("pupilId", pupil.id(), "date", d.toString(), "session", "AM", "code", holiday ? "G" : late ? "U" : "/"));
            rows.add(Map.of("pupilId", pupil.id(), "date", d.toString(), "session", "PM", "code", holiday ? "G" : "\\"));
        }
        String admin = fixtures.token(fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN));
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/marks/import", Map.of("marks", rows)).bearerAuth(admin));
        figures = figuresSource.ofPupil(pupil.id(), LocalDate.parse("2025-09-01"), LocalDate.parse("2025-11-20"));
    }

    @AfterAll
    void markMonthsKeptInStep() throws java.sql.SQLException {
        uk.attendance.register.MarkMonthsConsistency.assertKeptInStep(dataSource);
    }

    @Test
    void theFiguresAreThoseOfTheParentsSummaryAndPenaltyStatus() {
        Map<String, Object> summary = http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + pupil.id()
                + "/attendance?from=2025-09-01&to=2025-11-20").bearerAuth(officer), Json.OBJECT);
        Map<String, Object> penalty = http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + pupil.id()
                + "/attendance/penalty-notice?asOf=2025-11-20").bearerAuth(officer), Json.OBJECT);

        assertEquals(new BigDecimal(summary.get("attendancePercent").toString()), figures.attendancePercent());
        assertEquals(new BigDecimal("87.3"), figures.attendancePercent()); // 89 of 102
        assertEquals(102, figures.possibleSessions());
        assertEquals(13, figures.missedSessions());
        assertEquals(new BigDecimal(summary.get("learningHoursLost").toString()), figures.learningHoursLost());
        assertEquals(0, new BigDecimal("32.5").compareTo(figures.learningHoursLost()));
        assertTrue(figures.persistentAbsence());
        assertEquals(penalty.get("headline"), figures.penalty().headline());
        assertEquals(penalty.get("level"), figures.penalty().level().name());
        assertEquals(DocumentFigures.Level.REACHED, figures.penalty().level());
    }

    @Test
    void letterTwoInEnglishCarriesTheWordsOfThePolicyAndThePupilsFigures() {
        LetterText text = LetterTexts.draft(GraduatedLetter.LETTER_2, "en-GB", pupil.firstName(), figures,
                Optional.of(LocalDateTime.parse("2025-11-27T15:30:00")));
        String pdf = Pdfs.text(renderer.render(letter(text, "Ms Smith")));

        for (String expected : List.of(school.name(), "20 November 2025", "Dear Ms Smith,", "Re: Low attendance - letter 2",
                pupil.displayName() + ", 6Ł", pupil.firstName() + "'s attendance continues to be low: it is now 87.3%",
                "missed a total of 13 sessions this academic year",
                "We have made an appointment for you on 27 November 2025 at 15:30",
                "Yours sincerely, Mrs A Head",
                "Attendance 87.3%", "Sessions possible 102", "Sessions missed 13", "Days missed 6.5", "Learning hours lost 32.5",
                "Attendance band 85–89.9")) {
            assertTrue(pdf.contains(expected), "missing \"" + expected + "\" in: " + pdf);
        }
        // a table cell: the extracted text may interleave it with the words of the cell beside it when both wrap
        assertTrue(Pdfs.inOrder(pdf, figures.penalty().headline()), "missing the penalty headline in: " + pdf);
    }

    @Test
    void letterTwoInPolishIsTranslatedWithTheSameFigures() {
        LetterText text = LetterTexts.draft(GraduatedLetter.LETTER_2, "pl", pupil.firstName(), figures,
                Optional.of(LocalDateTime.parse("2025-11-27T15:30:00")));
        assertEquals("pl", text.language());
        String pdf = Pdfs.text(renderer.render(letter(text, "Ms Kowalska")));

        for (String expected : List.of("20 listopada 2025", "Szanowni Państwo,", "Dotyczy: Niska frekwencja - list 2",
                "frekwencja dziecka nadal jest niska: wynosi obecnie 87,3%", "łącznie 13 opuszczonych sesji",
                "spotkanie w dniu 27 listopada 2025 o godz. 15:30", "Z poważaniem, Mrs A Head",
                "Frekwencja 87,3%", "Możliwe sesje 102", "Opuszczone sesje 13", "Opuszczone dni 6,5", "Utracone godziny nauki 32,5",
                "10 sesji nieobecności bez zgody w ciągu 10 tygodni szkolnych: szkoła musi teraz rozważyć nałożenie kary pieniężnej.",
                "Uporczywa nieobecność")) {
            assertTrue(pdf.contains(expected), "missing \"" + expected + "\" in: " + pdf);
        }
        assertFalse(pdf.contains("Sessions possible"), pdf);
    }

    @Test
    void everyLetterOfThePolicyRendersInEveryLanguageAndAnUntranslatedOneFallsBackToEnglish() {
        for (GraduatedLetter kind : GraduatedLetter.values()) {
            for (String language : List.of("en", "pl", "so")) {
                LetterText text = LetterTexts.draft(kind, language, pupil.firstName(), figures, Optional.empty());
                String pdf = Pdfs.text(renderer.render(letter(text, null)));
                assertTrue(pdf.contains(text.subject()), kind + " " + language + ": " + pdf);
                assertEquals(language.equals("pl") ? "pl" : "en", text.language());
                assertTrue(pdf.contains(language.equals("pl") ? "Szanowni Państwo," : "Dear Parent/Carer,"), pdf);
                assertTrue(pdf.contains(language.equals("pl") ? "Frekwencja 87,3%" : "Attendance 87.3%"), pdf);
            }
        }
    }

    @Test
    void whatStaffTypeIsPrintedAsTextNotMarkup() {
        LetterText text = new LetterText("en", "Attendance <b>meeting</b> & next steps", "First line with <script>x</script>.\n\n"
                + "Second paragraph: Zoë, Łukasz, Ștefan, São Paulo, Ağrı.");
        String pdf = Pdfs.text(renderer.render(letter(text, null)));

        assertTrue(pdf.contains("Re: Attendance <b>meeting</b> & next steps"), pdf);
        assertTrue(pdf.contains("First line with <script>x</script>."), pdf);
        assertTrue(pdf.contains("Second paragraph: Zoë, Łukasz, Ștefan, São Paulo, Ağrı."), pdf);
    }

    private LetterDocument letter(LetterText text, String recipient) {
        return new LetterDocument(text.language(), school.name(), LocalDate.parse("2025-11-20"), recipient, pupil.displayName(),
                pupil.registrationGroup(), text.subject(), text.body(), figures, "Mrs A Head");
    }
}
