package org.mercurymq.store;

import java.util.function.LongSupplier;

/**
 * The shape shared by the commit-log flush, the off-heap commit and the consume-queue flush: every
 * {@code interval} ms write out what is pending when at least {@code leastPages} pages are, and
 * everything every {@code thoroughInterval} ms and once more at shutdown. Subclasses say what "write out"
 * means. The timings can be changed while running ({@link #retune}). Thread-safe.
 */
public abstract class PeriodicFlushService extends ServiceThread {
    private final String name;
    private volatile int interval;
    private volatile int leastPages;
    private volatile int thoroughInterval;
    private long lastThorough;

    protected PeriodicFlushService(String name, LongSupplier clock, FaultHandler faults, int interval,
                                   int leastPages, int thoroughInterval) {
        super(clock, faults);
        this.name = name;
        this.interval = interval;
        this.leastPages = leastPages;
        this.thoroughInterval = thoroughInterval;
        this.lastThorough = clock.getAsLong();
    }

    /** New timings, honoured from the next wait on (UPDATE_BROKER_CONFIG of the flush keys). */
    public final void retune(int interval, int leastPages, int thoroughInterval) {
        this.interval = interval;
        this.leastPages = leastPages;
        this.thoroughInterval = thoroughInterval;
    }

    @Override
    public final String getServiceName() {
        return name;
    }

    protected final int leastPages() {
        return leastPages;
    }

    @Override
    protected final long intervalMillis() {
        return interval;
    }

    @Override
    protected final void doWork(long now) {
        int pages = leastPages;
        if (now >= lastThorough + thoroughInterval) {
            lastThorough = now;
            pages = 0;
        }
        flush(pages);
    }

    @Override
    protected void onStop(long now) {
        flush(0);
    }

    /** Writes out what is pending when at least {@code leastPages} pages are (0: anything). */
    protected abstract void flush(int leastPages);
}
