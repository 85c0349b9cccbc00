package uk.attendance.evidence;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.auth.MutableClock;
import uk.attendance.auth.SignInFixture;
import uk.attendance.contract.model.Problem;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-uploader limits (3 uploads in 10 minutes, 100 000 bytes in 24 hours here) answer 429 with Retry-After and store
 * nothing; files never attached to a pupil's record are purged, row and bytes, a day after upload.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.evidence.uploads-per-window", value = "3")
@Property(name = "attendance.evidence.upload-window", value = "10m")
@Property(name = "attendance.evidence.daily-quota", value = "100000")
class EvidenceLimitsTest {
    private static final MutableClock CLOCK = new MutableClock();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    EvidenceStore store;
    @Inject
    EvidencePurge purge;

    TrustRecord trust;
    SchoolRecord school;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @BeforeAll
    void setUp() {
        trust = fixtures.trust();
        school = fixtures.school(trust);
    }

    @Test
    void aFourthUploadInTenMinutesIs429UntilTheFirstLeavesTheWindow() {
        String parent = newParent();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, upload(parent, Samples.png()).code());
            CLOCK.advance(Duration.ofMinutes(1));
        }
        long stored = count();

        var refused = assertThrows(HttpClientResponseException.class, () -> upload(parent, Samples.png()));

        assertEquals(429, refused.getStatus().getCode());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertEquals("https://attendance.example.org/problems/rate-limited", problem.getType());
        assertTrue(problem.getDetail().contains("3 files in the last 10 minutes"), problem.getDetail());
        // the first upload was 3 minutes ago: it leaves the 10-minute window in 7
        assertEquals("420", refused.getResponse().header("Retry-After"));
        assertEquals(stored, count(), "nothing stored");

        CLOCK.advance(Duration.ofMinutes(7));
        assertEquals(201, upload(parent, Samples.png()).code());
    }

    @Test
    void uploadsOverTheDailyQuotaAre429UntilEnoughOfTheDayHasPassed() {
        String parent = newParent();
        assertEquals(201, upload(parent, Samples.jpegOfSize(60_000)).code());
        CLOCK.advance(Duration.ofHours(1));
        assertEquals(201, upload(parent, Samples.jpegOfSize(30_000)).code());
        CLOCK.advance(Duration.ofHours(1));

        var refused = assertThrows(HttpClientResponseException.class, () -> upload(parent, Samples.jpegOfSize(20_000)));

        assertEquals(429, refused.getStatus().getCode());
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertEquals("https://attendance.example.org/problems/upload-quota", problem.getType());
        assertTrue(problem.getDetail().contains("110000 bytes") && problem.getDetail().contains("100000 bytes"), problem.getDetail());
        // the 60 000-byte upload two hours ago must leave the 24 hours for 20 000 more to fit
        assertEquals(String.valueOf(Duration.ofHours(22).toSeconds()), refused.getResponse().header("Retry-After"));
        // a smaller file still fits
        assertEquals(201, upload(parent, Samples.jpegOfSize(10_000)).code());

        CLOCK.advance(Duration.ofHours(22));
        assertEquals(201, upload(parent, Samples.jpegOfSize(20_000)).code());
    }

    @Test
    void filesNeverAttachedArePurgedADayAfterUploadRowAndBytes() throws IOException {
        PupilRecord child = fixtures.pupil(school, "4B");
        ContactRecord mother = fixtures.parentOf(trust, child);
        String token = fixtures.token(mother);
        long abandoned = id(upload(token, Samples.pdf()));
        long attached = id(upload(token, Samples.png()));
        http.toBlocking().retrieve(HttpRequest.POST("/pupils/" + child.id() + "/evidence", Map.of("evidenceIds", List.of(attached)))
                .bearerAuth(token), Json.LIST);
        // the uploader's own download is logged: it must not keep the file
        http.toBlocking().exchange(HttpRequest.GET("/evidence/" + abandoned).bearerAuth(token), byte[].class);
        CLOCK.advance(Duration.ofHours(12));
        long recent = id(upload(token, Samples.jpeg()));
        String abandonedKey = key(abandoned);

        CLOCK.advance(Duration.ofHours(12).plusSeconds(1));
        purge.run();

        assertEquals(List.of(), db.rows("SELECT id FROM evidence_file WHERE id = ?", abandoned));
        assertEquals(Optional.empty(), store.get(abandonedKey), "the stored bytes are gone too");
        for (long kept : List.of(attached, recent)) {
            try (InputStream content = store.get(key(kept)).orElseThrow()) {
                assertTrue(content.readAllBytes().length > 0);
            }
        }
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/evidence/" + attached).bearerAuth(token), byte[].class).code());
        assertEquals(0, purge.purge(), "a second run finds nothing more");
    }

    private String newParent() {
        return fixtures.token(fixtures.parentOf(trust, fixtures.pupil(school, "4B")));
    }

    private HttpResponse<String> upload(String token, byte[] content) {
        return http.toBlocking().exchange(HttpRequest.POST("/evidence",
                        MultipartBody.builder().addPart("file", "evidence", MediaType.APPLICATION_OCTET_STREAM_TYPE, content).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), String.class);
    }

    private long id(HttpResponse<String> created) {
        assertEquals(201, created.code(), created.body());
        try {
            return ((Number) io.micronaut.json.JsonMapper.createDefault().readValue(created.body(), Json.OBJECT).get("id")).longValue();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String key(long evidenceId) {
        return (String) db.rows("SELECT storage_key FROM evidence_file WHERE id = ?", evidenceId).get(0).get("storage_key");
    }

    private long count() {
        return ((Number) db.rows("SELECT COUNT(*) AS n FROM evidence_file").get(0).get("n")).longValue();
    }
}
