package uk.attendance.evidence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code attendance.evidence.s3.*}, used when {@code attendance.evidence.store=s3}. {@code endpoint} names an
 * S3-compatible server (MinIO, Ceph, a cloud's S3 API); unset means AWS itself. {@code pathStyle} puts the bucket in
 * the path ({@code endpoint/bucket/key}) rather than the host name, as most S3-compatible servers need; by default it
 * is on exactly when an endpoint is set. Credentials: {@code accessKeyId} + {@code secretAccessKey} when both are
 * set, otherwise the AWS SDK's default chain ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, a
 * {@code ~/.aws} profile, the container's or instance's role).
 */
@ConfigurationProperties("attendance.evidence.s3")
public record S3Settings(@Nullable String endpoint, @Nullable String bucket, @Nullable String region,
                         @Nullable String pathStyle, @Nullable String accessKeyId, @Nullable String secretAccessKey) {

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    boolean usesPathStyle() {
        return blank(pathStyle) ? !blank(endpoint) : Boolean.parseBoolean(pathStyle.strip());
    }

    boolean hasStaticCredentials() {
        return !blank(accessKeyId) && !blank(secretAccessKey);
    }
}
