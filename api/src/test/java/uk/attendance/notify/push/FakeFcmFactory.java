package uk.attendance.notify.push;

import com.google.firebase.FirebaseApp;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** In tests that set {@code attendance.firebase.api-base-url} to {@link FakeFcm#API_BASE_URL}, the real SDK talks to a {@link FakeFcm}. */
@Factory
@Requires(property = FirebaseConfigured.API_BASE_URL, value = FakeFcm.API_BASE_URL)
public class FakeFcmFactory {

    @Singleton
    @Bean(preDestroy = "close")
    FakeFcm fakeFcm() {
        return FakeFcm.start();
    }

    @Singleton
    @Bean(preDestroy = "delete")
    @Replaces(FirebaseApp.class)
    FirebaseApp loopbackFirebaseApp(FirebaseSettings settings, FakeFcm fake) {
        return FirebaseFactory.start(settings.withApiBaseUrl(fake.baseUrl()));
    }
}
