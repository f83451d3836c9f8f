package org.mercurymq.broker;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A millisecond clock tests move by hand. Thread-safe. */
public final class ManualClock implements LongSupplier {
    private final AtomicLong now;

    public ManualClock(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long getAsLong() {
        return now.get();
    }

    public void advance(long millis) {
        now.addAndGet(millis);
    }
}
