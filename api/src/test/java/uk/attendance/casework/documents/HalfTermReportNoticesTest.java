package uk.attendance.casework.documents;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.auth.SignInFixture;
import uk.attendance.contract.model.PupilContactInput;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After Autumn 1 ends (Fri 24 Oct 2025 on the fixture calendar) each parent/carer who acts for a child is told, once,
 * from 16:00 school time the next day, through the outbox: a push, else a text with the link.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.public-url", value = "https://attendance.example.org")
class HalfTermReportNoticesTest {
    @Inject
    Fixtures fixtures;
    @Inject
    PupilService pupils;
    @Inject
    HalfTermReportNotices notices;
    @Inject
    DocumentSettings settings;
    @Inject
    SignInFixture db;

    SchoolRecord school;
    SchoolRecord optedOut;
    PupilRecord child;
    ContactRecord mother;
    ContactRecord polishFather;
    ContactRecord emergency;

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        school = fixtures.school(trust);
        optedOut = fixtures.school(trust);
        child = fixtures.pupil(school, "2A", LocalDate.parse("2025-09-01"));
        fixtures.pupil(optedOut, "2A", LocalDate.parse("2025-09-01"));
        mother = fixtures.parentOf(trust, child);
        polishFather = pupils.link(child, trust.id(), new PupilContactInput("Piotr", "Nowak", Fixtures.uniqueMobile(), 2, "Father")
                .preferredLanguage("pl")).contact();
        emergency = fixtures.emergencyContactOf(trust, child);
        var head = new uk.attendance.caller.Caller(uk.attendance.caller.Caller.Kind.STAFF, 0, trust.id(), java.util.Optional.of(optedOut.id()),
                java.util.Set.of(uk.attendance.caller.Roles.HEADTEACHER), "Head", "Headteacher");
        settings.change(head, optedOut.id(), false);
    }

    @Test
    void eachParentIsToldOnceTheDayAfterTheHalfTermEndsNotTheEmergencyContactNorAnOptedOutSchool() {
        // Fri 24 Oct, the last school day, 17:30 BST: too early; Sat 25 Oct 15:30 BST: before 16:00
        assertEquals(0, notices.sendDue(school.id(), Instant.parse("2025-10-24T16:30:00Z")));
        assertEquals(0, notices.sendDue(school.id(), Instant.parse("2025-10-25T14:30:00Z")));

        assertEquals(2, notices.sendDue(school.id(), Instant.parse("2025-10-25T15:05:00Z")));

        List<Map<String, Object>> rows = db.rows("SELECT to_person_id, title, body, data, fallback_text FROM outbox_message"
                + " WHERE purpose = 'half-term-report' AND pupil_id = ? ORDER BY to_person_id", child.id());
        assertEquals(2, rows.size());
        Map<Long, Map<String, Object>> byParent = new java.util.HashMap<>();
        rows.forEach(r -> byParent.put(((Number) r.get("to_person_id")).longValue(), r));
        assertEquals(java.util.Set.of(mother.id(), polishFather.id()), byParent.keySet());
        Map<String, Object> toMother = byParent.get(mother.id());
        assertEquals("Attendance report", toMother.get("title"));
        assertEquals("A half-termly attendance report is ready in the app.", toMother.get("body"));
        assertTrue(String.valueOf(toMother.get("data")).contains("2025-09-03"), toMother.toString());
        assertEquals(school.name() + ": " + child.firstName() + "'s attendance report for Autumn 1 2025-26 is ready. Read it at"
                + " https://attendance.example.org/pupils/" + child.id() + "/attendance/report?halfTerm=2025-09-03",
                toMother.get("fallback_text"));
        Map<String, Object> toFather = byParent.get(polishFather.id());
        assertEquals("Raport frekwencji", toFather.get("title"));
        assertTrue(String.valueOf(toFather.get("fallback_text")).startsWith(school.name() + ": raport frekwencji dziecka ("
                + child.firstName() + ") za Autumn 1 2025-26 jest gotowy."), toFather.toString());

        // later runs, and runs weeks later, add nothing
        assertEquals(0, notices.sendDue(school.id(), Instant.parse("2025-10-25T16:05:00Z")));
        assertEquals(0, notices.sendDue(school.id(), Instant.parse("2025-10-30T16:05:00Z")));
        assertEquals(2, db.rows("SELECT id FROM outbox_message WHERE purpose = 'half-term-report' AND pupil_id = ?",
                child.id()).size());
        assertEquals(0, notices.sendDue(optedOut.id(), Instant.parse("2025-10-25T15:05:00Z")));
        assertEquals(0, db.rows("SELECT id FROM outbox_message WHERE purpose = 'half-term-report' AND school_id = ?",
                optedOut.id()).size());
    }
}
