package org.mercurymq.store.commitlog;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.mercurymq.store.PeriodicFlushService;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.ServiceThread;
import org.mercurymq.store.StorageFaults;
import org.mercurymq.store.logfile.MappedFileQueue;
import org.mercurymq.store.recovery.StoreCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASYNC_FLUSH: puts are acknowledged at once. {@code FlushRealTimeService} forces every
 * flushIntervalCommitLog ms when at least flushCommitLogLeastPages pages are dirty, and everything every
 * flushCommitLogThoroughInterval ms. With transientStorePoolEnable, {@code CommitRealTimeService} first
 * copies the off-heap buffers into the file. Thread-safe.
 */
final class AsyncFlusher implements CommitLogFlusher {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncFlusher.class);
    private static final CompletableFuture<PutMessageStatus> OK = CompletableFuture.completedFuture(PutMessageStatus.PUT_OK);

    private final FlushRealTimeService flushService;
    private final CommitRealTimeService commitService;
    private final boolean flushTimed;

    AsyncFlusher(MappedFileQueue queue, StoreCheckpoint checkpoint, StorageFaults faults, LongSupplier clock,
                 int flushInterval, int flushLeastPages, int flushThoroughInterval,
                 boolean transientPool, int commitInterval, int commitLeastPages, int commitThoroughInterval,
                 boolean flushTimed) {
        this.flushTimed = flushTimed;
        this.flushService = new FlushRealTimeService(queue, checkpoint, faults, clock, flushInterval, flushLeastPages,
            flushThoroughInterval);
        this.commitService = transientPool
            ? new CommitRealTimeService(queue, faults, flushService, clock, commitInterval, commitLeastPages,
            commitThoroughInterval)
            : null;
    }

    /** New flush (and off-heap commit) timings, honoured from the services' next wait on. */
    void retune(int flushInterval, int flushLeastPages, int flushThoroughInterval, int commitInterval,
                int commitLeastPages, int commitThoroughInterval) {
        flushService.retune(flushInterval, flushLeastPages, flushThoroughInterval);
        if (commitService != null) {
            commitService.retune(commitInterval, commitLeastPages, commitThoroughInterval);
        }
    }

    @Override
    public void start() {
        flushService.start();
        if (commitService != null) {
            commitService.start();
        }
    }

    @Override
    public void shutdown() {
        if (commitService != null) {
            commitService.shutdown();
        }
        flushService.shutdown();
    }

    @Override
    public CompletableFuture<PutMessageStatus> onAppended(long nextOffset, boolean waitStoreMsgOK) {
        // flushCommitLogTimed (default): the services run on their interval; waking them per append would
        // cost a futex wake-up on every put
        if (!flushTimed) {
            if (commitService != null) {
                commitService.wakeup();
            } else {
                flushService.wakeup();
            }
        }
        return OK;
    }

    /** Periodic force of the commit log. */
    static final class FlushRealTimeService extends PeriodicFlushService {
        private final MappedFileQueue queue;
        private final StoreCheckpoint checkpoint;
        private final StorageFaults faults;

        FlushRealTimeService(MappedFileQueue queue, StoreCheckpoint checkpoint, StorageFaults faults, LongSupplier clock,
                             int interval, int leastPages, int thoroughInterval) {
            super("FlushRealTimeService", clock, faults, interval, leastPages, thoroughInterval);
            this.queue = queue;
            this.checkpoint = checkpoint;
            this.faults = faults;
        }

        @Override
        protected void flush(int pages) {
            try {
                queue.flush(pages);
                long ts = queue.getStoreTimestamp();
                if (ts > 0) {
                    checkpoint.setPhysicMsgTimestamp(ts);
                }
            } catch (UncheckedIOException e) {
                faults.fault("commit-log flush", e);
            }
        }

        @Override
        protected void onStop(long now) {
            for (int i = 0; i < 10 && queue.remainHowManyDataToFlush() > 0; i++) {
                flush(0);
            }
            LOG.info("commit-log flush service stopped, flushed to {}", queue.getFlushedWhere());
        }
    }

    /** Copies off-heap write buffers into the commit-log files (transientStorePoolEnable). */
    static final class CommitRealTimeService extends PeriodicFlushService {
        private final MappedFileQueue queue;
        private final StorageFaults faults;
        private final ServiceThread flushService;

        CommitRealTimeService(MappedFileQueue queue, StorageFaults faults, ServiceThread flushService,
                              LongSupplier clock, int interval, int leastPages, int thoroughInterval) {
            super("CommitRealTimeService", clock, faults, interval, leastPages, thoroughInterval);
            this.queue = queue;
            this.faults = faults;
            this.flushService = flushService;
        }

        @Override
        protected void flush(int pages) {
            try {
                if (queue.commit(pages)) {
                    flushService.wakeup();
                }
            } catch (UncheckedIOException e) {
                faults.fault("commit-log commit", e);
            }
        }

        @Override
        protected void onStop(long now) {
            for (int i = 0; i < 10 && queue.remainHowManyDataToCommit() > 0; i++) {
                flush(0);
            }
        }
    }
}
