package uk.attendance.notify.text;

import com.twilio.http.TwilioRestClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The one Twilio client of the app (never the static {@code Twilio.init}). Tests replace it with a loopback one. */
@Factory
class TwilioClientFactory {

    @Singleton
    @Requires(condition = TwilioConfigured.class)
    TwilioRestClient twilioRestClient(TwilioSettings settings) {
        settings.requireComplete();
        var builder = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken());
        boolean redirected = settings.apiBaseUrl() != null && !settings.apiBaseUrl().isBlank();
        builder.httpClient(redirected ? new RedirectedTwilioHttpClient(settings.apiBaseUrl()) : new OneAttemptTwilioHttpClient());
        return builder.build();
    }
}
