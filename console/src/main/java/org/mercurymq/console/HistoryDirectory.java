package org.mercurymq.console;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the console keeps its trend history (docs/console.md, "History"): {@code <console.dataPath>/<NameServer
 * address>/}, one {@link TrendJournal} file per trend, held by one console at a time (a lock file). When the
 * directory cannot be made or another console holds it, it says so in one WARN line and the journals keep
 * nothing: the console still runs, with history in memory only. Built once at start-up.
 */
final class HistoryDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryDirectory.class);

    private final Path dir;
    private final FileChannel lockChannel;

    private HistoryDirectory(Path dir, FileChannel lockChannel) {
        this.dir = dir;
        this.lockChannel = lockChannel;
    }

    /** No history kept on disk. */
    static HistoryDirectory memoryOnly() {
        return new HistoryDirectory(null, null);
    }

    /** The directory for {@code namesrv}'s cluster under {@code base}, locked; memory only when that fails. */
    static HistoryDirectory open(Path base, String namesrv) {
        Path dir = base.resolve(namesrv.trim().replaceAll("[^A-Za-z0-9._-]", "_"));
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                LOG.warn("trend history {} is used by another console: keeping this console's history in memory only", dir);
                return memoryOnly();
            }
            LOG.info("trend history kept in {}", dir);
            return new HistoryDirectory(dir, channel);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            LOG.warn("cannot keep trend history in {}, keeping it in memory only: {}", dir, e.toString());
            return memoryOnly();
        }
    }

    /** The journal of the trend {@code name} (a file name without extension). */
    TrendJournal journal(String name) {
        return dir == null ? TrendJournal.none() : TrendJournal.at(dir.resolve(name + ".jsonl"));
    }

    /** Releases the lock (shutdown). */
    void close() {
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing the trend history lock: {}", e.toString());
            }
        }
    }
}
