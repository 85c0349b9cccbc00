package uk.attendance.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder where a machine without servers keeps its data: the embedded database in {@code mariadb/} and local
 * evidence files in {@code evidence/}, side by side, so what one keeps the other keeps. It is {@code .data} under the
 * working directory, except under {@code mvn -pl api mn:run}: the plugin starts the app in {@code api/target}, which
 * {@code mvn clean} deletes, so api/pom.xml names {@code api/.data} with the system property {@value #DEFAULT_PROPERTY}.
 */
public final class DataFolder {
    static final String DEFAULT_PROPERTY = "attendance.data.dir.default";

    private DataFolder() {
    }

    public static Path root() {
        return Optional.ofNullable(System.getProperty(DEFAULT_PROPERTY)).filter(s -> !s.isBlank())
                .map(Path::of)
                .orElse(Path.of(".data"))
                .toAbsolutePath()
                .normalize();
    }

    /** The embedded MariaDB's folder when {@code ATTENDANCE_DB_DIR} is not set. */
    public static Path embeddedDatabase() {
        return root().resolve("mariadb");
    }

    /** The local evidence store's folder when {@code EVIDENCE_DIR} is not set. */
    public static Path evidence() {
        return root().resolve("evidence");
    }
}
