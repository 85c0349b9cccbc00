package uk.attendance.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar started as a user would start it ({@code java -jar}), on its own embedded MariaDB,
 * with the given environment. Output goes to a log file the test can read.
 */
final class PackagedApp implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final String baseUrl;

    private PackagedApp(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    static PackagedApp start(Map<String, String> env, Duration timeout) throws Exception {
        Path jar = Path.of(System.getProperty("e2e.jar", "target/api-0.1.0-SNAPSHOT.jar"));
        Path dir = Path.of(System.getProperty("e2e.dir", "target/e2e"));
        Files.createDirectories(dir);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first (mvn verify)");
        }
        int port = freePort();
        Path log = dir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // The app gets its own embedded database, as on a newcomer's machine, whatever server the tests use.
        List.of("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD").forEach(environment::remove);
        environment.put("PORT", String.valueOf(port));
        environment.put("ATTENDANCE_DB_DIR", dir.resolve("mariadb").toAbsolutePath().toString());
        environment.put("ATTENDANCE_DB_FRESH", "true");
        environment.putAll(env);
        Process process = builder.start();
        PackagedApp app = new PackagedApp(process, log, "http://127.0.0.1:" + port);
        app.awaitHealthy(timeout);
        return app;
    }

    String baseUrl() {
        return baseUrl;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app stopped during start-up:\n" + tail());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && log().contains("Demo sign-ins")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                // Wait half a second for the next poll, or less if the process dies meanwhile.
                process.onExit().get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // poll again
            }
        }
        throw new IllegalStateException("The app was not ready within " + timeout + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
