package org.mercurymq.store.ha.epoch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch file ({@code storePathEpochFile}, default {@code <storePathRootDir>/epochFileCheckpoint}): line 1 the
 * entry count, line 2 the CRC32 (signed decimal) of the entry lines, then one {@code epoch-startOffset} line per
 * entry, ascending. Rewritten whole on every change through a temp file; the previous content is kept as
 * {@code .bak} and read when the main file is missing or corrupt (docs/controller.md, "Epoch file").
 * <p>
 * Unlike RocketMQ, a term that starts at the same offset as the previous one (nothing written in between)
 * replaces that entry instead of being dropped, so every epoch a master held can be found. Thread-safe.
 */
public final class EpochFile {
    private static final Logger LOG = LoggerFactory.getLogger(EpochFile.class);

    private final Path file;
    private final Path backup;
    private final List<EpochEntry> entries = new ArrayList<>();

    public EpochFile(Path file) {
        this.file = file;
        this.backup = file.resolveSibling(file.getFileName() + ".bak");
    }

    /** Loads the file (or its backup); a replica without either starts with no entries. */
    public synchronized void load() {
        entries.clear();
        List<EpochEntry> read = read(file);
        if (read == null) {
            read = read(backup);
            if (read != null) {
                LOG.warn("epoch file {} missing or corrupt: using its backup ({} entries)", file, read.size());
            }
        }
        if (read != null) {
            entries.addAll(read);
        }
    }

    private static List<EpochEntry> read(Path p) {
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return null;
            }
            int count = Integer.parseInt(lines.get(0).trim());
            long crc = Long.parseLong(lines.get(1).trim());
            if (count < 0 || lines.size() < 2 + count) {
                return null;
            }
            List<EpochEntry> out = new ArrayList<>();
            List<String> entryLines = lines.subList(2, 2 + count);
            for (String line : entryLines) {
                int dash = line.indexOf('-');
                out.add(new EpochEntry(Integer.parseInt(line.substring(0, dash).trim()),
                    Long.parseLong(line.substring(dash + 1).trim())));
            }
            if (crc != 0 && crc != crc(entryLines)) {
                return null;
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int crc(List<String> entryLines) {
        CRC32 c = new CRC32();
        for (String line : entryLines) {
            c.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return (int) c.getValue();
    }

    private void persist() {
        List<String> entryLines = new ArrayList<>();
        for (EpochEntry e : entries) {
            entryLines.add(e.toString());
        }
        StringBuilder text = new StringBuilder().append(entries.size()).append('\n').append(crc(entryLines)).append('\n');
        entryLines.forEach(l -> text.append(l).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.isRegularFile(file)) {
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, text.toString().getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write epoch file " + file, e);
        }
    }

    /**
     * Records that {@code epoch} starts at {@code startOffset}. Refused (false, logged) if the epoch is not above
     * the last one or the offset is below the last start; an equal offset replaces the last entry.
     */
    public synchronized boolean append(int epoch, long startOffset) {
        EpochEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && (epoch <= last.epoch() || startOffset < last.startOffset())) {
            LOG.warn("epoch entry {}-{} refused: last entry is {}", epoch, startOffset, last);
            return false;
        }
        if (last != null && startOffset == last.startOffset()) {
            entries.set(entries.size() - 1, new EpochEntry(epoch, startOffset));
        } else {
            entries.add(new EpochEntry(epoch, startOffset));
        }
        persist();
        return true;
    }

    /** Replaces every entry with {@code adopted} (a replica taking its master's history after aligning with it). */
    public synchronized void replaceAll(List<EpochEntry> adopted) {
        if (!entries.equals(adopted)) {
            entries.clear();
            entries.addAll(adopted);
            persist();
        }
    }

    /** Drops every entry whose term starts at or after {@code offset} (the log is cut there). */
    public synchronized void truncateFrom(long offset) {
        if (entries.removeIf(e -> e.startOffset() >= offset)) {
            persist();
        }
    }

    /** Drops every entry with an epoch at or above {@code epoch}. */
    public synchronized void truncateEpochsFrom(int epoch) {
        if (entries.removeIf(e -> e.epoch() >= epoch)) {
            persist();
        }
    }

    public synchronized List<EpochEntry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** The last epoch, 0 when there is none. */
    public synchronized int lastEpoch() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).epoch();
    }

    /**
     * Where a returning replica's log last agrees with the master's: walking the replica's epochs newest first,
     * the first that the master has with the same start offset gives min(replica's end, master's end) of that
     * term (a term ends where the next starts; the last ends at the log's max offset). -1 when no epoch is
     * shared: the caller must not truncate then. 0 entries locally: 0 (an empty replica copies everything).
     */
    public static long consistentPoint(List<EpochEntry> local, long localMax, List<EpochEntry> master, long masterMax) {
        if (local.isEmpty()) {
            return 0;
        }
        for (int i = local.size() - 1; i >= 0; i--) {
            EpochEntry mine = local.get(i);
            for (int j = master.size() - 1; j >= 0; j--) {
                EpochEntry theirs = master.get(j);
                if (theirs.epoch() == mine.epoch() && theirs.startOffset() == mine.startOffset()) {
                    long myEnd = i + 1 < local.size() ? local.get(i + 1).startOffset() : localMax;
                    long theirEnd = j + 1 < master.size() ? master.get(j + 1).startOffset() : masterMax;
                    return Math.min(myEnd, theirEnd);
                }
            }
        }
        return -1;
    }
}
