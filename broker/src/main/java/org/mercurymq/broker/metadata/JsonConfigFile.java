package org.mercurymq.broker.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One metadata file under {@code ${storePathRootDir}/config} (docs/protocol/store-format.md §8), written so that a crash
 * never leaves it unreadable: write and force {@code x.json.tmp}, copy the current {@code x.json} to
 * {@code x.json.bak}, then rename the temp file over {@code x.json}. Reading falls back to the backup when
 * the main file is missing, empty or does not parse. Writes are serialized on this object; thread-safe.
 */
public final class JsonConfigFile {
    private static final Logger LOG = LoggerFactory.getLogger(JsonConfigFile.class);

    private final Path file;
    private final Path backup;
    private final Path temp;

    public JsonConfigFile(Path file) {
        this.file = file;
        this.backup = file.resolveSibling(file.getFileName() + ".bak");
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    }

    public Path path() {
        return file;
    }

    /**
     * Parses the file with {@code parser}, or the backup if the file is missing/empty/corrupt; returns null
     * when neither holds a parsable value (a fresh store). A parser signals corruption by throwing.
     */
    public <T> T load(Function<String, T> parser) throws IOException {
        T value = tryLoad(file, parser);
        if (value != null) {
            return value;
        }
        T fromBackup = tryLoad(backup, parser);
        if (fromBackup != null) {
            LOG.warn("{} is missing or unreadable; loaded {} instead", file, backup);
        }
        return fromBackup;
    }

    private static <T> T tryLoad(Path p, Function<String, T> parser) throws IOException {
        if (!Files.isRegularFile(p)) {
            return null;
        }
        String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        if (text.trim().isEmpty()) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            LOG.warn("cannot parse {}: {}", p, e.getMessage());
            return null;
        }
    }

    /** Replaces the content atomically, keeping the previous content as the backup. */
    public synchronized void write(String json) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // e.g. a full disk: the previous content stays in place; a partial temp file must not linger
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new IOException("cannot write " + file + " (its previous content is kept): " + e, e);
        }
    }
}
