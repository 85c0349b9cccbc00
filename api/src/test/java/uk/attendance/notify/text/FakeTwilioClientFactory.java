package uk.attendance.notify.text;

import com.twilio.http.TwilioRestClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** In tests that configure Twilio, the real SDK talks to a {@link FakeTwilio} instead of api.twilio.com. */
@Factory
@Requires(condition = TwilioConfigured.class)
public class FakeTwilioClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    FakeTwilio fakeTwilio() {
        return FakeTwilio.start();
    }

    @Singleton
    @Replaces(TwilioRestClient.class)
    TwilioRestClient loopbackTwilioRestClient(TwilioSettings settings, FakeTwilio fake) {
        return new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new RedirectedTwilioHttpClient(fake.baseUrl()))
                .build();
    }
}
