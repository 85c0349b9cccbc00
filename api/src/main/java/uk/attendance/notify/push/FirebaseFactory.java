package uk.attendance.notify.push;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** The one Firebase app of the context (never the SDK's default instance). Tests replace it with a loopback one. */
@Factory
class FirebaseFactory {
    static final String FAKE_ACCESS_TOKEN = "fake-fcm-access-token";

    @Singleton
    @Bean(preDestroy = "delete")
    @Requires(condition = FirebaseConfigured.class)
    FirebaseApp firebaseApp(FirebaseSettings settings) {
        return start(settings);
    }

    @Singleton
    @Requires(condition = FirebaseConfigured.class)
    FirebaseMessaging firebaseMessaging(FirebaseApp app) {
        return FirebaseMessaging.getInstance(app);
    }

    /**
     * With {@code apiBaseUrl} every request goes to that server instead of fcm.googleapis.com, authorised by a fixed
     * fake access token (Google's token endpoint is never called); the SDK's own message building, HTTP calls and error
     * mapping still run.
     */
    static FirebaseApp start(FirebaseSettings settings) {
        GoogleCredentials serviceAccount = FirebaseSettings.blank(settings.serviceAccount()) ? null
                : readServiceAccount(Path.of(settings.serviceAccount()));
        String projectId = !FirebaseSettings.blank(settings.projectId()) ? settings.projectId()
                : serviceAccount instanceof ServiceAccountCredentials sa && sa.getProjectId() != null ? sa.getProjectId()
                : null;
        FirebaseOptions.Builder options = FirebaseOptions.builder();
        if (FirebaseSettings.blank(settings.apiBaseUrl())) {
            if (projectId == null) {
                throw new IllegalStateException("The Firebase service account names no project: set FIREBASE_PROJECT_ID");
            }
            options.setCredentials(serviceAccount);
        } else {
            String base = settings.apiBaseUrl().replaceAll("/+$", "");
            options.setHttpTransport(new NetHttpTransport.Builder()
                            .setConnectionFactory(url -> (HttpURLConnection) new URL(base + url.getFile()).openConnection())
                            .build())
                    .setCredentials(GoogleCredentials.create(
                            new AccessToken(FAKE_ACCESS_TOKEN, Date.from(Instant.parse("2100-01-01T00:00:00Z")))));
            if (projectId == null) {
                projectId = "demo-project";
            }
        }
        options.setProjectId(projectId);
        // Several contexts may share a JVM (tests), and app names must be unique within it.
        return FirebaseApp.initializeApp(options.build(), "attendance-" + UUID.randomUUID());
    }

    private static GoogleCredentials readServiceAccount(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return GoogleCredentials.fromStream(in);
        } catch (IOException | RuntimeException e) {
            // Never echo the file's content: it holds a private key.
            throw new IllegalStateException("FIREBASE_SERVICE_ACCOUNT does not name a readable service-account JSON file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
