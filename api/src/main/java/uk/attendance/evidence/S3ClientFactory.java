package uk.attendance.evidence;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/** The AWS SDK's S3 client for the evidence bucket, built once from {@link S3Settings}. */
@Factory
@Requires(property = "attendance.evidence.store", value = "s3")
class S3ClientFactory {

    @Singleton
    @Named("evidence")
    @Bean(preDestroy = "close")
    S3Client evidenceS3Client(S3Settings settings) {
        if (S3Settings.blank(settings.bucket())) {
            throw new IllegalStateException("EVIDENCE_STORE=s3 needs EVIDENCE_S3_BUCKET");
        }
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(S3Settings.blank(settings.region()) ? "eu-west-2" : settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.usesPathStyle())
                // Checksums only where S3 requires them: many S3-compatible servers reject the newer default trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!S3Settings.blank(settings.endpoint())) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.hasStaticCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
    }
}
