package uk.attendance.auth;

import uk.attendance.caller.Roles;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import uk.attendance.followup.morning.MorningSweep;
import uk.attendance.notify.text.InboundText;
import uk.attendance.notify.text.InboundTexts;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Walks every operation of openapi.yaml, so a new endpoint is covered without editing this test:
 * a parent asking for another family's child and staff asking for another school's pupil or school get 404, also
 * when the child is only a filter of a list ({@code ?pupilId=});
 * a role outside the operation's {@code x-allowed-roles} gets 403; no token gets 401. A provider's webhook
 * ({@code x-signature-header}: anonymous, but signed) gets 403 without a signature or with a forged one.
 * All as problem+json.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Leave requests can only be made for days to come: fix "now" inside the fixtures' 2025-26 calendar.
@Property(name = "attendance.clock.fixed", value = "2025-11-20T07:00:00Z")
class AuthorizationSweepTest {
    private static final List<String> STAFF_ROLES = List.of(Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    MorningSweep morning;
    @Inject
    SignInFixture db;

    SchoolRecord school1;
    SchoolRecord school2;
    PupilRecord childOfA;
    PupilRecord childOfB;
    PupilRecord school2Pupil;
    String parentA;
    long contactOfA;
    /** linked to child A without parental responsibility, not living with them: receives texts, acts for and reads nothing */
    String emergencyContactOfA;
    long leaveOfA;
    long leaveOfB;
    long leaveOfSchool2;
    long reportOfA;
    long reportOfB;
    long school2Report;
    final Map<String, String> school1Staff = new java.util.HashMap<>();
    final Map<String, String> school2StaffByRole = new java.util.HashMap<>();
    long school1CallTask;
    long school1TextReview;
    // letters sent to family A and family B at school 1, and one at school 2
    long letterOfA;
    long letterOfB;
    long school2Letter;
    // casework: a support record of each family at school 1, a penalty case of family A
    long supportOfA;
    long supportOfB;
    long penaltyCaseOfA;
    // issue 13, staff accounts: a school-1 member the {staffId} operations name by default, and a school-2 member
    long school1Member;
    long school2Member;
    // part-time timetables: one of family A and one of family B at school 1
    long partTimeOfA;
    long partTimeOfB;
    @Inject
    InboundTexts inbound;

    // local-authority returns: school 1 in LA 383, school 2 in LA 384, a new pupil's return at each
    long school1Return;
    long school2Return;

    // evidence files: one of family A at school 1, asked for by another family's parent and by school-2 staff
    @Inject
    SchoolService schools;
    long evidenceOfA;
    String otherFamilyParent;
    String school2Staff;

    @BeforeAll
    void setUp() {
        TrustRecord trust = fixtures.trust();
        school1 = fixtures.school(trust);
        school2 = fixtures.school(trust);
        childOfA = fixtures.pupil(school1, "4B");
        childOfB = fixtures.pupil(school1, "4B");
        school2Pupil = fixtures.pupil(school2, "7K");
        ContactRecord contactA = fixtures.parentOf(trust, childOfA);
        parentA = fixtures.token(contactA);
        contactOfA = contactA.id();
        emergencyContactOfA = fixtures.token(fixtures.emergencyContactOf(trust, childOfA));
        String parentB = fixtures.token(fixtures.parentOf(trust, childOfB));
        String school2Parent = fixtures.token(fixtures.parentOf(trust, school2Pupil));
        leaveOfA = leaveRequest(childOfA, parentA);
        leaveOfB = leaveRequest(childOfB, parentB);
        leaveOfSchool2 = leaveRequest(school2Pupil, school2Parent);
        reportOfA = absenceReport(parentA, childOfA);
        reportOfB = absenceReport(parentB, childOfB);
        school2Report = absenceReport(school2Parent, school2Pupil);
        for (String role : STAFF_ROLES) {
            school1Staff.put(role, fixtures.token(fixtures.staff(trust, Optional.of(school1), role)));
            school2StaffByRole.put(role, fixtures.token(fixtures.staff(trust, Optional.of(school2), role)));
        }
        // a school-1 morning: the register closes with child A unmarked, and at 10:00 a call task is raised
        morning.run(school1.id(), java.time.Instant.parse("2025-11-03T10:00:00Z"));
        school1CallTask = ((Number) db.rows("SELECT id FROM follow_up_task WHERE pupil_id = ? AND kind = 'CALL'",
                childOfA.id()).get(0).get("id")).longValue();
        // weeks later, parent A texts the school's number out of the blue: a text to review at school 1
        inbound.received(new InboundText("SM" + java.util.UUID.randomUUID().toString().replace("-", ""), contactA.mobile(),
                "Running late today", java.time.Instant.parse("2025-11-20T07:00:00Z")));
        letterOfA = sentLetter(childOfA, school1Staff.get(Roles.ATTENDANCE_OFFICER));
        letterOfB = sentLetter(childOfB, school1Staff.get(Roles.ATTENDANCE_OFFICER));
        school2Letter = sentLetter(school2Pupil, school2StaffByRole.get(Roles.ATTENDANCE_OFFICER));
        String school1Officer = school1Staff.get(Roles.ATTENDANCE_OFFICER);
        supportOfA = created("/pupils/" + childOfA.id() + "/support-records", Map.of("kind", "MEETING", "startsOn", "2025-11-10"), school1Officer);
        supportOfB = created("/pupils/" + childOfB.id() + "/support-records", Map.of("kind", "MEETING", "startsOn", "2025-11-10"), school1Officer);
        penaltyCaseOfA = created("/pupils/" + childOfA.id() + "/penalty-cases",
                Map.of("parentContactId", contactOfA, "reason", "TERM_TIME_HOLIDAY"), school1Officer);
        school1Member = fixtures.staff(trust, Optional.of(school1), Roles.TEACHER).id();
        school2Member = fixtures.staff(trust, Optional.of(school2), Roles.TEACHER).id();
        partTimeOfA = partTimeTimetable(childOfA, contactOfA, school1Officer);
        partTimeOfB = partTimeTimetable(childOfB, ((Number) db.rows("SELECT contact_id FROM pupil_contact WHERE pupil_id = ?",
                childOfB.id()).get(0).get("contact_id")).longValue(), school1Officer);
        school1TextReview = ((Number) db.rows("SELECT r.id FROM text_review r JOIN text_reply t ON t.id = r.text_reply_id"
                + " WHERE t.from_number = ? AND r.school_id = ?", contactA.mobile(), school1.id()).get(0).get("id")).longValue();

        school1Return = newPupilReturn(trust, school1, "383", "Leeds", school1Staff.get(Roles.ATTENDANCE_OFFICER));
        school2Return = newPupilReturn(trust, school2, "384", "Wakefield", school2StaffByRole.get(Roles.ATTENDANCE_OFFICER));
    }

    /** The school's LA set, a pupil joining mid-term, and the id of the new-pupil return the school's list stores. */
    @SuppressWarnings("unchecked")
    private long newPupilReturn(TrustRecord trust, SchoolRecord school, String laCode, String laName, String officer) {
        schools.setLocalAuthority(school, laCode, laName);
        PupilRecord joined = fixtures.pupil(school, "4B", java.time.LocalDate.parse("2025-11-10"));
        Map<String, Object> list = http.toBlocking().retrieve(HttpRequest.GET("/schools/" + school.id() + "/returns?kind=NEW_PUPIL")
                .bearerAuth(officer), Json.OBJECT);
        return ((List<Map<String, Object>>) list.get("returns")).stream()
                .filter(r -> ((Number) r.get("pupilId")).longValue() == joined.id())
                .map(r -> ((Number) r.get("id")).longValue()).findFirst().orElseThrow();
    }

    /** A letter an attendance officer starts for the child and sends to the family. */
    private long sentLetter(PupilRecord child, String officer) {
        Map<String, Object> letter = http.toBlocking().retrieve(HttpRequest.POST("/pupils/" + child.id() + "/letters",
                Map.of("stage", "LETTER_1")).bearerAuth(officer), Argument.mapOf(String.class, Object.class));
        long id = ((Number) letter.get("id")).longValue();
        http.toBlocking().exchange(HttpRequest.POST("/letters/" + id + "/send", "").bearerAuth(officer));
        return id;
    }

    private long created(String uri, Map<String, Object> body, String token) {
        return ((Number) http.toBlocking().retrieve(HttpRequest.POST(uri, body).bearerAuth(token), Json.OBJECT).get("id")).longValue();
    }

    /** A part-time timetable agreed with the child's parent, from the Monday after "now" (2025-11-20). */
    private long partTimeTimetable(PupilRecord child, long parentContactId, String officer) {
        return created("/pupils/" + child.id() + "/part-time-timetables", Map.of("offSessions",
                List.of(Map.of("weekday", "FRIDAY", "session", "PM")), "startsOn", "2025-11-24", "proposedEndOn", "2025-12-19",
                "reviewDates", List.of("2025-12-05"), "reason", "Phased return", "agreedWithContactId", parentContactId), officer);
    }

    /** A parent's absence report for a school day of the fixtures' calendar (past and still unregistered). */
    @SuppressWarnings("unchecked")
    private long absenceReport(String parent, PupilRecord child) {
        Map<String, Object> receipt = http.toBlocking().retrieve(HttpRequest.POST("/absence-reports",
                Map.of("pupilIds", List.of(child.id()), "firstDay", "2025-11-04", "reason", "ILLNESS")).bearerAuth(parent),
                Argument.mapOf(String.class, Object.class));
        return ((Number) ((List<Map<String, Object>>) receipt.get("reports")).get(0).get("id")).longValue();
    }

    record Operation(String method, String path, String id, List<String> roles, Map<String, Object> spec) {
        boolean evidenceScoped() {
            return path.contains("{evidenceId}");
        }

        @SuppressWarnings("unchecked")
        boolean multipart() {
            return Optional.ofNullable((Map<String, Object>) spec.get("requestBody"))
                    .map(b -> (Map<String, Object>) b.get("content"))
                    .map(c -> c.containsKey("multipart/form-data"))
                    .orElse(false);
        }

        boolean anonymous() {
            return roles.contains("ANONYMOUS");
        }

        /** A provider's webhook: no bearer token, but the request must carry the provider's signature in this header. */
        Optional<String> signatureHeader() {
            return Optional.ofNullable((String) spec.get("x-signature-header"));
        }

        boolean pupilScoped() {
            return path.contains("{pupilId}");
        }

        /** A list filtered by a pupil ({@code ?pupilId=}): the pupil must be one the caller may see. */
        @SuppressWarnings("unchecked")
        boolean queryPupilScoped() {
            return ((List<Map<String, Object>>) spec.getOrDefault("parameters", List.of())).stream()
                    .anyMatch(p -> "query".equals(p.get("in")) && "pupilId".equals(p.get("name")));
        }

        boolean schoolScoped() {
            return path.contains("{schoolId}");
        }

        boolean leaveScoped() {
            return path.contains("{leaveRequestId}");
        }

        boolean callTaskScoped() {
            return path.contains("{callTaskId}");
        }

        boolean reportScoped() {
            return path.contains("{reportId}");
        }

        boolean textReviewScoped() {
            return path.contains("{textReviewId}");
        }

        boolean letterScoped() {
            return path.contains("{letterId}");
        }

        /** The operation on one letter in particular (the others default to family A's). */
        Operation onLetter(long letterId) {
            return new Operation(method, path.replace("{letterId}", String.valueOf(letterId)), id, roles, spec);
        }

        boolean supportRecordScoped() {
            return path.contains("{supportRecordId}");
        }

        boolean penaltyCaseScoped() {
            return path.contains("{penaltyCaseId}");
        }

        boolean returnScoped() {
            return path.contains("{returnId}");
        }

        boolean laScoped() {
            return path.contains("{laCode}");
        }

        boolean staffScoped() {
            return path.contains("{staffId}");
        }

        boolean partTimeScoped() {
            return path.contains("{timetableId}");
        }

        /** The same operation on a given id in place of {@code {name}}. */
        Operation on(String name, long id) {
            return new Operation(method, path.replace("{" + name + "}", String.valueOf(id)), this.id, roles, spec);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationGuardsItsData() throws IOException {
        List<Operation> operations = operations();
        assertFalse(operations.isEmpty());
        evidenceOfFamilyA();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations) {
            op.signatureHeader().ifPresent(header -> {
                tests.add(DynamicTest.dynamicTest(op.id() + ": unsigned → 403",
                        () -> expect(403, signed(op, null))));
                tests.add(DynamicTest.dynamicTest(op.id() + ": forged " + header + " → 403",
                        () -> expect(403, signed(op, "bm90LWEtc2lnbmF0dXJl"))));
            });
            if (op.anonymous()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(op.id() + ": no token → 401",
                    () -> expect(401, reportRequest(op, p -> childOfA.id(), school1.id(), reportOfA, null))));
            if (!op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": parent → 403",
                        () -> expect(403, reportRequest(op, p -> childOfA.id(), school1.id(), reportOfA, parentA))));
            }
            if (op.pupilScoped() && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": parent A asks for parent B's child → 404",
                        () -> expect(404, reportRequest(op, p -> childOfB.id(), school1.id(), reportOfB, parentA))));
            }
            if ((op.pupilScoped() || op.reportScoped() || op.leaveScoped() || op.evidenceScoped() || op.letterScoped() || op.supportRecordScoped())
                    && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": child A's emergency contact (no parental responsibility) → 404",
                        () -> expect(404, request(op, p -> childOfA.id(), school1.id(), emergencyContactOfA))));
            }
            Optional<String> staffRole = STAFF_ROLES.stream().filter(op.roles()::contains).findFirst();
            if (op.letterScoped() && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": parent A asks for parent B's letter → 404",
                        () -> expect(404, request(op.onLetter(letterOfB), p -> childOfA.id(), school1.id(), parentA))));
            }
            if (op.letterScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 asks for a school-2 letter → 404",
                        () -> expect(404, request(op.onLetter(school2Letter), p -> childOfA.id(), school1.id(),
                                school1Staff.get(staffRole.get())))));
            }
            if (op.queryPupilScoped() && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": parent A filters by parent B's child → 404",
                        () -> expect(404, reportRequest(op, p -> childOfB.id(), school1.id(), reportOfA, parentA))));
            }
            if (op.queryPupilScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 filters school 1 by a school-2 pupil → 404",
                        () -> expect(404, reportRequest(op, p -> school2Pupil.id(), school1.id(), reportOfA, school1Staff.get(staffRole.get())))));
            }
            if (op.evidenceScoped() && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": a parent of another family asks for family A's evidence file → 404",
                        () -> expect(404, request(op, p -> childOfA.id(), school1.id(), otherFamilyParent))));
            }
            if (op.evidenceScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": staff of school 2 ask for a school-1 family's evidence file → 404",
                        () -> expect(404, request(op, p -> childOfA.id(), school1.id(), school2Staff))));
            }
            if (op.pupilScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 asks for a school-2 pupil → 404",
                        () -> expect(404, reportRequest(op, p -> school2Pupil.id(), school2.id(), school2Report, school1Staff.get(staffRole.get())))));
            }
            if (op.reportScoped() && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": parent A asks for parent B's absence report → 404",
                        () -> expect(404, reportRequest(op, p -> childOfB.id(), school1.id(), reportOfB, parentA))));
            }
            if (op.reportScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 asks for a school-2 absence report → 404",
                        () -> expect(404, reportRequest(op, p -> school2Pupil.id(), school2.id(), school2Report, school1Staff.get(staffRole.get())))));
            }
            if (op.schoolScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 asks for school 2 → 404",
                        () -> expect(404, reportRequest(op, p -> school2Pupil.id(), school2.id(), school2Report, school1Staff.get(staffRole.get())))));
            }
            if (op.leaveScoped() && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": parent A asks for parent B's leave request → 404",
                        () -> expect(404, leaveRequestFor(op, p -> childOfA.id(), school1.id(), leaveOfB, parentA))));
            }
            if (op.leaveScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 asks for a school-2 leave request → 404",
                        () -> expect(404, leaveRequestFor(op, p -> school2Pupil.id(), school2.id(), leaveOfSchool2,
                                school1Staff.get(staffRole.get())))));
            }
            if (op.callTaskScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 2 asks for a school-1 call task → 404",
                        () -> expect(404, request(op, p -> childOfA.id(), school1.id(), school2StaffByRole.get(staffRole.get())))));
            }
            if (op.textReviewScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 2 asks for a school-1 text to review"
                        + " under school 2 → 404",
                        () -> expect(404, request(op, p -> school2Pupil.id(), school2.id(), school2StaffByRole.get(staffRole.get())))));
            }
            if (op.supportRecordScoped() && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": parent A asks for parent B's support record → 404",
                        () -> expect(404, request(op.on("supportRecordId", supportOfB), p -> childOfA.id(), school1.id(), parentA))));
            }
            if (op.supportRecordScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 2 asks for a school-1 support record → 404",
                        () -> expect(404, request(op, p -> school2Pupil.id(), school2.id(), school2StaffByRole.get(staffRole.get())))));
            }
            if (op.penaltyCaseScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 2 asks for a school-1 penalty case → 404",
                        () -> expect(404, request(op, p -> school2Pupil.id(), school2.id(), school2StaffByRole.get(staffRole.get())))));
            }
            if (op.returnScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 2 asks for a school-1 LA return → 404",
                        () -> expect(404, request(op, p -> school2Pupil.id(), school2.id(), school2StaffByRole.get(staffRole.get())))));
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 asks for a school-2 LA return → 404",
                        () -> expect(404, request(op.on("returnId", school2Return), p -> childOfA.id(), school1.id(),
                                school1Staff.get(staffRole.get())))));
            }
            if (op.laScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 asks for school 2's local authority → 404",
                        () -> expect(404, request(op.on("laCode", 384), p -> childOfA.id(), school1.id(), school1Staff.get(staffRole.get())))));
            }
            if (op.staffScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 1 names a school-2 staff member → 404",
                        () -> expect(404, request(op.on("staffId", school2Member), p -> childOfA.id(), school1.id(),
                                school1Staff.get(staffRole.get())))));
            }
            if (op.partTimeScoped() && op.roles().contains(Roles.PARENT)) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": parent A asks for parent B's part-time timetable → 404",
                        () -> expect(404, request(op.on("timetableId", partTimeOfB), p -> childOfA.id(), school1.id(), parentA))));
                tests.add(DynamicTest.dynamicTest(op.id() + ": child A's emergency contact asks for A's part-time timetable → 404",
                        () -> expect(404, request(op, p -> childOfA.id(), school1.id(), emergencyContactOfA))));
            }
            if (op.partTimeScoped() && staffRole.isPresent()) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + staffRole.get() + " of school 2 asks for a school-1 part-time timetable → 404",
                        () -> expect(404, request(op, p -> school2Pupil.id(), school2.id(), school2StaffByRole.get(staffRole.get())))));
            }
            for (String role : STAFF_ROLES) {
                if (!op.roles().contains(role)) {
                    tests.add(DynamicTest.dynamicTest(op.id() + ": " + role + " → 403",
                            () -> expect(403, reportRequest(op, p -> childOfA.id(), school1.id(), reportOfA, school1Staff.get(role)))));
                }
            }
        }
        return tests.stream();
    }

    private void expect(int status, MutableHttpRequest<?> request) {
        try {
            var response = http.toBlocking().exchange(request, String.class);
            assertEquals(status, response.code(), request.getMethod() + " " + request.getUri() + " answered " + response.code());
        } catch (HttpClientResponseException e) {
            assertEquals(status, e.getStatus().getCode(), request.getMethod() + " " + request.getUri() + ": "
                    + e.getResponse().getBody(String.class).orElse(""));
            assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""),
                    request.getMethod() + " " + request.getUri());
        }
    }

    private long leaveRequest(PupilRecord child, String parent) {
        Map<String, Object> created = http.toBlocking().retrieve(HttpRequest.POST("/leave-requests", Map.of("pupilId", child.id(),
                "type", "EXCEPTIONAL_CIRCUMSTANCES", "firstDay", "2025-12-01", "lastDay", "2025-12-02", "reason", "A family funeral"))
                .bearerAuth(parent), Argument.mapOf(String.class, Object.class));
        return ((Number) created.get("id")).longValue();
    }

    private MutableHttpRequest<?> request(Operation op, Function<Void, Long> pupil, long schoolId, String token) {
        return request(op, pupil, schoolId, reportOfA, leaveOfA, token);
    }

    private MutableHttpRequest<?> reportRequest(Operation op, Function<Void, Long> pupil, long schoolId, long reportId, String token) {
        return request(op, pupil, schoolId, reportId, leaveOfA, token);
    }

    private MutableHttpRequest<?> leaveRequestFor(Operation op, Function<Void, Long> pupil, long schoolId, long leaveRequestId,
                                                  String token) {
        return request(op, pupil, schoolId, reportOfA, leaveRequestId, token);
    }

    @SuppressWarnings("unchecked")
    private MutableHttpRequest<?> request(Operation op, Function<Void, Long> pupil, long schoolId, long reportId,
                                          long leaveRequestId, String token) {
        String uri = op.path()
                .replace("{pupilId}", String.valueOf(pupil.apply(null)))
                .replace("{schoolId}", String.valueOf(schoolId))
                .replace("{date}", "2025-11-03")
                .replace("{session}", "AM")
                .replace("{academicYear}", "2025-26")
                .replace("{deviceId}", "1")
                .replace("{leaveRequestId}", String.valueOf(leaveRequestId))
                .replace("{callTaskId}", String.valueOf(school1CallTask))
                .replace("{textReviewId}", String.valueOf(school1TextReview))
                .replace("{reportId}", String.valueOf(reportId))
                .replace("{contactId}", String.valueOf(contactOfA))
                .replace("{letterId}", String.valueOf(letterOfA))
                .replace("{supportRecordId}", String.valueOf(supportOfA))
                .replace("{penaltyCaseId}", String.valueOf(penaltyCaseOfA))
                .replace("{returnId}", String.valueOf(school1Return))
                .replace("{laCode}", "383")
                .replace("{staffId}", String.valueOf(school1Member))
                .replace("{timetableId}", String.valueOf(partTimeOfA))
                // issue 13, dashboards: a CSV table both the school and the trust dashboard export
                .replace("{table}", "groups");
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) op.spec().getOrDefault("parameters", List.of());
        List<String> query = new ArrayList<>();
        for (Map<String, Object> parameter : parameters) {
            if ("query".equals(parameter.get("in")) && "pupilId".equals(parameter.get("name"))) {
                query.add("pupilId=" + pupil.apply(null));
            } else if ("query".equals(parameter.get("in")) && Boolean.TRUE.equals(parameter.get("required"))) {
                query.add(parameter.get("name") + "=" + parameter.get("example"));
            }
        }
        if (!query.isEmpty()) {
            uri += "?" + String.join("&", query);
        }
        uri = uri.replace("{evidenceId}", String.valueOf(evidenceOfA));
        Object body = Optional.ofNullable((Map<String, Object>) op.spec().get("requestBody"))
                .map(b -> (Map<String, Object>) b.get("content"))
                .map(c -> (Map<String, Object>) c.get("application/json"))
                .map(j -> j.get("example"))
                .orElse(null);
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.parse(op.method().toUpperCase()), uri);
        if (body != null) {
            request.body(body);
        } else if (op.multipart()) {
            request.body(pngUpload()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        }
        if (token != null) {
            request.bearerAuth(token);
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    static List<Operation> operations() throws IOException {
        Map<String, Object> spec;
        try (InputStream in = Files.newInputStream(specPath())) {
            spec = new Yaml().load(in);
        }
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            Map<String, Object> operation = new java.util.HashMap<>((Map<String, Object>) value);
            List<Object> parameters = new ArrayList<>((List<Object>) item.getOrDefault("parameters", List.of()));
            parameters.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
            operation.put("parameters", parameters.stream().map(p -> resolve(spec, p)).toList());
            operations.add(new Operation(method, path, String.valueOf(operation.get("operationId")),
                    (List<String>) operation.getOrDefault("x-allowed-roles", List.of()), operation));
        }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> spec, Object parameter) {
        Map<String, Object> p = (Map<String, Object>) parameter;
        Object ref = p.get("$ref");
        if (ref == null) {
            return p;
        }
        Map<String, Object> node = spec;
        for (String part : String.valueOf(ref).substring(2).split("/")) {
            node = (Map<String, Object>) node.get(part);
        }
        return node;
    }

    /** The operation's form example, with {@code signature} in its signature header (or none). */
    @SuppressWarnings("unchecked")
    private MutableHttpRequest<?> signed(Operation op, String signature) {
        Map<String, Object> example = Optional.ofNullable((Map<String, Object>) op.spec().get("requestBody"))
                .map(b -> (Map<String, Object>) b.get("content"))
                .map(c -> (Map<String, Object>) c.get("application/x-www-form-urlencoded"))
                .map(f -> (Map<String, Object>) f.get("example"))
                .orElse(Map.of());
        String form = example.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(String.valueOf(e.getValue()), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        MutableHttpRequest<String> request = HttpRequest.<String>create(HttpMethod.parse(op.method().toUpperCase()), op.path())
                .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .body(form);
        if (signature != null) {
            request.header(op.signatureHeader().orElseThrow(), signature);
        }
        return request;
    }

    static Path specPath() {
        Path here = Path.of("openapi.yaml");
        return Files.exists(here) ? here : Path.of("..", "openapi.yaml");
    }

    /** Parent A uploads a file and attaches it to their child's record at school 1. */
    private void evidenceOfFamilyA() {
        TrustRecord trust = schools.trust(school1.trustId()).orElseThrow();
        otherFamilyParent = fixtures.token(fixtures.parentOf(trust, childOfB));
        school2Staff = fixtures.token(fixtures.staff(trust, Optional.of(school2), Roles.ATTENDANCE_OFFICER));
        Map<String, Object> file = http.toBlocking().retrieve(HttpRequest.POST("/evidence", pngUpload())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(parentA), Json.OBJECT);
        evidenceOfA = ((Number) file.get("id")).longValue();
        http.toBlocking().exchange(HttpRequest.POST("/pupils/" + childOfA.id() + "/evidence",
                Map.of("evidenceIds", List.of(evidenceOfA))).bearerAuth(parentA), String.class);
    }

    /** Multipart bodies have no JSON example: upload operations get a 1×1 PNG as their {@code file} part. */
    private static MultipartBody pngUpload() {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        return MultipartBody.builder().addPart("file", "sweep.png", MediaType.IMAGE_PNG_TYPE, png).build();
    }
}
