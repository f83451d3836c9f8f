package org.mercurymq.client.impl.consumer;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of one consumer: messages consumed OK / failed and total consume time. Thread-safe. */
public class ConsumerStats {
    private final AtomicLong consumeOk = new AtomicLong();
    private final AtomicLong consumeFailed = new AtomicLong();
    private final AtomicLong consumeCalls = new AtomicLong();
    private final AtomicLong consumeTimeTotal = new AtomicLong();

    void consumed(long ok, long failed) {
        consumeOk.addAndGet(ok);
        consumeFailed.addAndGet(failed);
    }

    void consumeTime(long millis) {
        consumeCalls.incrementAndGet();
        consumeTimeTotal.addAndGet(millis);
    }

    public long getConsumeOk() {
        return consumeOk.get();
    }

    public long getConsumeFailed() {
        return consumeFailed.get();
    }

    /** Average listener call time in ms, 0 before the first call. */
    public double getConsumeRtAvg() {
        long calls = consumeCalls.get();
        return calls == 0 ? 0 : (double) consumeTimeTotal.get() / calls;
    }
}
