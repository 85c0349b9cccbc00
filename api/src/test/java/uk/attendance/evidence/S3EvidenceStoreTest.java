package uk.attendance.evidence;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.auth.SignInFixture;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code attendance.evidence.store=s3}: the real AWS SDK v2 against {@link FakeS3}, an S3-compatible server on
 * 127.0.0.1 addressed path-style, as a MinIO would be. Through the store (put, get, a missing key, delete) and
 * through HTTP (an upload lands in the bucket, a download reads it back).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3EvidenceStoreTest implements TestPropertyProvider {
    private static final String BUCKET = "evidence-test";
    private final FakeS3 s3 = FakeS3.start();

    @Inject
    EvidenceStore store;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "attendance.evidence.store", "s3",
                "attendance.evidence.s3.endpoint", s3.baseUrl(),
                "attendance.evidence.s3.bucket", BUCKET,
                "attendance.evidence.s3.region", "eu-west-2",
                "attendance.evidence.s3.access-key-id", "AKIAFAKEEVIDENCE",
                "attendance.evidence.s3.secret-access-key", "fake-secret-access-key");
    }

    @AfterAll
    void stop() {
        s3.close();
    }

    @Test
    void putGetAndAMissingKeyGoThroughTheSdk() throws IOException {
        assertInstanceOf(S3EvidenceStore.class, store);
        String key = UUID.randomUUID().toString();
        byte[] png = Samples.png();

        store.put(key, png, "image/png");

        FakeS3.Received put = s3.requests().stream().filter(r -> r.method().equals("PUT") && r.path().endsWith(key)).findFirst().orElseThrow();
        assertEquals("/" + BUCKET + "/" + key, put.path(), "path-style addressing");
        assertEquals("image/png", put.header("Content-Type"));
        assertTrue(put.header("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIAFAKEEVIDENCE/"), put.header("Authorization"));
        assertArrayEquals(png, s3.object(BUCKET, key).orElseThrow());
        try (InputStream in = store.get(key).orElseThrow()) {
            assertArrayEquals(png, in.readAllBytes());
        }
        assertTrue(store.get("no-such-" + key).isEmpty(), "a missing key is empty, not an error");

        store.delete(key);

        assertTrue(s3.object(BUCKET, key).isEmpty());
        assertTrue(store.get(key).isEmpty());
    }

    @Test
    void anUploadLandsInTheBucketAndADownloadReadsItBack() {
        TrustRecord trust = fixtures.trust();
        PupilRecord child = fixtures.pupil(fixtures.school(trust), "5R");
        ContactRecord parent = fixtures.parentOf(trust, child);
        String token = fixtures.token(parent);
        byte[] pdf = Samples.pdf();

        Map<String, Object> file = http.toBlocking().retrieve(HttpRequest.POST("/evidence",
                        MultipartBody.builder().addPart("file", "dentist.pdf", MediaType.APPLICATION_PDF_TYPE, pdf).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Json.OBJECT);
        long id = ((Number) file.get("id")).longValue();
        String key = String.valueOf(db.rows("SELECT storage_key FROM evidence_file WHERE id = ?", id).get(0).get("storage_key"));

        assertArrayEquals(pdf, s3.object(BUCKET, key).orElseThrow());
        HttpResponse<byte[]> download = http.toBlocking().exchange(HttpRequest.GET("/evidence/" + id).bearerAuth(token), byte[].class);
        assertArrayEquals(pdf, download.body());
        assertEquals("application/pdf", download.getContentType().map(MediaType::toString).orElse(""));
        assertEquals(List.of("GET"), s3.requests().stream().filter(r -> r.path().endsWith(key)).map(FakeS3.Received::method)
                .filter("GET"::equals).toList());
        assertEquals(1, db.rows("SELECT id FROM evidence_download WHERE evidence_id = ?", id).size());
    }
}
