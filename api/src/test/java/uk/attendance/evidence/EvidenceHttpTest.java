package uk.attendance.evidence;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;
import uk.attendance.support.Problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence files through HTTP against the real database and the local folder store: the type is read from the
 * content; size, emptiness and type are refused as problem+json naming {@code file}; a file is readable by its
 * uploader and, once attached to a pupil, by the pupil's family and school staff only; every download is logged.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceHttpTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;

    TrustRecord trust;
    PupilRecord child;
    PupilRecord otherChild;
    ContactRecord mother;
    String motherToken;
    ContactRecord father;
    String fatherToken;
    String otherParentToken;
    StaffRecord officer;
    String officerToken;
    String otherSchoolStaffToken;
    StaffRecord trustAdmin;
    String trustAdminToken;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        SchoolRecord otherSchool = fixtures.school(trust);
        child = fixtures.pupil(school, "3C");
        otherChild = fixtures.pupil(school, "3C");
        mother = fixtures.parentOf(trust, child);
        motherToken = fixtures.token(mother);
        father = fixtures.parentOf(trust, child);
        fatherToken = fixtures.token(father);
        otherParentToken = fixtures.token(fixtures.parentOf(trust, otherChild));
        officer = fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER);
        officerToken = fixtures.token(officer);
        otherSchoolStaffToken = fixtures.token(fixtures.staff(trust, Optional.of(otherSchool), Roles.ATTENDANCE_OFFICER));
        trustAdmin = fixtures.staff(trust, Optional.empty(), Roles.TRUST_ADMIN);
        trustAdminToken = fixtures.token(trustAdmin);
        log.start();
        ((Logger) LoggerFactory.getLogger(EvidenceService.class)).addAppender(log);
    }

    @AfterAll
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(EvidenceService.class)).detachAppender(log);
    }

    @Test
    void aJpegPngAndPdfAreAcceptedWithTheTypeReadFromTheirContent() {
        byte[] jpeg = Samples.jpeg();
        // Declared types and names are deliberately wrong or vague: only the content counts.
        Map<String, Object> photo = created(upload(motherToken, "IMG_0042.JPG", MediaType.APPLICATION_OCTET_STREAM_TYPE, jpeg));
        Map<String, Object> screenshot = created(upload(motherToken, "screenshot", MediaType.IMAGE_JPEG_TYPE, Samples.png()));
        Map<String, Object> fitNote = created(upload(officerToken, "fit note.pdf", MediaType.TEXT_PLAIN_TYPE, Samples.pdf()));

        assertEquals("image/jpeg", photo.get("mediaType"));
        assertEquals("IMG_0042.jpg", photo.get("fileName"));
        assertEquals(jpeg.length, ((Number) photo.get("sizeBytes")).intValue());
        assertEquals(EvidenceService.sha256(jpeg), photo.get("sha256"));
        assertEquals(who("PARENT", mother.id()), photo.get("uploadedBy"));
        assertEquals("image/png", screenshot.get("mediaType"));
        assertEquals("screenshot.png", screenshot.get("fileName"));
        assertEquals("application/pdf", fitNote.get("mediaType"));
        assertEquals("fit note.pdf", fitNote.get("fileName"));
        assertEquals(who("STAFF", officer.id()), fitNote.get("uploadedBy"));
        List<Map<String, Object>> rows = db.rows("SELECT media_type, size_bytes, sha256, uploader_kind FROM evidence_file WHERE id = ?", id(photo));
        assertEquals("image/jpeg", rows.get(0).get("media_type"));
        assertEquals("PARENT", rows.get(0).get("uploader_kind"));
        assertEquals(EvidenceService.sha256(jpeg), rows.get(0).get("sha256"));
    }

    @Test
    void heicAndWebpPhotosAreAcceptedAndAvifIsNot() {
        assertEquals("image/heic", created(upload(motherToken, "IMG_1234.HEIC", MediaType.APPLICATION_OCTET_STREAM_TYPE, Samples.heic())).get("mediaType"));
        assertEquals("image/webp", created(upload(motherToken, "photo.webp", MediaType.APPLICATION_OCTET_STREAM_TYPE, Samples.webp())).get("mediaType"));
        var avif = assertThrows(HttpClientResponseException.class,
                () -> upload(motherToken, "photo.heif", MediaType.of("image/heif"), Samples.avif()));
        Problems.assertProblem(avif, 415, "file", "is not a JPEG, PNG, HEIC, WebP image or a PDF");
    }

    @Test
    void aTwelveMegabyteFileIs413NamingTheFile() {
        var e = assertThrows(HttpClientResponseException.class,
                () -> upload(motherToken, "scan.jpg", MediaType.IMAGE_JPEG_TYPE, Samples.jpegOfSize(12 * 1024 * 1024)));

        Problems.assertProblem(e, 413, "file", "larger than 10 MB");
    }

    @Test
    void aBodyOverTheServersLimitIs413Too() {
        var e = assertThrows(HttpClientResponseException.class,
                () -> upload(motherToken, "scan.jpg", MediaType.IMAGE_JPEG_TYPE, Samples.jpegOfSize(17 * 1024 * 1024)));

        Problems.assertProblem(e, 413, "file", "larger than 10 MB");
    }

    @Test
    void exactlyTenMegabytesIsAccepted() {
        Map<String, Object> file = created(upload(motherToken, "scan.jpg", MediaType.IMAGE_JPEG_TYPE, Samples.jpegOfSize(10 * 1024 * 1024)));

        assertEquals(10 * 1024 * 1024, ((Number) file.get("sizeBytes")).intValue());
    }

    @Test
    void aRenamedExecutableIs415NamingTheFileAndNothingIsStored() {
        long before = count();

        var exe = assertThrows(HttpClientResponseException.class,
                () -> upload(motherToken, "note.pdf", MediaType.APPLICATION_PDF_TYPE, Samples.windowsExecutable()));
        var elf = assertThrows(HttpClientResponseException.class,
                () -> upload(motherToken, "photo.jpg", MediaType.IMAGE_JPEG_TYPE, Samples.linuxExecutable()));

        Problems.assertProblem(exe, 415, "file", "is not a JPEG, PNG, HEIC, WebP image or a PDF");
        Problems.assertProblem(elf, 415, "file", "is not a JPEG, PNG, HEIC, WebP image or a PDF");
        assertEquals(before, count());
    }

    @Test
    void anEmptyFileOrNoFileIs400NamingTheFile() {
        var empty = assertThrows(HttpClientResponseException.class,
                () -> upload(motherToken, "empty.pdf", MediaType.APPLICATION_PDF_TYPE, new byte[0]));
        var none = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/evidence", MultipartBody.builder().addPart("note", "hello").build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(motherToken), String.class));

        Problems.assertProblem(empty, 400, "file", "is empty");
        Problems.assertProblem(none, 400, "file", "");
    }

    @Test
    void aRawBodyInsteadOfAMultipartFormIs415() {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/evidence", Samples.pdf()).contentType(MediaType.APPLICATION_PDF_TYPE).bearerAuth(motherToken), String.class));

        assertEquals(415, e.getStatus().getCode());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
    }

    @Test
    void theUploaderAndThenThePupilsFamilyAndSchoolStaffCanDownloadEachDownloadLogged() {
        byte[] pdf = Samples.pdf();
        long id = id(created(upload(motherToken, "Hospital letter 12.11.pdf", MediaType.APPLICATION_PDF_TYPE, pdf)));

        HttpResponse<byte[]> own = download(motherToken, id);
        assertArrayEquals(pdf, own.body());
        assertEquals("application/pdf", own.getContentType().map(MediaType::toString).orElse(""));
        assertEquals("attachment; filename=\"Hospital letter 12.11.pdf\"", own.header(HttpHeaders.CONTENT_DISPOSITION));
        assertEquals("nosniff", own.header("X-Content-Type-Options"));
        // Not attached yet: private to the uploader, even for the child's other parent and the school's staff.
        assertNotFound(() -> download(fatherToken, id));
        assertNotFound(() -> download(officerToken, id));

        attach(motherToken, child.id(), id);

        assertArrayEquals(pdf, download(fatherToken, id).body());
        assertArrayEquals(pdf, download(officerToken, id).body());
        assertArrayEquals(pdf, download(trustAdminToken, id).body());
        List<Map<String, Object>> downloads = http.toBlocking().retrieve(
                HttpRequest.GET("/evidence/" + id + "/downloads").bearerAuth(officerToken), Json.LIST);
        assertEquals(List.of(who("STAFF", trustAdmin.id()), who("STAFF", officer.id()), who("PARENT", father.id()),
                who("PARENT", mother.id())), downloads.stream().map(d -> d.get("by")).toList(), "newest first");
        assertEquals(4, db.rows("SELECT id FROM evidence_download WHERE evidence_id = ?", id).size());
        assertEquals(List.of("Evidence " + id + " downloaded by PARENT:" + mother.id(), "Evidence " + id + " downloaded by PARENT:" + father.id(),
                        "Evidence " + id + " downloaded by STAFF:" + officer.id(), "Evidence " + id + " downloaded by STAFF:" + trustAdmin.id()),
                log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("Evidence " + id + " downloaded")).toList());
        assertTrue(log.list.stream().map(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("Hospital")),
                "log lines carry ids only, never file names");
    }

    @Test
    void aParentOfAnotherFamilyAndStaffOfAnotherSchoolGet404() {
        long id = id(created(upload(motherToken, "note.jpg", MediaType.IMAGE_JPEG_TYPE, Samples.jpeg())));
        attach(motherToken, child.id(), id);

        for (String outsider : List.of(otherParentToken, otherSchoolStaffToken)) {
            assertNotFound(() -> download(outsider, id));
            assertNotFound(() -> http.toBlocking().exchange(HttpRequest.GET("/evidence/" + id + "/metadata").bearerAuth(outsider), String.class));
            assertNotFound(() -> http.toBlocking().exchange(HttpRequest.GET("/pupils/" + child.id() + "/evidence").bearerAuth(outsider), String.class));
        }
        assertNotFound(() -> http.toBlocking().exchange(HttpRequest.GET("/evidence/" + id + "/downloads").bearerAuth(otherSchoolStaffToken), String.class));
        assertNotFound(() -> download(officerToken, 999_999_999L));
        assertEquals(0, db.rows("SELECT id FROM evidence_download WHERE evidence_id = ?", id).size(), "refused downloads are not downloads");
        var parentAsksForLog = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/evidence/" + id + "/downloads").bearerAuth(motherToken), String.class));
        assertEquals(403, parentAsksForLog.getStatus().getCode());
    }

    @Test
    void onlyTheUploaderCanAttachAFileAndOnlyToAChildTheyCanSee() {
        long mine = id(created(upload(motherToken, "a.png", MediaType.IMAGE_PNG_TYPE, Samples.png())));
        long officers = id(created(upload(officerToken, "b.png", MediaType.IMAGE_PNG_TYPE, Samples.png())));

        var notMine = assertThrows(HttpClientResponseException.class, () -> attach(motherToken, child.id(), mine, officers));
        var otherChildsRecord = assertThrows(HttpClientResponseException.class, () -> attach(motherToken, otherChild.id(), mine));

        Problems.assertProblem(notMine, 400, "evidenceIds[1]", "is not a file you uploaded");
        assertEquals(404, otherChildsRecord.getStatus().getCode());
        assertEquals(0, db.rows("SELECT id FROM evidence_attachment WHERE evidence_id IN (?, ?)", mine, officers).size());

        List<Map<String, Object>> listed = attach(motherToken, child.id(), mine);
        attach(motherToken, child.id(), mine);

        assertTrue(listed.stream().anyMatch(f -> ((Number) f.get("id")).longValue() == mine));
        assertEquals(1, db.rows("SELECT id FROM evidence_attachment WHERE evidence_id = ?", mine).size(), "attaching again changes nothing");
        List<Map<String, Object>> staffView = http.toBlocking().retrieve(
                HttpRequest.GET("/pupils/" + child.id() + "/evidence").bearerAuth(officerToken), Json.LIST);
        assertTrue(staffView.stream().anyMatch(f -> ((Number) f.get("id")).longValue() == mine));
        assertEquals("a.png", http.toBlocking().retrieve(HttpRequest.GET("/evidence/" + mine + "/metadata").bearerAuth(fatherToken), Json.OBJECT).get("fileName"));
    }

    @Test
    void fileNamesLoseTheirFoldersAndOddCharactersAndKeepUnicodeInTheDownload() {
        long traversal = id(created(upload(motherToken, "../../etc/pa|ss*wd?.png", MediaType.IMAGE_PNG_TYPE, Samples.png())));
        long welsh = id(created(upload(motherToken, "Llythyr gan y meddyg – Siân.pdf", MediaType.APPLICATION_PDF_TYPE, Samples.pdf())));

        assertEquals("pa_ss_wd_.png", metadata(motherToken, traversal).get("fileName"));
        assertEquals("Llythyr gan y meddyg _ Siân.pdf", metadata(motherToken, welsh).get("fileName"));
        assertEquals("attachment; filename=\"Llythyr gan y meddyg _ Si_n.pdf\"; filename*=UTF-8''Llythyr%20gan%20y%20meddyg%20_%20Si%C3%A2n.pdf",
                download(motherToken, welsh).header(HttpHeaders.CONTENT_DISPOSITION));
    }

    private static Map<String, Object> who(String kind, long id) {
        return Map.of("kind", kind, "id", (int) id);
    }

    private HttpResponse<String> upload(String token, String name, MediaType declared, byte[] content) {
        return http.toBlocking().exchange(HttpRequest.POST("/evidence",
                        MultipartBody.builder().addPart("file", name, declared, content).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), String.class);
    }

    private Map<String, Object> created(HttpResponse<String> response) {
        assertEquals(201, response.code(), response.body());
        try {
            return io.micronaut.json.JsonMapper.createDefault().readValue(response.body(), Json.OBJECT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long id(Map<String, Object> file) {
        return ((Number) file.get("id")).longValue();
    }

    private HttpResponse<byte[]> download(String token, long id) {
        return http.toBlocking().exchange(HttpRequest.GET("/evidence/" + id).bearerAuth(token), byte[].class);
    }

    private Map<String, Object> metadata(String token, long id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/evidence/" + id + "/metadata").bearerAuth(token), Json.OBJECT);
    }

    private List<Map<String, Object>> attach(String token, long pupilId, Long... ids) {
        return http.toBlocking().retrieve(HttpRequest.POST("/pupils/" + pupilId + "/evidence", Map.of("evidenceIds", List.of(ids)))
                .bearerAuth(token), Json.LIST);
    }

    private long count() {
        return ((Number) db.rows("SELECT COUNT(*) AS n FROM evidence_file").get(0).get("n")).longValue();
    }

    private static void assertNotFound(org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(HttpClientResponseException.class, call);
        assertEquals(404, e.getStatus().getCode(), e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        assertFalse(e.getResponse().getBody(String.class).orElse("").contains("Hospital"));
    }
}
