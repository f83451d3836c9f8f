package org.mercurymq.store.retention;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.index.IndexFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses puts before the disk is full rather than after: checked before every put (the free-space
 * figure is refreshed at most every {@code refreshMillis}), it marks the store out of space when the
 * partition of the commit log or of the consume queues has less than {@code reserveBytes} usable, i.e. not
 * enough left to index what was already acknowledged. It lifts the mark only once
 * {@code reserveBytes + segmentBytes} are usable again (room to roll the commit log too) and dispatch is
 * not stalled, so puts do not flap at the edge. See docs/store.md "Free-space checks". Thread-safe.
 */
public final class FreeSpaceGuard {
    private static final Logger LOG = LoggerFactory.getLogger(FreeSpaceGuard.class);

    private final StoreState state;
    private final DiskSpace diskSpace;
    private final String[] paths;
    private final long reserveBytes;
    private final long segmentBytes;
    private final BooleanSupplier dispatchStalled;
    private final LongSupplier clock;
    private final long refreshMillis;
    private volatile long lastCheck = Long.MIN_VALUE;

    public FreeSpaceGuard(StoreState state, DiskSpace diskSpace, String[] paths, long reserveBytes, long segmentBytes,
                          BooleanSupplier dispatchStalled, LongSupplier clock, long refreshMillis) {
        this.state = state;
        this.diskSpace = diskSpace;
        this.paths = paths.clone();
        this.reserveBytes = reserveBytes;
        this.segmentBytes = segmentBytes;
        this.dispatchStalled = dispatchStalled;
        this.clock = clock;
        this.refreshMillis = refreshMillis;
    }

    /**
     * Free space kept for making acknowledged messages consumable: two consume-queue segments and, with the
     * index on, one index file. Commit-log segments are only allocated while they leave this much free.
     */
    public static long reserveFor(MessageStoreConfig config) {
        long reserve = 2L * config.mappedFileSizeConsumeQueue();
        if (config.messageIndexEnable()) {
            reserve += IndexFile.fileSize(config.maxHashSlotNum(), config.maxIndexNum());
        }
        return reserve;
    }

    public long reserveBytes() {
        return reserveBytes;
    }

    /** Re-evaluates when the last check is older than refreshMillis. */
    public void check() {
        long now = clock.getAsLong();
        if (lastCheck != Long.MIN_VALUE && now - lastCheck < refreshMillis) {
            return;
        }
        lastCheck = now;
        checkNow();
    }

    /** Re-evaluates now. */
    public synchronized void checkNow() {
        long usable = Long.MAX_VALUE;
        String where = null;
        for (String path : paths) {
            long u = diskSpace.usableBytes(path);
            if (u >= 0 && u < usable) {
                usable = u;
                where = path;
            }
        }
        if (where == null) {
            return;
        }
        String current = state.getOutOfSpace();
        if (usable < reserveBytes) {
            if (current == null) {
                LOG.error("DISK FULL: only {} bytes usable under {} (reserve {}); puts are refused until space is freed",
                    usable, where, reserveBytes);
                state.setOutOfSpace("only " + usable + " bytes usable under " + where + " (reserve " + reserveBytes
                    + " bytes)");
            }
        } else if (current != null && usable >= reserveBytes + segmentBytes && !dispatchStalled.getAsBoolean()) {
            LOG.warn("disk space available again ({} bytes usable under {}); the store accepts puts", usable, where);
            state.setOutOfSpace(null);
        }
    }
}
