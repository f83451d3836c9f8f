package org.mercurymq.store.queue;

import java.io.UncheckedIOException;
import java.util.function.LongSupplier;
import org.mercurymq.store.PeriodicFlushService;
import org.mercurymq.store.StorageFaults;
import org.mercurymq.store.recovery.StoreCheckpoint;

/**
 * Flushes consume queues every flushIntervalConsumeQueue ms when enough pages are dirty, and everything plus
 * the checkpoint every flushConsumeQueueThoroughInterval ms and at shutdown. An I/O error, or the thread's
 * death, makes the store read-only. Thread-safe.
 */
public final class FlushConsumeQueueService extends PeriodicFlushService {
    private final ConsumeQueueTable queues;
    private final StoreCheckpoint checkpoint;
    private final StorageFaults faults;
    private final LongSupplier lastDispatchedStoreTimestamp;

    public FlushConsumeQueueService(ConsumeQueueTable queues, StoreCheckpoint checkpoint, StorageFaults faults,
                                    LongSupplier lastDispatchedStoreTimestamp, LongSupplier clock, int interval,
                                    int leastPages, int thoroughInterval) {
        super("FlushConsumeQueueService", clock, faults, interval, leastPages, thoroughInterval);
        this.queues = queues;
        this.checkpoint = checkpoint;
        this.faults = faults;
        this.lastDispatchedStoreTimestamp = lastDispatchedStoreTimestamp;
    }

    @Override
    protected void flush(int leastPages) {
        flushOnce(leastPages == 0);
    }

    /** Flushes now; a thorough flush also records the consume-queue time in the checkpoint. */
    public void flushOnce(boolean thorough) {
        try {
            long logicsTs = lastDispatchedStoreTimestamp.getAsLong();
            queues.flushAll(thorough ? 0 : leastPages());
            if (thorough) {
                if (logicsTs > 0) {
                    checkpoint.setLogicsMsgTimestamp(logicsTs);
                }
                checkpoint.flush();
            }
        } catch (UncheckedIOException e) {
            faults.fault("consume-queue flush", e);
        }
    }
}
