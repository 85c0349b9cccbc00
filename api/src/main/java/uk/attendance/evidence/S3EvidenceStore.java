package uk.attendance.evidence;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.util.Optional;

/**
 * Evidence in an S3-compatible bucket ({@code attendance.evidence.store=s3}), one object per key. Built at start-up
 * ({@code @Context}), so a missing bucket setting stops the app at once rather than failing the first upload.
 */
@Context
@Requires(property = "attendance.evidence.store", value = "s3")
class S3EvidenceStore implements EvidenceStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3EvidenceStore.class);
    private final S3Client s3;
    private final String bucket;

    S3EvidenceStore(@Named("evidence") S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.bucket = settings.bucket();
        LOG.info("Evidence files are kept in the S3 bucket {}{}", bucket,
                S3Settings.blank(settings.endpoint()) ? "" : " at " + settings.endpoint());
    }

    @Override
    public void put(String key, byte[] content, String mediaType) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(mediaType)
                .contentLength((long) content.length).build(), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<InputStream> get(String key) {
        try {
            return Optional.of(s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
    }
}
