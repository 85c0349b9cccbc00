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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as an instance of a deployment: {@code java -jar} on a database the test names (see
 * {@link SharedDatabase}), on its own port, started, killed and started again as the test says. Each start writes its
 * own log ({@code target/e2e/<name>-<n>.log}).
 */
final class AppProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> env;
    private final int port;
    private Process process;
    private Path log;
    private int starts;

    AppProcess(String name, Map<String, String> env) throws IOException {
        this.name = name;
        this.env = Map.copyOf(env);
        this.port = freePort();
    }

    /** Starts the jar (again) and waits until it answers {@code GET /health}. */
    AppProcess start(Duration timeout) throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        starts++;
        log = dir().resolve(name + "-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", jar()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        process = builder.start();
        awaitHealthy(timeout);
        return this;
    }

    /** {@code kill -9}: no shutdown hook, no commit, no goodbye. @return the exit status (137 for SIGKILL) */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** {@code kill -15}, as a deploy stops an instance: waits for it to exit. @return the exit status (143) */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not stop within a minute of SIGTERM");
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything this instance logged, every start. */
    String log() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            all.append(Files.readString(dir().resolve(name + "-" + i + ".log")));
        }
        return all.toString();
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * {@code java -jar api.jar generate-data <args>} with this environment (the database, the clock), to the end.
     *
     * @return what it printed
     */
    static String generateData(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-jar", jar(), "generate-data"));
        command.addAll(List.of(args));
        Path out = dir().resolve("generate-data-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(clean(env));
        Process generator = builder.start();
        if (!generator.waitFor(5, TimeUnit.MINUTES)) {
            generator.destroyForcibly();
            throw new IllegalStateException("generate-data took over 5 minutes");
        }
        String printed = Files.readString(out);
        if (generator.exitValue() != 0) {
            throw new IllegalStateException("generate-data failed (" + generator.exitValue() + "):\n" + printed);
        }
        return printed;
    }

    private Map<String, String> environment() {
        Map<String, String> all = clean(env);
        all.put("PORT", String.valueOf(port));
        return all;
    }

    /** The environment given, without anything of the test JVM's that would point the app elsewhere. */
    private static Map<String, String> clean(Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("DEMO_DATA", "false");
        all.putAll(env);
        return all;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up:\n" + tail());
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                process.onExit().get(250, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // poll again
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar() {
        Path jar = Path.of(System.getProperty("e2e.jar", "target/api-0.1.0-SNAPSHOT.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first (mvn verify)");
        }
        return jar.toAbsolutePath().toString();
    }

    private static Path dir() throws IOException {
        Path dir = Path.of(System.getProperty("e2e.dir", "target/e2e"));
        Files.createDirectories(dir);
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
