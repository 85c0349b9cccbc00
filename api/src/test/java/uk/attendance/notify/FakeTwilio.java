package uk.attendance.notify;

import uk.attendance.support.LoopbackServer;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for api.twilio.com on 127.0.0.1: records every request and answers like Twilio
 * ({@code 201 {"sid":"SM…","status":"queued"}} for texts, {@code CA…} for calls), or with an error when told to.
 * <p>
 * Any {@code @MicronautTest} that sets the Twilio properties gets it wired in by {@link FakeTwilioClientFactory}
 * (the real SDK runs, only its transport is redirected) and can {@code @Inject FakeTwilio}:
 * <pre>
 * &#64;MicronautTest
 * &#64;Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
 * &#64;Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
 * &#64;Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
 * </pre>
 * One fake serves a whole test class, so find your requests by recipient ({@link #textsTo}).
 */
public final class FakeTwilio extends LoopbackServer<FakeTwilio.Received> {
    public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    public static final String AUTH_TOKEN = "fake-twilio-auth-token";
    public static final String FROM_NUMBER = "+447700900000";

    /** One request as Twilio would have received it; {@code form} holds the decoded POST parameters. */
    public record Received(String method, String path, String authorization, Map<String, String> form) {
        public boolean isText() {
            return "POST".equals(method) && path.endsWith("/Messages.json");
        }

        public String to() {
            return form.get("To");
        }

        public String from() {
            return form.get("From");
        }

        public String body() {
            return form.get("Body");
        }
    }

    private record CannedError(int status, int code, String message) {
    }

    private final Deque<CannedError> errors = new ArrayDeque<>();
    private final Map<String, Deque<CannedError>> errorsByRecipient = new HashMap<>();
    private final Map<String, Integer> acceptedByRecipient = new HashMap<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration latencySpread = Duration.ZERO;

    public static FakeTwilio start() {
        FakeTwilio fake = new FakeTwilio();
        fake.listen();
        return fake;
    }

    /** The texts sent to this number, oldest first. */
    public List<Received> textsTo(String e164) {
        return requests().stream().filter(Received::isText).filter(r -> e164.equals(r.to())).toList();
    }

    /** The next request is answered with this Twilio error (e.g. 400 / 21211 "invalid To"); later ones succeed again. */
    public synchronized void failNextWith(int httpStatus, int twilioCode) {
        errors.add(new CannedError(httpStatus, twilioCode, "Fake Twilio error " + twilioCode));
    }

    /**
     * The next {@code times} texts to this number are answered with this error (e.g. 500 / 20500, or 400 / 21211 for
     * an invalid number); texts to other numbers are not affected.
     */
    public synchronized void failNextTextsTo(String e164, int times, int httpStatus, int twilioCode) {
        Deque<CannedError> queue = errorsByRecipient.computeIfAbsent(e164, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new CannedError(httpStatus, twilioCode, "Fake Twilio error " + twilioCode));
        }
    }

    /** How many texts to this number were accepted (answered 201), as opposed to requested ({@link #textsTo}). */
    public synchronized int acceptedTextsTo(String e164) {
        return acceptedByRecipient.getOrDefault(e164, 0);
    }

    /** Every answer waits this long first (to let concurrent senders overlap); zero by default. */
    public void answerAfter(Duration delay) {
        latency = delay;
        latencySpread = Duration.ZERO;
    }

    /** Every answer waits a random time between these two first (a provider's uneven response times). */
    public void answerAfterBetween(Duration shortest, Duration longest) {
        latency = shortest;
        latencySpread = longest.minus(shortest);
    }

    public synchronized void reset() {
        errors.clear();
        errorsByRecipient.clear();
        acceptedByRecipient.clear();
        latency = Duration.ZERO;
        latencySpread = Duration.ZERO;
        forget();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        Received received = new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), decode(form));
        record(received);
        if (!latency.isZero() || !latencySpread.isZero()) {
            try {
                Thread.sleep(latency.toMillis() + java.util.concurrent.ThreadLocalRandom.current()
                        .nextLong(latencySpread.toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CannedError error;
        synchronized (this) {
            Deque<CannedError> forRecipient = received.isText() ? errorsByRecipient.get(received.to()) : null;
            error = forRecipient != null && !forRecipient.isEmpty() ? forRecipient.poll() : errors.poll();
            if (error == null && received.isText() && received.to() != null) {
                acceptedByRecipient.merge(received.to(), 1, Integer::sum);
            }
        }
        int status;
        String json;
        if (error != null) {
            status = error.status();
            json = """
                    {"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
                    .formatted(error.code(), error.message(), error.code(), error.status());
        } else {
            status = 201;
            String prefix = path.endsWith("/Calls.json") ? "CA" : "SM";
            json = """
                    {"sid":"%s%s","account_sid":"%s","status":"queued"}"""
                    .formatted(prefix, UUID.randomUUID().toString().replace("-", ""), ACCOUNT_SID);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return params;
        }
        Arrays.stream(form.split("&")).forEach(pair -> {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.merge(key, value, (a, b) -> a + "," + b);
        });
        return params;
    }
}
