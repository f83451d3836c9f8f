package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Timestamped samples in milliseconds (a send's completion time and latency, or a delivery's time and
 * end-to-end delay), with per-window percentiles, rates and the longest gap between samples. Thread-safe.
 */
final class SendLog {
    private final List<long[]> samples = new ArrayList<>();

    private volatile long lastMillis;

    synchronized void record(long atMillis, long valueMillis) {
        samples.add(new long[] {atMillis, valueMillis});
        lastMillis = Math.max(lastMillis, atMillis);
    }

    /** Time of the latest sample, 0 before the first. */
    long lastMillis() {
        return lastMillis;
    }

    /** Samples whose time is in [from, to). */
    synchronized Window window(long from, long to) {
        List<Long> values = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (long[] s : samples) {
            if (s[0] >= from && s[0] < to) {
                values.add(s[1]);
                times.add(s[0]);
            }
        }
        return new Window(from, to, values, times);
    }

    /** Percentiles, count per second and longest silence of one window. Immutable. */
    static final class Window {
        final long from;
        final long to;
        private final List<Long> sorted;
        private final List<Long> times;

        Window(long from, long to, List<Long> values, List<Long> times) {
            this.from = from;
            this.to = to;
            this.sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            this.times = new ArrayList<>(times);
            Collections.sort(this.times);
        }

        int count() {
            return sorted.size();
        }

        long percentile(double q) {
            if (sorted.isEmpty()) {
                return -1;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1 < 0 ? 0
                : (int) Math.ceil(q * sorted.size()) - 1));
        }

        long max() {
            return sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
        }

        double perSecond() {
            return to > from ? count() * 1000.0 / (to - from) : 0;
        }

        /** Longest time in the window without a sample, counting from its start and up to its end. */
        long longestGapMillis() {
            long prev = from;
            long gap = 0;
            for (long t : times) {
                gap = Math.max(gap, t - prev);
                prev = t;
            }
            return Math.max(gap, to - prev);
        }

        @Override
        public String toString() {
            return String.format("n=%d rate=%.0f/s p50=%dms p99=%dms max=%dms longestGap=%dms", count(), perSecond(),
                percentile(0.5), percentile(0.99), max(), longestGapMillis());
        }
    }
}
