package org.mercurymq.store.commitlog;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.ServiceThread;
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

    AsyncFlusher(MappedFileQueue queue, StoreCheckpoint checkpoint, FlushFailureHandler failures,
                 int flushInterval, int flushLeastPages, int flushThoroughInterval,
                 boolean transientPool, int commitInterval, int commitLeastPages, int commitThoroughInterval,
                 boolean flushTimed) {
        this.flushTimed = flushTimed;
        this.flushService = new FlushRealTimeService(queue, checkpoint, failures, flushInterval, flushLeastPages,
            flushThoroughInterval);
        this.commitService = transientPool
            ? new CommitRealTimeService(queue, failures, flushService, commitInterval, commitLeastPages,
            commitThoroughInterval)
            : null;
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
    static final class FlushRealTimeService extends ServiceThread {
        private final MappedFileQueue queue;
        private final StoreCheckpoint checkpoint;
        private final FlushFailureHandler failures;
        private final int interval;
        private final int leastPages;
        private final int thoroughInterval;
        private long lastThoroughFlush = System.currentTimeMillis();

        FlushRealTimeService(MappedFileQueue queue, StoreCheckpoint checkpoint, FlushFailureHandler failures,
                             int interval, int leastPages, int thoroughInterval) {
            this.queue = queue;
            this.checkpoint = checkpoint;
            this.failures = failures;
            this.interval = interval;
            this.leastPages = leastPages;
            this.thoroughInterval = thoroughInterval;
        }

        @Override
        public String getServiceName() {
            return "FlushRealTimeService";
        }

        @Override
        public void run() {
            while (!isStopped()) {
                waitForRunning(interval);
                int pages = leastPages;
                long now = System.currentTimeMillis();
                if (now >= lastThoroughFlush + thoroughInterval) {
                    lastThoroughFlush = now;
                    pages = 0;
                }
                flushOnce(pages);
            }
            for (int i = 0; i < 10 && queue.remainHowManyDataToFlush() > 0; i++) {
                flushOnce(0);
            }
            LOG.info("commit-log flush service stopped, flushed to {}", queue.getFlushedWhere());
        }

        private void flushOnce(int pages) {
            try {
                queue.flush(pages);
                long ts = queue.getStoreTimestamp();
                if (ts > 0) {
                    checkpoint.setPhysicMsgTimestamp(ts);
                }
            } catch (UncheckedIOException e) {
                failures.failed("flush", e);
            }
        }
    }

    /** Copies off-heap write buffers into the commit-log files (transientStorePoolEnable). */
    static final class CommitRealTimeService extends ServiceThread {
        private final MappedFileQueue queue;
        private final FlushFailureHandler failures;
        private final ServiceThread flushService;
        private final int interval;
        private final int leastPages;
        private final int thoroughInterval;
        private long lastThoroughCommit = System.currentTimeMillis();

        CommitRealTimeService(MappedFileQueue queue, FlushFailureHandler failures, ServiceThread flushService,
                              int interval, int leastPages, int thoroughInterval) {
            this.queue = queue;
            this.failures = failures;
            this.flushService = flushService;
            this.interval = interval;
            this.leastPages = leastPages;
            this.thoroughInterval = thoroughInterval;
        }

        @Override
        public String getServiceName() {
            return "CommitRealTimeService";
        }

        @Override
        public void run() {
            while (!isStopped()) {
                waitForRunning(interval);
                int pages = leastPages;
                long now = System.currentTimeMillis();
                if (now >= lastThoroughCommit + thoroughInterval) {
                    lastThoroughCommit = now;
                    pages = 0;
                }
                commitOnce(pages);
            }
            for (int i = 0; i < 10 && queue.remainHowManyDataToCommit() > 0; i++) {
                commitOnce(0);
            }
        }

        private void commitOnce(int pages) {
            try {
                if (queue.commit(pages)) {
                    flushService.wakeup();
                }
            } catch (UncheckedIOException e) {
                failures.failed("commit", e);
            }
        }
    }
}
