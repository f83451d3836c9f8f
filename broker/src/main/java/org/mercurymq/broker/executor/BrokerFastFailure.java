package org.mercurymq.broker.executor;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-pressure (docs/protocol/remoting.md §9): every 10 ms, while the store's page cache is busy the send queue is
 * drained with {@code [PCBUSY_CLEAN_QUEUE]}, and requests that waited longer than their limit (send 200 ms,
 * pull 5 s, heartbeat 31 s, end-transaction 3 s by default) are answered {@code [TIMEOUT_CLEAN_QUEUE]}.
 * Only active when {@code brokerFastFailureEnable}. Lifecycle: {@link #start()}, {@link #shutdown()}.
 * Thread-safe.
 */
public final class BrokerFastFailure {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerFastFailure.class);

    /** One executor with its waiting-time limit. */
    public static final class Watched {
        final RequestExecutor executor;
        final LongSupplier maxWaitMillis;

        public Watched(RequestExecutor executor, LongSupplier maxWaitMillis) {
            this.executor = executor;
            this.maxWaitMillis = maxWaitMillis;
        }
    }

    private final RequestExecutor sendExecutor;
    private final List<Watched> watched;
    private final BooleanSupplier enabled;
    private final BooleanSupplier pageCacheBusy;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BrokerFastFailureScheduledThread", true));

    public BrokerFastFailure(RequestExecutor sendExecutor, List<Watched> watched, BooleanSupplier enabled,
                             BooleanSupplier pageCacheBusy) {
        this.sendExecutor = sendExecutor;
        this.watched = watched;
        this.enabled = enabled;
        this.pageCacheBusy = pageCacheBusy;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::cleanSafely, 1000, 10, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }

    private void cleanSafely() {
        try {
            if (enabled.getAsBoolean()) {
                cleanExpiredRequests();
            }
        } catch (RuntimeException e) {
            LOG.error("fast-failure scan failed", e);
        }
    }

    /** One scan now. */
    public void cleanExpiredRequests() {
        while (pageCacheBusy.getAsBoolean()) {
            RequestExecutor.QueuedTask task = pollCleanable(sendExecutor.queue());
            if (task == null) {
                break;
            }
            BusyRejection.runRejected(task, String.format(
                "[PCBUSY_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: %sms, size of queue: %d",
                sendExecutor.now() - task.enqueuedAt, sendExecutor.queueSize()));
        }
        for (Watched w : watched) {
            cleanExpired(w.executor, w.maxWaitMillis.getAsLong());
        }
    }

    private static void cleanExpired(RequestExecutor executor, long maxWaitMillis) {
        BlockingQueue<Runnable> queue = executor.queue();
        while (true) {
            Runnable head = queue.peek();
            if (!(head instanceof RequestExecutor.QueuedTask)) {
                return;
            }
            RequestExecutor.QueuedTask task = (RequestExecutor.QueuedTask) head;
            long waited = executor.now() - task.enqueuedAt;
            if (waited <= maxWaitMillis || !task.cleanable) {
                return;
            }
            if (!queue.remove(task)) {
                continue;
            }
            BusyRejection.runRejected(task, String.format(
                "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: %sms, size of queue: %d",
                waited, queue.size()));
        }
    }

    private static RequestExecutor.QueuedTask pollCleanable(BlockingQueue<Runnable> queue) {
        Runnable head = queue.peek();
        if (head instanceof RequestExecutor.QueuedTask && ((RequestExecutor.QueuedTask) head).cleanable
            && queue.remove(head)) {
            return (RequestExecutor.QueuedTask) head;
        }
        return null;
    }
}
