package org.mercurymq.store.logfile;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered segments of one logical byte stream (a commit log or one consume queue): offset
 * lookup, roll-over, flush/commit progress, truncation and deletion of old segments.
 * Thread-safety: the segment list is copy-on-write; creation of new segments must be serialized by the
 * single writer; flush and deletion may run concurrently with it.
 */
public final class MappedFileQueue {
    private static final Logger LOG = LoggerFactory.getLogger(MappedFileQueue.class);
    private static final int DELETE_FILES_BATCH_MAX = 10;

    private final String storePath;
    private final int mappedFileSize;
    private final TransientStorePool transientStorePool;
    private final boolean warmNewFiles;
    private final boolean channelWrites;
    private final AllocateMappedFileService allocator;
    private volatile IOException lastCreateFailure;
    private final CopyOnWriteArrayList<MappedFile> mappedFiles = new CopyOnWriteArrayList<>();
    private volatile long flushedWhere;
    private volatile long committedWhere;
    private volatile long storeTimestamp;
    private volatile LongConsumer flushObserver = nanos -> { };

    public MappedFileQueue(String storePath, int mappedFileSize, TransientStorePool transientStorePool) {
        this(storePath, mappedFileSize, transientStorePool, false, null, false);
    }

    /**
     * {@code allocator} may be null: new segments are then preallocated on the caller's thread. With
     * {@code channelWrites} every segment, loaded or new, appends with pwrite and forces with fdatasync
     * ({@link MappedFile#writeThroughChannel}).
     */
    public MappedFileQueue(String storePath, int mappedFileSize, TransientStorePool transientStorePool,
                           boolean warmNewFiles, AllocateMappedFileService allocator, boolean channelWrites) {
        this.storePath = storePath;
        this.mappedFileSize = mappedFileSize;
        this.transientStorePool = transientStorePool;
        this.warmNewFiles = warmNewFiles;
        this.allocator = allocator;
        this.channelWrites = channelWrites;
    }

    public String getStorePath() {
        return storePath;
    }

    public int getMappedFileSize() {
        return mappedFileSize;
    }

