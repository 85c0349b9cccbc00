package uk.attendance.evidence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.attendance.platform.DataFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local store's default folder is beside the embedded database, wherever that is; EVIDENCE_DIR overrides it. */
class EvidenceFolderTest {
    private static final String DATA_DIR = "attendance.data.dir.default";

    @AfterEach
    void clear() {
        System.clearProperty(DATA_DIR);
    }

    @Test
    void byDefaultEvidenceIsBesideTheDatabaseUnderTheWorkingDirectory() {
        Path data = Path.of(".data").toAbsolutePath().normalize();

        assertEquals(data.resolve("evidence"), LocalFolderEvidenceStore.folder(Optional.empty()));
        assertEquals(data.resolve("evidence"), LocalFolderEvidenceStore.folder(Optional.of(" ")));
        assertEquals(data.resolve("mariadb"), DataFolder.embeddedDatabase());
    }

    @Test
    void underMnRunBothAreInApiDataWhichMvnCleanKeeps() throws IOException {
        // mn:run starts the app in api/target; api/pom.xml hands it api/.data
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<mn.jvmArgs>-D" + DATA_DIR + "=${project.basedir}/.data</mn.jvmArgs>"), "api/pom.xml names api/.data");
        Path api = Path.of("").toAbsolutePath();
        System.setProperty(DATA_DIR, api.resolve(".data").toString());

        assertEquals(api.resolve(".data/evidence"), LocalFolderEvidenceStore.folder(Optional.empty()));
        assertEquals(api.resolve(".data/mariadb"), DataFolder.embeddedDatabase());
    }

    @Test
    void evidenceDirWins() {
        System.setProperty(DATA_DIR, "/srv/app/.data");

        assertEquals(Path.of("/srv/evidence"), LocalFolderEvidenceStore.folder(Optional.of("/srv/evidence")));
    }
}
