package org.mercurymq.example.benchmark;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts successes and failures and their latencies, per reporting interval and in total, and prints
 * one line per interval and a final summary. Thread-safe.
 */
public final class BenchmarkStats {
    private final String what;
    private final AtomicReference<LatencyHistogram> interval = new AtomicReference<>(new LatencyHistogram());
    private final LatencyHistogram total = new LatencyHistogram();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong intervalFailures = new AtomicLong();
    private final long start = System.nanoTime();
    private long intervalStart = start;

    public BenchmarkStats(String what) {
        this.what = what;
    }

    public void success(long micros) {
        interval.get().record(micros);
    }

    /** Counts a failure and returns the number of failures so far. */
    public long failure() {
        intervalFailures.incrementAndGet();
        return failures.incrementAndGet();
    }

    /** Closes the current interval and prints it. Called from one reporting thread. */
    public synchronized void report(PrintStream out) {
        long now = System.nanoTime();
        LatencyHistogram h = interval.getAndSet(new LatencyHistogram());
        total.add(h);
        double seconds = (now - intervalStart) / 1e9;
        intervalStart = now;
        out.printf("%s TPS: %.0f | RT ms avg %.3f p50 %.3f p99 %.3f p999 %.3f max %.3f | failed %d%n", what,
            h.count() / seconds, h.meanMicros() / 1000, h.percentileMicros(0.50) / 1000.0, h.percentileMicros(0.99) / 1000.0,
            h.percentileMicros(0.999) / 1000.0, h.maxMicros() / 1000.0, intervalFailures.getAndSet(0));
    }

    /** Prints the totals since start. */
    public synchronized void summary(PrintStream out) {
        total.add(interval.getAndSet(new LatencyHistogram()));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("[SUMMARY] %s total %d in %.1f s, TPS %.0f | RT ms avg %.3f p50 %.3f p90 %.3f p99 %.3f p999 %.3f max %.3f"
                + " | failed %d%n", what, total.count(), seconds, total.count() / seconds, total.meanMicros() / 1000,
            total.percentileMicros(0.50) / 1000.0, total.percentileMicros(0.90) / 1000.0, total.percentileMicros(0.99) / 1000.0,
            total.percentileMicros(0.999) / 1000.0, total.maxMicros() / 1000.0, failures.get());
    }

    public long totalCount() {
        return total.count() + interval.get().count();
    }
}
