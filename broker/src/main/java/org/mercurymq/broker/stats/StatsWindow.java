package org.mercurymq.broker.stats;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A rolling window of cumulative samples {@code (time, times, value)} of one stats item: the last
 * {@code capacity} samples are kept and the window's figures are the difference between the newest and the
 * oldest (docs/statistics.md "Windows"). The first sample is preceded by a synthetic zero sample one
 * interval earlier, so an item's first interval counts everything it gathered before it. Thread-safe
 * (sampling and reading are rare; the put path never touches this class).
 */
final class StatsWindow {
    private final int capacity;
    private final long intervalMillis;
    private final Deque<long[]> samples = new ArrayDeque<>();

    StatsWindow(int capacity, long intervalMillis) {
        this.capacity = capacity;
        this.intervalMillis = intervalMillis;
    }

    synchronized void sample(long now, long times, long value) {
        if (samples.isEmpty()) {
            samples.addLast(new long[] {now - intervalMillis, 0, 0});
        }
        samples.addLast(new long[] {now, times, value});
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    synchronized StatsSnapshot snapshot() {
        if (samples.isEmpty()) {
            return StatsSnapshot.ZERO;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        long sum = last[2] - first[2];
        long times = last[1] - first[1];
        long millis = last[0] - first[0];
        // RocketMQ divides by zero here (NaN) when two samples share a timestamp; 0 keeps the JSON valid.
        double tps = millis == 0 ? 0.0 : sum * 1000.0 / millis;
        double avgpt = times > 0 ? sum / (double) times : 0.0;
        return new StatsSnapshot(sum, times, tps, avgpt);
    }
}
