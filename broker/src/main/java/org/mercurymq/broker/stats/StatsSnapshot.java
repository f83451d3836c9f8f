package org.mercurymq.broker.stats;

/**
 * One window's figures as VIEW_BROKER_STATS_DATA (315) reports them (docs/statistics.md "Windows"): the value
 * added over the window ({@code sum}), that per second ({@code tps}), and the value per increment
 * ({@code avgpt}, e.g. bytes per message or milliseconds per pull). Immutable.
 */
public final class StatsSnapshot {
    public static final StatsSnapshot ZERO = new StatsSnapshot(0, 0, 0.0, 0.0);

    private final long sum;
    private final long times;
    private final double tps;
    private final double avgpt;

    public StatsSnapshot(long sum, long times, double tps, double avgpt) {
        this.sum = sum;
        this.times = times;
        this.tps = tps;
        this.avgpt = avgpt;
    }

    public long getSum() {
        return sum;
    }

    /** Increments over the window (not sent by 315). */
    public long getTimes() {
        return times;
    }

    public double getTps() {
        return tps;
    }

    public double getAvgpt() {
        return avgpt;
    }

    @Override
    public String toString() {
        return "sum=" + sum + " times=" + times + " tps=" + tps + " avgpt=" + avgpt;
    }
}
