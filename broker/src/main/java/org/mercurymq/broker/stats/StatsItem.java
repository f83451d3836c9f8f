package org.mercurymq.broker.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * One named counter of a {@link StatsItemSet}: a cumulative {@code value} (messages, bytes or milliseconds)
 * and {@code times} (increments, usually requests) in striped adders, so the put and pull paths add without a
 * lock, plus the minute, hour and day windows the sampler fills. Thread-safe.
 */
public final class StatsItem {
    /** Minute window: a sample every 10 s, 7 kept (60 s). */
    static final long MINUTE_INTERVAL_MILLIS = 10_000;
    /** Hour window: a sample every 10 min, 7 kept (60 min). */
    static final long HOUR_INTERVAL_MILLIS = 600_000;
    /** Day window: a sample every hour, 25 kept (24 h). */
    static final long DAY_INTERVAL_MILLIS = 3_600_000;

    private final String statsName;
    private final String statsKey;
    private final LongAdder value = new LongAdder();
    private final LongAdder times = new LongAdder();
    private final StatsWindow minute = new StatsWindow(7, MINUTE_INTERVAL_MILLIS);
    private final StatsWindow hour = new StatsWindow(7, HOUR_INTERVAL_MILLIS);
    private final StatsWindow day = new StatsWindow(25, DAY_INTERVAL_MILLIS);

    StatsItem(String statsName, String statsKey) {
        this.statsName = statsName;
        this.statsKey = statsKey;
    }

    void add(long v, long t) {
        value.add(v);
        if (t != 0) {
            times.add(t);
        }
    }

    public String getStatsName() {
        return statsName;
    }

    public String getStatsKey() {
        return statsKey;
    }

    /** Cumulative value since the item was created (a Prometheus-style counter). */
    public long getValue() {
        return value.sum();
    }

    /** Cumulative increments since the item was created. */
    public long getTimes() {
        return times.sum();
    }

    public StatsSnapshot getStatsDataInMinute() {
        return minute.snapshot();
    }

    public StatsSnapshot getStatsDataInHour() {
        return hour.snapshot();
    }

    public StatsSnapshot getStatsDataInDay() {
        return day.snapshot();
    }

    void sampleMinute(long now) {
        minute.sample(now, times.sum(), value.sum());
    }

    void sampleHour(long now) {
        hour.sample(now, times.sum(), value.sum());
    }

    void sampleDay(long now) {
        day.sample(now, times.sum(), value.sum());
    }
}
