package uk.attendance.auth;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client address behind the configured proxies, end to end. The test's HTTP client (127.0.0.1) is a trusted
 * proxy; a raw socket bound to another loopback address (127.x.y.z, not trusted) plays a caller that connects
 * directly and forges X-Forwarded-For.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.trusted-proxies", value = SignInFixture.TEST_CLIENT_IS_A_PROXY)
class ClientAddressHttpTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    SignInFixture fixture;

    @Test
    void aCallerThatIsNoTrustedProxyIsLimitedByItsOwnAddressWhateverItForwards() throws IOException {
        String caller = "127.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(1, 255),
                ThreadLocalRandom.current().nextInt(0, 256), ThreadLocalRandom.current().nextInt(1, 255));
        for (int i = 0; i < SignInRateLimits.PER_CLIENT; i++) {
            RawResponse asked = askFrom(caller, SignInFixture.uniqueMobile(), SignInFixture.uniqueClient());
            assertEquals(202, asked.status(), "request " + i);
        }

        RawResponse refused = askFrom(caller, SignInFixture.uniqueMobile(), SignInFixture.uniqueClient());

        assertEquals(429, refused.status());
        assertEquals("900", refused.headers().get("retry-after"));
        assertTrue(refused.headers().get("content-type").startsWith("application/problem+json"), refused.headers().toString());
        assertEquals(Long.valueOf(SignInRateLimits.PER_CLIENT), fixture.rows(
                "SELECT COUNT(*) AS n FROM sign_in_code WHERE client = ?", caller).get(0).get("n"));
        // everyone else (here through the trusted proxy) is not held back by that caller
        assertEquals(HttpStatus.ACCEPTED, client.toBlocking().exchange(HttpRequest.POST("/auth/parent/code",
                Map.of("mobile", SignInFixture.uniqueMobile())).header("X-Forwarded-For", SignInFixture.uniqueClient())).getStatus());
    }

    @Test
    void throughATrustedProxyTheClientIsTheRightMostAddressItDidNotAddItself() {
        String mobile = SignInFixture.uniqueMobile();
        String real = SignInFixture.uniqueClient();

        client.toBlocking().exchange(HttpRequest.POST("/auth/parent/code", Map.of("mobile", mobile))
                .header("X-Forwarded-For", "203.0.113.66, " + real + ", 127.0.0.1"));

        assertEquals(List.of(real), fixture.rows("SELECT client FROM sign_in_code WHERE mobile = ?", mobile)
                .stream().map(r -> r.get("client")).toList());
    }

    private record RawResponse(int status, Map<String, String> headers) {
    }

    /** One HTTP/1.1 request over a socket bound to {@code from}, a loopback address. */
    private RawResponse askFrom(String from, String mobile, String forwardedFor) throws IOException {
        byte[] body = ("{\"mobile\":\"" + mobile + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/parent/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers);
        }
    }
}
