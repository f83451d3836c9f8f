package org.mercurymq.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * Distribution of the time one commit-log force took (only forces that wrote something), in fixed buckets
 * that the broker's metrics endpoint renders as a histogram (docs/metrics.md). Recording is two LongAdder
 * increments on the flush thread, never on a writer's path. Thread-safe.
 */
public final class FlushLatency {
    /** Upper bounds in seconds; the last bucket is +Inf. */
    private static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
        10, Double.POSITIVE_INFINITY};

    private final LongAdder[] counts = new LongAdder[BOUNDS.length];
    private final LongAdder sumNanos = new LongAdder();

    public FlushLatency() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void record(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (seconds > BOUNDS[i]) {
            i++;
        }
        counts[i].increment();
        sumNanos.add(nanos);
    }

    public double[] upperBoundsSeconds() {
        return BOUNDS.clone();
    }

    /** Observations per bucket (not cumulative), in the order of {@link #upperBoundsSeconds()}. */
    public long[] counts() {
        long[] out = new long[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts[i].sum();
        }
        return out;
    }

    public double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }
}
