package uk.attendance.evidence;

import com.sun.net.httpserver.HttpExchange;
import uk.attendance.support.LoopbackServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An S3-compatible object store on 127.0.0.1, path-style ({@code /bucket/key}), as MinIO answers: PUT, GET and
 * DELETE of objects, {@code 404 NoSuchKey} for a missing key. The real AWS SDK is pointed at it; it records every
 * request (method, path, headers, body as stored).
 */
final class FakeS3 extends LoopbackServer<FakeS3.Received> {

    record Received(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private record StoredObject(byte[] content, String contentType) {
    }

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

    static FakeS3 start() {
        FakeS3 fake = new FakeS3();
        fake.listen();
        return fake;
    }

    Optional<byte[]> object(String bucket, String key) {
        return Optional.ofNullable(objects.get("/" + bucket + "/" + key)).map(StoredObject::content);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (headers.getOrDefault("x-amz-content-sha256", "").startsWith("STREAMING-")) {
            body = decodeAwsChunked(body);
        }
        record(new Received(exchange.getRequestMethod(), path, Map.copyOf(headers), body));
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, new StoredObject(body, headers.getOrDefault("content-type", "binary/octet-stream")));
                exchange.getResponseHeaders().add("ETag", "\"" + md5(body) + "\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET" -> {
                StoredObject object = objects.get(path);
                if (object == null) {
                    noSuchKey(exchange, path);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", object.contentType());
                exchange.getResponseHeaders().add("ETag", "\"" + md5(object.content()) + "\"");
                exchange.sendResponseHeaders(200, object.content().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(object.content());
                }
            }
            case "DELETE" -> {
                objects.remove(path);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }

    private static void noSuchKey(HttpExchange exchange, String path) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><Key>" + path + "</Key>"
                + "<RequestId>fake-1</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(404, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }

    /** {@code <hex size>;chunk-signature=…\r\n<data>\r\n} repeated, ending with a 0-size chunk (and trailers). */
    private static byte[] decodeAwsChunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrlf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("Not aws-chunked");
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
