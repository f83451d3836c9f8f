package org.mercurymq.store.queue;

import java.io.UncheckedIOException;
import java.util.function.LongSupplier;
import org.mercurymq.store.ServiceThread;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.recovery.StoreCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes consume queues every flushIntervalConsumeQueue ms when enough pages are dirty, and everything
 * plus the checkpoint every flushConsumeQueueThoroughInterval ms and at shutdown. Thread-safe.
 */
public final class FlushConsumeQueueService extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(FlushConsumeQueueService.class);

    private final ConsumeQueueTable queues;
    private final StoreCheckpoint checkpoint;
    private final StoreState state;
    private final LongSupplier lastDispatchedStoreTimestamp;
    private final int interval;
    private final int leastPages;
    private final int thoroughInterval;
    private long lastThoroughFlush = System.currentTimeMillis();

    public FlushConsumeQueueService(ConsumeQueueTable queues, StoreCheckpoint checkpoint, StoreState state,
                                    LongSupplier lastDispatchedStoreTimestamp, int interval, int leastPages,
                                    int thoroughInterval) {
        this.queues = queues;
        this.checkpoint = checkpoint;
        this.state = state;
        this.lastDispatchedStoreTimestamp = lastDispatchedStoreTimestamp;
        this.interval = interval;
        this.leastPages = leastPages;
        this.thoroughInterval = thoroughInterval;
    }

    @Override
    public String getServiceName() {
        return "FlushConsumeQueueService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(interval);
            long now = System.currentTimeMillis();
            boolean thorough = now >= lastThoroughFlush + thoroughInterval;
            if (thorough) {
                lastThoroughFlush = now;
            }
            flushOnce(thorough);
        }
        flushOnce(true);
    }

    /** Flushes now; a thorough flush also records the consume-queue time in the checkpoint. */
    public void flushOnce(boolean thorough) {
        try {
            long logicsTs = lastDispatchedStoreTimestamp.getAsLong();
            queues.flushAll(thorough ? 0 : leastPages);
            if (thorough) {
                if (logicsTs > 0) {
                    checkpoint.setLogicsMsgTimestamp(logicsTs);
                }
                checkpoint.flush();
            }
        } catch (UncheckedIOException e) {
            LOG.error("consume-queue flush failed; the store now refuses writes", e);
            state.markLogicsError("consume-queue flush failed: " + e.getCause());
        }
    }
}
