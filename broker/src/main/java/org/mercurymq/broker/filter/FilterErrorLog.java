package org.mercurymq.broker.filter;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports SQL92 evaluation errors (a message is then not delivered, as in RocketMQ) without flooding the log:
 * the first error is logged, then at most one line per minute with the number of errors since. Thread-safe.
 */
public final class FilterErrorLog {
    private static final Logger LOG = LoggerFactory.getLogger(FilterErrorLog.class);
    private static final long INTERVAL_MILLIS = 60_000;

    private final LongSupplier clock;
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

    public FilterErrorLog(LongSupplier clock) {
        this.clock = clock;
    }

    public void report(String group, String topic, String sql, String error) {
        long now = clock.getAsLong();
        long last = lastLogged.get();
        if ((last == Long.MIN_VALUE || now - last >= INTERVAL_MILLIS) && lastLogged.compareAndSet(last, now)) {
            long more = suppressed.getAndSet(0);
            LOG.warn("message filter error, message not delivered: group {} topic {} expression [{}]: {}{}", group, topic,
                sql, error, more > 0 ? " (" + more + " more such errors since the last report)" : "");
        } else {
            suppressed.incrementAndGet();
        }
    }
}