    /**
     * Maps the existing segments. A last segment shorter than the configured size (torn creation) is
     * extended with zeros; any other size mismatch or a foreign file name is refused, since guessing
     * could lose data.
     */
    public void load() {
        File dir = new File(storePath);
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        List<File> segments = new ArrayList<>();
        for (File f : files) {
            if (f.isDirectory()) {
                continue;
            }
            if (f.getName().endsWith(SegmentFiles.ALLOCATING_SUFFIX)) {
                LOG.warn("deleting {}: a segment whose preallocation did not finish", f);
                if (!f.delete()) {
                    LOG.warn("cannot delete {}", f);
                }
                continue;
            }
            if (!f.getName().matches("\\d{20}")) {
                LOG.warn("ignoring foreign file {} in {}", f.getName(), storePath);
                continue;
            }
            segments.add(f);
        }
        File[] sorted = segments.toArray(new File[0]);
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            File file = sorted[i];
            long length = file.length();
            if (length != mappedFileSize) {
                boolean last = i == sorted.length - 1;
                if (last && length < mappedFileSize) {
                    // MappedFile backs the missing tail with real zero blocks
                    LOG.warn("segment {} is {} bytes, expected {}; extending the last segment with zeros",
                        file, length, mappedFileSize);
                } else {
                    throw new StoreException("segment " + file + " is " + length + " bytes but the configured size is "
                        + mappedFileSize + "; check the segment size settings or repair the store by hand");
                }
            }
            long from = Long.parseLong(file.getName());
            if (from % mappedFileSize != 0) {
                throw new StoreException("segment " + file + " does not start at a multiple of " + mappedFileSize);
            }
            try {
                MappedFile mappedFile = new MappedFile(file.getPath(), mappedFileSize);
                mappedFile.setPositions(mappedFileSize);
                if (channelWrites) {
                    mappedFile.writeThroughChannel();
                }
                mappedFiles.add(mappedFile);
            } catch (IOException e) {
                throw new StoreException("cannot map " + file, e);
            }
        }
        LOG.info("loaded {} segments from {}", sorted.length, storePath);
    }

    public List<MappedFile> getMappedFiles() {
        return mappedFiles;
    }

    public boolean isEmpty() {
        return mappedFiles.isEmpty();
    }

    public MappedFile getFirstMappedFile() {
        try {
            return mappedFiles.isEmpty() ? null : mappedFiles.get(0);
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    public MappedFile getLastMappedFile() {
        while (!mappedFiles.isEmpty()) {
            try {
                return mappedFiles.get(mappedFiles.size() - 1);
            } catch (IndexOutOfBoundsException e) {
                // list shrank concurrently; retry
            }
        }
        return null;
    }

    /**
     * The segment to write at: the last one, or a new one when there is none (starting at the segment
     * containing {@code startOffset}) or the last is full. Null when creation failed.
     */
    public MappedFile getLastMappedFile(long startOffset, boolean needCreate) {
        MappedFile last = getLastMappedFile();
        long createOffset = -1;
        if (last == null) {
            createOffset = startOffset - (startOffset % mappedFileSize);
        } else if (last.isFull()) {
            createOffset = last.getFileFromOffset() + mappedFileSize;
        }
        if (createOffset != -1 && needCreate) {
            return createMappedFile(createOffset);
        }
        return last;
    }

    public MappedFile getLastMappedFile(long startOffset) {
        return getLastMappedFile(startOffset, true);
    }

    private MappedFile createMappedFile(long createOffset) {
        String path = pathOf(createOffset);
        try {
            MappedFile mappedFile = allocator != null
                ? allocator.allocate(path, pathOf(createOffset + mappedFileSize), mappedFileSize)
                : new MappedFile(path, mappedFileSize, transientStorePool);
            if (warmNewFiles) {
                mappedFile.warm();
            }
            if (channelWrites) {
                mappedFile.writeThroughChannel();
            }
            mappedFiles.add(mappedFile);
            lastCreateFailure = null;
            return mappedFile;
        } catch (IOException e) {
            if (lastCreateFailure == null) {
                LOG.error("creating segment {} failed: {}", path, e.getMessage());
            }
            lastCreateFailure = e;
            return null;
        }
    }

    private String pathOf(long offset) {
        return storePath + File.separator + MappedFile.fileNameOf(offset);
    }

    /** Why the last segment creation failed, or null when it succeeded (or none was tried). */
    public IOException lastCreateFailure() {
        return lastCreateFailure;
    }

    /** The segment holding {@code offset}; the first one if none does and {@code returnFirstOnNotFound}. */
    public MappedFile findMappedFileByOffset(long offset, boolean returnFirstOnNotFound) {
        MappedFile first = getFirstMappedFile();
        MappedFile last = getLastMappedFile();
        if (first == null || last == null) {
            return null;
        }
        if (offset >= first.getFileFromOffset() && offset < last.getFileFromOffset() + mappedFileSize) {
            int index = (int) ((offset / mappedFileSize) - (first.getFileFromOffset() / mappedFileSize));
            try {
                MappedFile candidate = mappedFiles.get(index);
                if (candidate != null && offset >= candidate.getFileFromOffset()
                    && offset < candidate.getFileFromOffset() + mappedFileSize) {
                    return candidate;
                }
            } catch (IndexOutOfBoundsException e) {
                // fall through to the scan
            }
            for (MappedFile f : mappedFiles) {
                if (offset >= f.getFileFromOffset() && offset < f.getFileFromOffset() + mappedFileSize) {
                    return f;
                }
            }
        }
        return returnFirstOnNotFound ? first : null;
    }

    public MappedFile findMappedFileByOffset(long offset) {
        return findMappedFileByOffset(offset, false);
    }

    /** A pinned view from {@code offset} to the read position of its segment, or null. */
    public SelectMappedBufferResult selectFrom(long offset) {
        MappedFile f = findMappedFileByOffset(offset, offset == 0);
        if (f == null) {
            return null;
        }
        return f.selectMappedBuffer((int) (offset % mappedFileSize));
    }

    /** A pinned view of {@code size} bytes at {@code offset}, or null. */
    public SelectMappedBufferResult select(long offset, int size) {
        MappedFile f = findMappedFileByOffset(offset, offset == 0);
        if (f == null) {
            return null;
        }
        return f.selectMappedBuffer((int) (offset % mappedFileSize), size);
    }

    public long getMinOffset() {
        MappedFile first = getFirstMappedFile();
        return first == null ? -1 : first.getFileFromOffset();
    }

    /** End of the readable bytes. */
    public long getMaxOffset() {
        MappedFile last = getLastMappedFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getReadPosition();
    }

    /** End of the written bytes (including not yet committed off-heap ones). */
    public long getMaxWrotePosition() {
        MappedFile last = getLastMappedFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getWrotePosition();
    }

    public long rollNextFile(long offset) {
        return offset + mappedFileSize - offset % mappedFileSize;
    }

    public long getFlushedWhere() {
        return flushedWhere;
    }

    public void setFlushedWhere(long flushedWhere) {
        this.flushedWhere = flushedWhere;
    }

    public long getCommittedWhere() {
        return committedWhere;
    }

    public void setCommittedWhere(long committedWhere) {
        this.committedWhere = committedWhere;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public long remainHowManyDataToFlush() {
        return Math.max(0, getMaxOffset() - flushedWhere);
    }

    public long remainHowManyDataToCommit() {
        return Math.max(0, getMaxWrotePosition() - committedWhere);
    }

    /**
     * Flushes from the flushed position on: the segment holding it, and the following ones while the
     * previous was completed. Returns true when the flushed position advanced. Throws
     * {@link java.io.UncheckedIOException} on an I/O failure.
     */
    /** Told the duration in nanoseconds of every {@link #flush} call that advanced (metrics; docs/metrics.md). */
    public void setFlushObserver(LongConsumer observer) {
        this.flushObserver = observer;
    }

    public boolean flush(int flushLeastPages) {
        long start = System.nanoTime();
        boolean advanced = flushSegments(flushLeastPages);
        if (advanced) {
            flushObserver.accept(System.nanoTime() - start);
        }
        return advanced;
    }

    private boolean flushSegments(int flushLeastPages) {
        boolean advanced = false;
        while (true) {
            MappedFile mappedFile = findMappedFileByOffset(flushedWhere, flushedWhere == 0);
            if (mappedFile == null) {
                return advanced;
            }
            long tmpTimeStamp = mappedFile.getStoreTimestamp();
            int offset = mappedFile.flush(flushLeastPages);
            long where = mappedFile.getFileFromOffset() + offset;
            if (where != flushedWhere) {
                advanced = true;
                flushedWhere = where;
                if (tmpTimeStamp > 0) {
                    storeTimestamp = tmpTimeStamp;
                }
            }
            if (offset < mappedFileSize || findMappedFileByOffset(where) == null) {
                return advanced;
            }
        }
    }

    /** Commits off-heap bytes from the committed position on. Returns true when it advanced. */
    public boolean commit(int commitLeastPages) {
        boolean advanced = false;
        while (true) {
            MappedFile mappedFile = findMappedFileByOffset(committedWhere, committedWhere == 0);
            if (mappedFile == null) {
                return advanced;
            }
            int offset = mappedFile.commit(commitLeastPages);
            long where = mappedFile.getFileFromOffset() + offset;
            if (where != committedWhere) {
                advanced = true;
                committedWhere = where;
            }
            if (offset < mappedFileSize || findMappedFileByOffset(where) == null) {
                return advanced;
            }
        }
    }

    /**
     * Sets the end of valid data to {@code offset}: later segments are deleted, the segment holding it
     * is truncated (stale bytes zeroed), earlier ones are marked full.
     */
    public void truncateDirtyFiles(long offset) {
        List<MappedFile> willRemove = new ArrayList<>();
        for (MappedFile file : mappedFiles) {
            long fileTailOffset = file.getFileFromOffset() + mappedFileSize;
            if (fileTailOffset > offset) {
                if (offset >= file.getFileFromOffset()) {
                    file.truncateTo((int) (offset % mappedFileSize));
                } else {
                    file.destroy(1000);
                    willRemove.add(file);
                }
            } else {
                file.setPositions(mappedFileSize);
            }
        }
        mappedFiles.removeAll(willRemove);
        flushedWhere = Math.min(Math.max(flushedWhere, 0), offset);
        committedWhere = Math.min(Math.max(committedWhere, 0), offset);
    }

    /**
     * Deletes segments (oldest first, never the last one) whose last modification is older than
     * {@code expiredTime} ms before {@code now}, or all of them up to the batch limit when
     * {@code cleanImmediately}; stops at the first segment kept. Returns the number deleted.
     */
    public int deleteExpiredFileByTime(long expiredTime, int deleteFilesInterval, long intervalForcibly,
                                       boolean cleanImmediately, long now) {
        Object[] files = mappedFiles.toArray();
        if (files.length <= 1) {
            return 0;
        }
        List<MappedFile> deleted = new ArrayList<>();
        for (int i = 0; i < files.length - 1; i++) {
            MappedFile f = (MappedFile) files[i];
            long liveMaxTimestamp = f.getLastModifiedTimestamp() + expiredTime;
            if (now >= liveMaxTimestamp || cleanImmediately) {
                if (!f.destroy(intervalForcibly, now)) {
                    break;
                }
                deleted.add(f);
                if (deleted.size() >= DELETE_FILES_BATCH_MAX) {
                    break;
                }
                pause(deleteFilesInterval, i < files.length - 2);
            } else {
                break;
            }
        }
        mappedFiles.removeAll(deleted);
        return deleted.size();
    }

    /**
     * Consume-queue deletion: removes segments (never the last) whose last entry points below the
     * commit-log offset {@code offset}. Returns the number deleted.
     */
    public int deleteExpiredFileByOffset(long offset, int unitSize) {
        Object[] files = mappedFiles.toArray();
        List<MappedFile> deleted = new ArrayList<>();
        for (int i = 0; i < files.length - 1; i++) {
            MappedFile f = (MappedFile) files[i];
            boolean destroy;
            SelectMappedBufferResult last = f.selectMappedBuffer(mappedFileSize - unitSize);
            if (last != null) {
                long maxOffsetInLogicQueue = last.getByteBuffer().getLong(0);
                last.release();
                destroy = maxOffsetInLogicQueue < offset;
            } else if (!f.isAvailable()) {
                destroy = true;
            } else {
                break;
            }
            if (!destroy || !f.destroy(1000 * 60)) {
                break;
            }
            deleted.add(f);
        }
        mappedFiles.removeAll(deleted);
        return deleted.size();
    }

    /** Retries destroying a first segment left unavailable by an earlier attempt. */
    public boolean retryDeleteFirstFile(long intervalForcibly) {
        return retryDeleteFirstFile(intervalForcibly, System.currentTimeMillis());
    }

    public boolean retryDeleteFirstFile(long intervalForcibly, long now) {
        MappedFile first = getFirstMappedFile();
        if (first != null && !first.isAvailable()) {
            LOG.warn("retrying deletion of hanged segment {}", first);
            if (first.destroy(intervalForcibly, now)) {
                mappedFiles.remove(first);
                return true;
            }
        }
        return false;
    }

    public void deleteLastMappedFile() {
        MappedFile last = getLastMappedFile();
        if (last != null) {
            last.destroy(1000);
            mappedFiles.remove(last);
        }
    }

    /** Closes every segment without deleting. */
    public void shutdown() {
        if (allocator != null) {
            allocator.shutdown();
        }
        for (MappedFile f : mappedFiles) {
            f.close();
        }
    }

    /** Deletes every segment and the directory. */
    public void destroy() {
        if (allocator != null) {
            allocator.shutdown();
        }
        for (MappedFile f : mappedFiles) {
            f.destroy(1000 * 3);
        }
        mappedFiles.clear();
        flushedWhere = 0;
        committedWhere = 0;
        File dir = new File(storePath);
        if (dir.isDirectory()) {
            dir.delete();
        }
    }

    private static void pause(int millis, boolean more) {
        if (millis <= 0 || !more) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
