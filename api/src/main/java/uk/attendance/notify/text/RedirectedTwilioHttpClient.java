package uk.attendance.notify.text;

import com.twilio.http.Request;
import com.twilio.http.Response;

import java.net.URI;

/**
 * Twilio's own HTTP client with every request re-aimed at another base URL: a local fake Twilio in
 * end-to-end tests and staging ({@code TWILIO_API_BASE_URL}). The SDK's serialisation, auth and parsing still run.
 */
public final class RedirectedTwilioHttpClient extends OneAttemptTwilioHttpClient {
    private final String baseUrl;

    public RedirectedTwilioHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request original) {
        URI u = URI.create(original.getUrl());
        Request copy = new Request(original.getMethod(), baseUrl + u.getRawPath());
        original.getQueryParams().forEach((k, vs) -> vs.forEach(v -> copy.addQueryParam(k, v)));
        original.getPostParams().forEach((k, vs) -> vs.forEach(v -> copy.addPostParam(k, v)));
        original.getHeaderParams().forEach((k, vs) -> vs.forEach(v -> copy.addHeaderParam(k, v)));
        copy.setAuth(original.getUsername(), original.getPassword());
        return super.makeRequest(copy);
    }
}
