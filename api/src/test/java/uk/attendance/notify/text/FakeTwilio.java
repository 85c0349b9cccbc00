package uk.attendance.notify.text;

import uk.attendance.support.LoopbackServer;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
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

    /** A text Twilio took: what its Messages list shows. */
    private record Taken(String sid, String to, String from, String body, ZonedDateTime createdAt) {
    }

    private final List<Taken> taken = new ArrayList<>();
    private static final DateTimeFormatter TWILIO_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.US);

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
        taken.clear();
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
        if ("GET".equals(received.method()) && path.endsWith("/Messages.json")) {
            answer(exchange, 200, messageList(path, decode(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""))));
            return;
        }
        // Twilio takes the text when the request arrives, whether or not its answer gets back
        CannedError error;
        String sid = (path.endsWith("/Calls.json") ? "CA" : "SM") + UUID.randomUUID().toString().replace("-", "");
        synchronized (this) {
            Deque<CannedError> forRecipient = received.isText() ? errorsByRecipient.get(received.to()) : null;
            error = forRecipient != null && !forRecipient.isEmpty() ? forRecipient.poll() : errors.poll();
            if (error == null && received.isText() && received.to() != null) {
                acceptedByRecipient.merge(received.to(), 1, Integer::sum);
                taken.add(new Taken(sid, received.to(), received.from(), received.body(), ZonedDateTime.now(ZoneOffset.UTC)));
            }
        }
        if (!latency.isZero() || !latencySpread.isZero()) {
            try {
                Thread.sleep(latency.toMillis() + java.util.concurrent.ThreadLocalRandom.current()
                        .nextLong(latencySpread.toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (error != null) {
            answer(exchange, error.status(), """
                    {"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
                    .formatted(error.code(), error.message(), error.code(), error.status()));
        } else {
            answer(exchange, 201, """
                    {"sid":"%s","account_sid":"%s","status":"queued"}""".formatted(sid, ACCOUNT_SID));
        }
    }

    /** Twilio's Messages list: newest first, filtered by To and From, one page of PageSize (50 by default). */
    private synchronized String messageList(String path, Map<String, String> query) {
        int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "50"));
        List<String> messages = taken.stream()
                .filter(t -> !query.containsKey("To") || query.get("To").equals(t.to()))
                .filter(t -> !query.containsKey("From") || query.get("From").equals(t.from()))
                .sorted(Comparator.comparing(Taken::createdAt).reversed())
                .limit(pageSize)
                .map(t -> """
                        {"sid":"%s","account_sid":"%s","to":%s,"from":%s,"body":%s,"status":"queued","direction":"outbound-api","date_created":"%s"}"""
                        .formatted(t.sid(), ACCOUNT_SID, quote(t.to()), quote(t.from()), quote(t.body()),
                                TWILIO_DATE.format(t.createdAt())))
                .toList();
        return """
                {"messages":[%s],"uri":"%s","first_page_uri":"%s","next_page_uri":null,"previous_page_uri":null,"page":0,"page_size":%d,"start":0,"end":%d}"""
                .formatted(String.join(",", messages), path, path, pageSize, Math.max(0, messages.size() - 1));
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
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
