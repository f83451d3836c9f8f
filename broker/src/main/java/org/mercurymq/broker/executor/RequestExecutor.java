package org.mercurymq.broker.executor;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.remoting.netty.NamedThreadFactory;

/**
 * A processor's bounded thread pool whose queued tasks remember when they were queued, so that requests
 * waiting too long can be answered SYSTEM_BUSY (docs/protocol/remoting.md §9, {@link BrokerFastFailure}) and the runtime
 * info can report the queue head's waiting time. A full queue makes the remoting layer answer
 * {@code [OVERLOAD]}. Thread-safe.
 */
public final class RequestExecutor extends ThreadPoolExecutor {
    private final String name;
    private final int capacity;
    private final LongSupplier clock;

    public RequestExecutor(String name, int threads, int capacity, LongSupplier clock) {
        super(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(capacity), new NamedThreadFactory(name, true));
        this.name = name;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Changes the number of threads at run time (UPDATE_BROKER_CONFIG of a *ThreadPoolNums key). */
    public synchronized void resize(int threads) {
        int n = Math.max(1, threads);
        if (n > getMaximumPoolSize()) {
            setMaximumPoolSize(n);
            setCorePoolSize(n);
        } else {
            setCorePoolSize(n);
            setMaximumPoolSize(n);
        }
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    /** Requests from the remoting layer: may be cleaned from the queue when they wait too long. */
    @Override
    public void execute(Runnable command) {
        super.execute(command instanceof QueuedTask ? command : new QueuedTask(command, clock.getAsLong(), true));
    }

    /** Internal work (e.g. a woken long-poll pull) that must run even if it waited. */
    public void executeInternal(Runnable command) {
        super.execute(new QueuedTask(command, clock.getAsLong(), false));
    }

    public int queueSize() {
        return getQueue().size();
    }

    /** How long the oldest queued task has been waiting, 0 when the queue is empty. */
    public long headWaitMillis() {
        Runnable head = getQueue().peek();
        return head instanceof QueuedTask ? Math.max(0, clock.getAsLong() - ((QueuedTask) head).enqueuedAt) : 0;
    }

    BlockingQueue<Runnable> queue() {
        return getQueue();
    }

    long now() {
        return clock.getAsLong();
    }

    /** A queued task with its enqueue time. */
    static final class QueuedTask implements Runnable {
        final Runnable task;
        final long enqueuedAt;
        final boolean cleanable;

        QueuedTask(Runnable task, long enqueuedAt, boolean cleanable) {
            this.task = task;
            this.enqueuedAt = enqueuedAt;
            this.cleanable = cleanable;
        }

        @Override
        public void run() {
            task.run();
        }
    }
}
