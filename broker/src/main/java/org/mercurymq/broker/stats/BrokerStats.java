package org.mercurymq.broker.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The broker's own counters for GET_BROKER_RUNTIME_INFO and consume stats (docs/protocol/behaviour.md §13): messages put
 * and transferred in total with their snapshots at yesterday's and today's midnight, and the get rate of
 * each {@code topic@group} over the last minute. {@link #sample()} must be called every few seconds.
 * Thread-safe.
 */
public final class BrokerStats {
    private static final int GROUP_WINDOW_SAMPLES = 7;

    private final LongSupplier clock;
    private final ZoneId zone;
    private final LongAdder msgPutTotal = new LongAdder();
    private final LongAdder msgGetTotal = new LongAdder();
    private final ConcurrentMap<String, GroupCounter> groupGets = new ConcurrentHashMap<>();
    private volatile LocalDate today;
    private volatile long putYesterdayMorning;
    private volatile long putTodayMorning;
    private volatile long getYesterdayMorning;
    private volatile long getTodayMorning;

    public BrokerStats(LongSupplier clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.today = date(clock.getAsLong());
    }

    private LocalDate date(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    public void onPut(int messages) {
        msgPutTotal.add(messages);
    }

    public void onGet(String topic, String group, int messages) {
        msgGetTotal.add(messages);
        groupGets.computeIfAbsent(topic + "@" + group, k -> new GroupCounter()).count.add(messages);
    }

    /** Takes the day snapshots at day change and a rate sample per group. */
    public synchronized void sample() {
        long now = clock.getAsLong();
        LocalDate d = date(now);
        if (!d.equals(today)) {
            putYesterdayMorning = putTodayMorning;
            getYesterdayMorning = getTodayMorning;
            putTodayMorning = msgPutTotal.sum();
            getTodayMorning = msgGetTotal.sum();
            today = d;
        }
        for (GroupCounter c : groupGets.values()) {
            c.sample(now);
        }
    }

    /** Messages per second pulled by {@code group} from {@code topic} over the last minute. */
    public double groupGetTps(String topic, String group) {
        GroupCounter c = groupGets.get(topic + "@" + group);
        return c == null ? 0 : c.tps();
    }

    public void putRuntimeInfo(Map<String, String> info) {
        info.put("msgPutTotalYesterdayMorning", String.valueOf(putYesterdayMorning));
        info.put("msgPutTotalTodayMorning", String.valueOf(putTodayMorning));
        info.put("msgPutTotalTodayNow", String.valueOf(msgPutTotal.sum()));
        info.put("msgGetTotalYesterdayMorning", String.valueOf(getYesterdayMorning));
        info.put("msgGetTotalTodayMorning", String.valueOf(getTodayMorning));
        info.put("msgGetTotalTodayNow", String.valueOf(msgGetTotal.sum()));
    }

    public long msgPutTotal() {
        return msgPutTotal.sum();
    }

    public long msgGetTotal() {
        return msgGetTotal.sum();
    }

    private static final class GroupCounter {
        final LongAdder count = new LongAdder();
        final Deque<long[]> samples = new ArrayDeque<>();

        synchronized void sample(long now) {
            samples.addLast(new long[] {now, count.sum()});
            while (samples.size() > GROUP_WINDOW_SAMPLES) {
                samples.removeFirst();
            }
        }

        synchronized double tps() {
            if (samples.size() < 2) {
                return 0;
            }
            long[] first = samples.peekFirst();
            long[] last = samples.peekLast();
            long millis = last[0] - first[0];
            return millis <= 0 ? 0 : (last[1] - first[1]) * 1000.0 / millis;
        }
    }
}
