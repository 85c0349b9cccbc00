package uk.attendance.notify.text;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

/**
 * Twilio's HTTP client, built as the SDK builds its default one, but sending each request once. Out of the box a text
 * answered 5xx is repeated by the SDK (up to three times, 100 ms apart) and one answered 429 or 503 again by Apache
 * HttpClient (a second later). The outbox retries instead, with exponential backoff, counting every attempt and holding
 * no row lock while it waits; one retry layer also keeps a text Twilio half-accepted from being repeated behind its back.
 */
public class OneAttemptTwilioHttpClient extends NetworkHttpClient {

    public OneAttemptTwilioHttpClient() {
        super(transport());
    }

    private static HttpClientBuilder transport() {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultSocketConfig(HttpClient.DEFAULT_SOCKET_CONFIG);
        connections.setDefaultMaxPerRoute(20);
        connections.setMaxTotal(100);
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG)
                .disableAutomaticRetries();
    }

    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, new int[0], 1, 0L);
    }
}
