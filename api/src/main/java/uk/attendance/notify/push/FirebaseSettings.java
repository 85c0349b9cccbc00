package uk.attendance.notify.push;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code attendance.firebase.*}. {@code serviceAccount} is the path of the service-account JSON (a mounted secret
 * file, env {@code FIREBASE_SERVICE_ACCOUNT}). {@code apiBaseUrl} re-aims the SDK at another server (a local fake FCM
 * for end-to-end tests) and then needs no real credentials; unset in production. {@code projectId} overrides the
 * service account's project.
 */
@ConfigurationProperties("attendance.firebase")
public record FirebaseSettings(@Nullable String serviceAccount, @Nullable String projectId, @Nullable String apiBaseUrl) {

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    FirebaseSettings withApiBaseUrl(String url) {
        return new FirebaseSettings(serviceAccount, projectId, url);
    }
}
