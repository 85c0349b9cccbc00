package uk.attendance.evidence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.platform.DataFolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evidence in a folder of this machine ({@code attendance.evidence.dir}, by default {@code .data/evidence} beside the
 * embedded database: {@link DataFolder#evidence()}), one file per key, 256 sub-folders.
 */
@Singleton
@Requires(property = "attendance.evidence.store", value = "local", defaultValue = "local")
class LocalFolderEvidenceStore implements EvidenceStore {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFolderEvidenceStore.class);
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{2,99}");
    private final Path root;

    LocalFolderEvidenceStore(@Value("${attendance.evidence.dir:}") Optional<String> dir) {
        this.root = folder(dir);
        LOG.info("Evidence files are kept in {}", root);
    }

    static Path folder(Optional<String> configured) {
        return configured.filter(s -> !s.isBlank()).map(Path::of).orElseGet(DataFolder::evidence).toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String mediaType) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
            try {
                Files.write(partial, content);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store evidence " + key, e);
        }
    }

    @Override
    public Optional<InputStream> get(String key) {
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read evidence " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete evidence " + key, e);
        }
    }

    private Path pathOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an evidence key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
