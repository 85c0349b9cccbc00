package uk.attendance.platform;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Points the default datasource at an embedded MariaDB unless a server is named by
 * {@code DATASOURCES_DEFAULT_URL} (or the {@code datasources.default.url} system property).
 * The data folder is {@code ATTENDANCE_DB_DIR} (default {@link DataFolder#embeddedDatabase()}: {@code .data/mariadb});
 * {@code ATTENDANCE_DB_FRESH=true} empties it first (tests).
 */
@ContextConfigurer
public final class EmbeddedDatabaseConfigurer implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (setting("DATASOURCES_DEFAULT_URL", "datasources.default.url").isPresent()) {
            return;
        }
        Path dir = setting("ATTENDANCE_DB_DIR", "attendance.db.dir")
                .map(Path::of)
                .orElseGet(DataFolder::embeddedDatabase)
                .toAbsolutePath();
        boolean fresh = setting("ATTENDANCE_DB_FRESH", "attendance.db.fresh").map(Boolean::parseBoolean).orElse(false);
        builder.properties(EmbeddedDatabase.start(dir, fresh));
    }

    private static Optional<String> setting(String env, String property) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(env)))
                .filter(s -> !s.isBlank());
    }
}
