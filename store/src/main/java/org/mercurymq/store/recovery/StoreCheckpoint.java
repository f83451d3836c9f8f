package org.mercurymq.store.recovery;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import org.mercurymq.store.StoreException;
import org.mercurymq.store.logfile.SegmentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 4 KiB checkpoint file (docs/protocol/store-format.md section 6): store times of the newest flushed commit-log
 * message, the newest consume-queue entry and the last full index file, each 8 bytes at 0, 8 and 16.
 * Thread-safe.
 */
public final class StoreCheckpoint {
    public static final int FILE_SIZE = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(StoreCheckpoint.class);

    private final RandomAccessFile randomAccessFile;
    private final FileChannel fileChannel;
    private final MappedByteBuffer mappedByteBuffer;
    private volatile long physicMsgTimestamp;
    private volatile long logicsMsgTimestamp;
    private volatile long indexMsgTimestamp;

    public StoreCheckpoint(String scpPath) {
        File file = new File(scpPath);
        if (file.getParentFile() != null) {
            file.getParentFile().mkdirs();
        }
        boolean existed = file.exists();
        try {
            this.randomAccessFile = new RandomAccessFile(file, "rw");
            this.fileChannel = randomAccessFile.getChannel();
            long length = randomAccessFile.length();
            if (length < FILE_SIZE) {
                // real blocks, not a sparse tail: a mapped write to a hole faults on a full disk (docs/store.md)
                SegmentFiles.fillZeros(fileChannel, length, FILE_SIZE);
            }
            this.mappedByteBuffer = fileChannel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_SIZE);
        } catch (IOException e) {
            throw new StoreException("cannot open checkpoint " + file, e);
        }
        if (existed) {
            physicMsgTimestamp = mappedByteBuffer.getLong(0);
            logicsMsgTimestamp = mappedByteBuffer.getLong(8);
            indexMsgTimestamp = mappedByteBuffer.getLong(16);
            LOG.info("checkpoint loaded: physic={} logics={} index={}", physicMsgTimestamp, logicsMsgTimestamp,
                indexMsgTimestamp);
        }
    }

    /**
     * A checkpoint whose times are negative or more than a day ahead of {@code now} is garbage (a torn or
     * overwritten file): trusting it could start recovery too late or keep unchecked index files. It is
     * reset to zero, which makes recovery scan from the first segment and check every index file.
     * Returns true when it was reset.
     */
    public synchronized boolean discardIfImplausible(long now) {
        long latest = now + 24L * 3600 * 1000;
        boolean plausible = true;
        for (long t : new long[] {physicMsgTimestamp, logicsMsgTimestamp, indexMsgTimestamp}) {
            plausible &= t >= 0 && t <= latest;
        }
        if (plausible) {
            return false;
        }
        LOG.warn("checkpoint holds implausible times (physic={} logics={} index={}, now {}); ignoring it:"
                + " recovery scans the commit log from its first segment and checks every index file",
            physicMsgTimestamp, logicsMsgTimestamp, indexMsgTimestamp, now);
        physicMsgTimestamp = 0;
        logicsMsgTimestamp = 0;
        indexMsgTimestamp = 0;
        return true;
    }

    public synchronized void flush() {
        mappedByteBuffer.putLong(0, physicMsgTimestamp);
        mappedByteBuffer.putLong(8, logicsMsgTimestamp);
        mappedByteBuffer.putLong(16, indexMsgTimestamp);
        try {
            mappedByteBuffer.force();
        } catch (UncheckedIOException e) {
            LOG.error("checkpoint flush failed: {}", e.toString());
            throw e;
        }
    }

    public synchronized void shutdown() {
        flush();
        try {
            fileChannel.close();
            randomAccessFile.close();
        } catch (IOException e) {
            LOG.warn("closing checkpoint failed: {}", e.toString());
        }
    }

    public long getPhysicMsgTimestamp() {
        return physicMsgTimestamp;
    }

    public void setPhysicMsgTimestamp(long physicMsgTimestamp) {
        this.physicMsgTimestamp = physicMsgTimestamp;
    }

    public long getLogicsMsgTimestamp() {
        return logicsMsgTimestamp;
    }

    public void setLogicsMsgTimestamp(long logicsMsgTimestamp) {
        this.logicsMsgTimestamp = logicsMsgTimestamp;
    }

    public long getIndexMsgTimestamp() {
        return indexMsgTimestamp;
    }

    public void setIndexMsgTimestamp(long indexMsgTimestamp) {
        this.indexMsgTimestamp = indexMsgTimestamp;
    }

    /** min(physic, logics) - 3 s, floored at 0: commit-log data before it is known to be dispatched. */
    public long getMinTimestamp() {
        long min = Math.min(physicMsgTimestamp, logicsMsgTimestamp);
        return Math.max(0, min - 3000);
    }

    /** {@link #getMinTimestamp()} also bounded by the index checkpoint (messageIndexSafe). */
    public long getMinTimestampIndex() {
        return Math.min(getMinTimestamp(), indexMsgTimestamp);
    }
}
