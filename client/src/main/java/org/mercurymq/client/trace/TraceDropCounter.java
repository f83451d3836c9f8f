package org.mercurymq.client.trace;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts trace records a dispatcher had to drop and says so in at most one WARN line per interval (a full queue
 * would otherwise log once per business message). Thread-safe.
 */
final class TraceDropCounter {
    private static final Logger LOG = LoggerFactory.getLogger(TraceDropCounter.class);

    private final String what;
    private final LongSupplier clock;
    private final long warnIntervalMillis;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastWarnAt;
    private final AtomicLong droppedAtLastWarn = new AtomicLong();

    TraceDropCounter(String what, LongSupplier clock, long warnIntervalMillis) {
        this.what = what;
        this.clock = clock;
        this.warnIntervalMillis = warnIntervalMillis;
        this.lastWarnAt = new AtomicLong(clock.getAsLong() - warnIntervalMillis);
    }

    /** Counts {@code n} dropped records; true when this call logged the WARN line. */
    boolean drop(int n, String reason) {
        long total = dropped.addAndGet(n);
        long now = clock.getAsLong();
        long last = lastWarnAt.get();
        if (now - last < warnIntervalMillis || !lastWarnAt.compareAndSet(last, now)) {
            return false;
        }
        long sinceLast = total - droppedAtLastWarn.getAndSet(total);
        LOG.warn("{}: {}; dropped {} trace records ({} in total)", what, reason, sinceLast, total);
        return true;
    }

    long dropped() {
        return dropped.get();
    }
}
