package org.mercurymq.store.logfile;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pre-sized, memory-mapped segment named by its 20-digit start offset, created on real blocks
 * ({@link SegmentFiles#preallocate}) so writes through the mapping cannot fault on a full disk. Bytes are written at the
 * wrote position (directly into the mapping, or into an off-heap buffer from a {@link TransientStorePool}
 * that {@link #commit} copies to the file), then forced by {@link #flush}. Readers pin the segment with a
 * reference count; the mapping is unmapped only when nobody holds it.
 * Thread-safety: one writer at a time (callers serialize appends); reads, flush and commit may run
 * concurrently with the writer.
 */
public final class MappedFile {
    public static final int OS_PAGE_SIZE = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(MappedFile.class);
    private static final int ZERO_RUN_PAGES_TO_STOP = 256;

    private final File file;
    private final long fileFromOffset;
    private final int fileSize;
    private final FileChannel fileChannel;
    private final MappedByteBuffer mappedByteBuffer;
    private final AtomicInteger wrotePosition = new AtomicInteger(0);
    private final AtomicInteger committedPosition = new AtomicInteger(0);
    private final AtomicInteger flushedPosition = new AtomicInteger(0);
    private final AtomicLong refCount = new AtomicLong(1);
    private volatile boolean available = true;
    private volatile boolean cleanupOver;
    private volatile long firstShutdownTimestamp;
    private volatile long storeTimestamp;
    private volatile ByteBuffer writeBuffer;
    private volatile boolean channelWrites;
    private final TransientStorePool transientStorePool;

    public MappedFile(String fileName, int fileSize) throws IOException {
        this(fileName, fileSize, null);
    }

    public MappedFile(String fileName, int fileSize, TransientStorePool pool) throws IOException {
        this.file = new File(fileName);
        this.fileSize = fileSize;
        this.fileFromOffset = Long.parseLong(this.file.getName());
        if (!file.exists()) {
            SegmentFiles.preallocate(file, fileSize);
        }
        boolean ok = false;
        RandomAccessFile raf = new RandomAccessFile(this.file, "rw");
        try {
            this.fileChannel = raf.getChannel();
            long length = raf.length();
            if (length < fileSize) {
                // a short file (torn creation by an older version): back the missing tail with real blocks
                try {
                    SegmentFiles.fillZeros(fileChannel, length, fileSize);
                } catch (IOException e) {
                    throw OutOfSpaceException.isCause(e)
                        ? new OutOfSpaceException("cannot extend " + file + " to " + fileSize + " bytes", e) : e;
                }
            } else if (length > fileSize) {
                raf.setLength(fileSize);
            }
            this.mappedByteBuffer = this.fileChannel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
            ok = true;
        } finally {
            if (!ok) {
                raf.close();
            }
        }
        this.transientStorePool = pool;
        if (pool != null) {
            this.writeBuffer = pool.borrowBuffer();
        }
    }

    public static String fileNameOf(long offset) {
        return String.format("%020d", offset);
    }

    public File getFile() {
        return file;
    }

    public String getFileName() {
        return file.getPath();
    }

    public long getFileFromOffset() {
        return fileFromOffset;
    }

    public int getFileSize() {
        return fileSize;
    }

    public long getLastModifiedTimestamp() {
        return file.lastModified();
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public void setStoreTimestamp(long storeTimestamp) {
        this.storeTimestamp = storeTimestamp;
    }

    public int getWrotePosition() {
        return wrotePosition.get();
    }

    public int getCommittedPosition() {
        return committedPosition.get();
    }

    public int getFlushedPosition() {
        return flushedPosition.get();
    }

    /** Sets wrote, committed and flushed positions at once (recovery and truncation). */
    public void setPositions(int position) {
        wrotePosition.set(position);
        committedPosition.set(position);
        flushedPosition.set(position);
    }

    public boolean isFull() {
        return fileSize == wrotePosition.get();
    }

    public boolean isAvailable() {
        return available;
    }

    /** Bytes readers may see: everything written, or everything committed when writing off-heap. */
    public int getReadPosition() {
        return writeBuffer == null ? wrotePosition.get() : committedPosition.get();
    }

    public boolean hasWriteBuffer() {
        return writeBuffer != null;
    }

    /**
     * From now on appends go to the file with pwrite(2) instead of into the mapping, and {@link #flush} forces with
     * fdatasync(2) (SYNC_FLUSH): on the machines measured, syncing pages dirtied through a mapping took 4-5 times as
     * long as syncing the same bytes written with pwrite (docs/benchmarks.md "SYNC_FLUSH, side by side"). Readers
     * still read through the mapping: both share the page cache. Not for a segment writing off-heap.
     */
    public void writeThroughChannel() {
        if (writeBuffer == null) {
            channelWrites = true;
        }
    }

    /**
     * Appends {@code length} bytes of {@code src} from {@code offset} at the wrote position.
     * Returns false, writing nothing, when they do not fit. Throws UncheckedIOException when a write through the
     * channel ({@link #writeThroughChannel}) fails.
     */
    public boolean appendMessage(ByteBuffer src, int offset, int length) {
        int current = wrotePosition.get();
        if (current + length > fileSize) {
            return false;
        }
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        if (!hold()) {
            return false;
        }
        try {
            if (channelWrites) {
                writeFully(src, offset, length, current);
            } else {
                target.put(current, src, offset, length);
            }
            wrotePosition.addAndGet(length);
            return true;
        } catch (IOException e) {
            // a storage fault like a failed force: the commit log stops taking puts (nothing here is acknowledged)
            throw new UncheckedIOException("append to " + file + " at " + current + " failed", e);
        } finally {
            release();
        }
    }

    private void writeFully(ByteBuffer src, int offset, int length, int at) throws IOException {
        ByteBuffer part = src.duplicate();
        part.limit(offset + length);
        part.position(offset);
        long position = at;
        while (part.hasRemaining()) {
            position += fileChannel.write(part, position);
        }
    }

    public boolean appendMessage(byte[] data, int offset, int length) {
        return appendMessage(ByteBuffer.wrap(data), offset, length);
    }

    /** Writes {@code [4 bytes size][4 bytes magic]} at the wrote position and marks the file full. */
    public void fillToEnd(int blankMagic) {
        int current = wrotePosition.get();
        int remaining = fileSize - current;
        ByteBuffer target = writeBuffer != null ? writeBuffer : mappedByteBuffer;
        if (remaining >= 8 && hold()) {
            try {
                target.putInt(current, remaining);
                target.putInt(current + 4, blankMagic);
            } finally {
                release();
            }
        }
        wrotePosition.set(fileSize);
    }

    /** Copies pending off-heap bytes into the file channel. Returns the committed position. */
    public int commit(int commitLeastPages) {
        ByteBuffer buffer = writeBuffer;
        if (buffer == null) {
            return wrotePosition.get();
        }
        if (isAbleToCommit(commitLeastPages) && hold()) {
            try {
                int lastCommitted = committedPosition.get();
                int writePos = wrotePosition.get();
                if (writePos > lastCommitted) {
                    ByteBuffer slice = buffer.slice(lastCommitted, writePos - lastCommitted);
                    int position = lastCommitted;
                    while (slice.hasRemaining()) {
                        position += fileChannel.write(slice, position);
                    }
                    committedPosition.set(writePos);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("commit of " + file + " failed", e);
            } finally {
                release();
            }
        }
        if (committedPosition.get() == fileSize && writeBuffer != null) {
            ByteBuffer done = writeBuffer;
            writeBuffer = null;
            transientStorePool.returnBuffer(done);
        }
        return committedPosition.get();
    }

    private boolean isAbleToCommit(int commitLeastPages) {
        int commit = committedPosition.get();
        int write = wrotePosition.get();
        if (isFull()) {
            return write > commit;
        }
        if (commitLeastPages > 0) {
            return (write / OS_PAGE_SIZE) - (commit / OS_PAGE_SIZE) >= commitLeastPages;
        }
        return write > commit;
    }

    /**
     * Forces readable bytes to disk when at least {@code flushLeastPages} pages are dirty (0 = any).
     * Returns the flushed position. Throws {@link UncheckedIOException} when the force fails.
     */
    public int flush(int flushLeastPages) {
        if (isAbleToFlush(flushLeastPages) && hold()) {
            try {
                int value = getReadPosition();
                int from = flushedPosition.get();
                if (transientStorePool != null || (channelWrites && value > from)) {
                    fileChannel.force(false);
                } else if (value > from) {
                    mappedByteBuffer.force(from, value - from);
                }
                flushedPosition.set(value);
            } catch (IOException e) {
                throw new UncheckedIOException("flush of " + file + " failed", e);
            } finally {
                release();
            }
        }
        return flushedPosition.get();
    }

    /** Forces the whole mapping regardless of positions (files written through a pinned view). */
    public void forceAll() {
        if (hold()) {
            try {
                mappedByteBuffer.force();
            } finally {
                release();
            }
        }
    }

    private boolean isAbleToFlush(int flushLeastPages) {
        int flush = flushedPosition.get();
        int write = getReadPosition();
        if (isFull() && write == fileSize) {
            return write > flush;
        }
        if (flushLeastPages > 0) {
            return (write / OS_PAGE_SIZE) - (flush / OS_PAGE_SIZE) >= flushLeastPages;
        }
        return write > flush;
    }

    /** A pinned view of {@code size} bytes at {@code pos}, or null when not yet readable or released. */
    public SelectMappedBufferResult selectMappedBuffer(int pos, int size) {
        int readPosition = getReadPosition();
        if (pos < 0 || size < 0 || pos + size > readPosition) {
            return null;
        }
        if (!hold()) {
            return null;
        }
        ByteBuffer slice = mappedByteBuffer.slice(pos, size);
        return new SelectMappedBufferResult(fileFromOffset + pos, slice, size, this);
    }

    /** A pinned view from {@code pos} to the read position, or null. */
    public SelectMappedBufferResult selectMappedBuffer(int pos) {
        int readPosition = getReadPosition();
        if (pos < 0 || pos >= readPosition) {
            return null;
        }
        return selectMappedBuffer(pos, readPosition - pos);
    }

    /** A pinned view of the whole file regardless of positions (recovery scans). */
    public SelectMappedBufferResult selectWholeFile() {
        if (!hold()) {
            return null;
        }
        return new SelectMappedBufferResult(fileFromOffset, mappedByteBuffer.slice(0, fileSize), fileSize, this);
    }

    /**
     * Sets all positions to {@code position} and zeroes stale bytes after it (until a long run of
     * already-zero pages), so that stale records can never be mistaken for new ones after a crash.
     */
    public void truncateTo(int position) {
        setPositions(position);
        if (!hold()) {
            return;
        }
        try {
            int zeroRun = 0;
            int pos = position;
            while (pos < fileSize && zeroRun < ZERO_RUN_PAGES_TO_STOP) {
                int end = Math.min(fileSize, (pos / OS_PAGE_SIZE + 1) * OS_PAGE_SIZE);
                boolean dirty = false;
                int i = pos;
                for (; i + 8 <= end && !dirty; i += 8) {
                    dirty = mappedByteBuffer.getLong(i) != 0;
                }
                for (; i < end && !dirty; i++) {
                    dirty = mappedByteBuffer.get(i) != 0;
                }
                if (dirty) {
                    for (int z = pos; z < end; z++) {
                        mappedByteBuffer.put(z, (byte) 0);
                    }
                    zeroRun = 0;
                } else {
                    zeroRun++;
                }
                pos = end;
            }
            mappedByteBuffer.force();
        } finally {
            release();
        }
    }

    /** Touches every page so the first writes do not fault (warmMapedFileEnable). */
    public void warm() {
        if (!hold()) {
            return;
        }
        try {
            for (int i = 0; i < fileSize; i += OS_PAGE_SIZE) {
                mappedByteBuffer.put(i, (byte) 0);
            }
            mappedByteBuffer.force();
        } finally {
            release();
        }
    }

    // ---- reference counting -------------------------------------------------------------------

    public boolean hold() {
        if (available) {
            if (refCount.getAndIncrement() > 0) {
                return true;
            }
            refCount.getAndDecrement();
        }
        return false;
    }

    public void release() {
        long value = refCount.decrementAndGet();
        if (value > 0) {
            return;
        }
        synchronized (this) {
            cleanup(false);
        }
    }

    private void cleanup(boolean forced) {
        if (available || cleanupOver) {
            return;
        }
        if (!forced && refCount.get() <= 0) {
            Unmapper.unmap(mappedByteBuffer);
        }
        cleanupOver = true;
    }

    /**
     * Marks the file unavailable and drops the creator's reference. Once readers are gone (or after
     * {@code intervalForcibly} ms, in which case the mapping is left to the garbage collector instead of
     * being unmapped under a reader) the file counts as cleaned up.
     */
    public void shutdown(long intervalForcibly, long now) {
        if (available) {
            available = false;
            firstShutdownTimestamp = now;
            release();
        } else if (refCount.get() > 0 && now - firstShutdownTimestamp >= intervalForcibly) {
            synchronized (this) {
                cleanup(true);
            }
        }
    }

    /** Closes and deletes the file once cleaned up; returns whether it is gone. */
    public boolean destroy(long intervalForcibly) {
        return destroy(intervalForcibly, System.currentTimeMillis());
    }

    /** As {@link #destroy(long)}, with {@code now} from the store's clock deciding when a held file is forced. */
    public boolean destroy(long intervalForcibly, long now) {
        shutdown(intervalForcibly, now);
        if (!cleanupOver) {
            LOG.warn("segment {} still referenced, destroy postponed", file);
            return false;
        }
        try {
            fileChannel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", file, e.toString());
        }
        if (writeBuffer != null) {
            transientStorePool.returnBuffer(writeBuffer);
            writeBuffer = null;
        }
        boolean deleted = file.delete() || !file.exists();
        LOG.info("segment {} destroyed, deleted={}, wrote={} flushed={}", file, deleted, getWrotePosition(),
            getFlushedPosition());
        return deleted;
    }

    /** Unmaps and closes without deleting (clean shutdown). */
    public void close() {
        shutdown(0, System.currentTimeMillis());
        try {
            fileChannel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", file, e.toString());
        }
        if (writeBuffer != null) {
            transientStorePool.returnBuffer(writeBuffer);
            writeBuffer = null;
        }
    }

    @Override
    public String toString() {
        return file.getName();
    }

    /** Explicit unmapping through the JDK's supported-but-internal cleaner hook. */
    private static final class Unmapper {
        private static final Object UNSAFE;
        private static final Method INVOKE_CLEANER;

        static {
            Object unsafe = null;
            Method invoke = null;
            try {
                Class<?> cls = Class.forName("sun.misc.Unsafe");
                Field f = cls.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                unsafe = f.get(null);
                invoke = cls.getMethod("invokeCleaner", ByteBuffer.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warn("explicit unmapping unavailable, mappings are released by GC: {}", e.toString());
            }
            UNSAFE = unsafe;
            INVOKE_CLEANER = invoke;
        }

        static void unmap(MappedByteBuffer buffer) {
            if (INVOKE_CLEANER == null) {
                return;
            }
            try {
                INVOKE_CLEANER.invoke(UNSAFE, buffer);
            } catch (ReflectiveOperationException e) {
                throw new StoreException("unmap failed", e);
            }
        }
    }
}
