package org.mercurymq.broker.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The day totals of GET_BROKER_RUNTIME_INFO (docs/statistics.md "Runtime info"): the store's messages put and
 * transferred now, and their values at this and the previous local midnight. The "morning" values are taken
 * at the first midnight after start, so they are 0 until then. {@link #sample()} must be called every few
 * seconds. Thread-safe.
 */
public final class BrokerStats {
    private final LongSupplier msgPutTotal;
    private final LongSupplier msgGetTotal;
    private final LongSupplier clock;
    private final ZoneId zone;
    private volatile LocalDate today;
    private volatile long putYesterdayMorning;
    private volatile long putTodayMorning;
    private volatile long getYesterdayMorning;
    private volatile long getTodayMorning;

    /**
     * @param msgPutTotal messages stored since start (the store's putMessageTimesTotal)
     * @param msgGetTotal messages transferred since start (the store's transferred count)
     */
    public BrokerStats(LongSupplier msgPutTotal, LongSupplier msgGetTotal, LongSupplier clock, ZoneId zone) {
        this.msgPutTotal = msgPutTotal;
        this.msgGetTotal = msgGetTotal;
        this.clock = clock;
        this.zone = zone;
        this.today = date(clock.getAsLong());
    }

    private LocalDate date(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    /** Takes the day snapshots at day change. */
    public synchronized void sample() {
        LocalDate d = date(clock.getAsLong());
        if (!d.equals(today)) {
            putYesterdayMorning = putTodayMorning;
            getYesterdayMorning = getTodayMorning;
            putTodayMorning = msgPutTotal.getAsLong();
            getTodayMorning = msgGetTotal.getAsLong();
            today = d;
        }
    }

    public void putRuntimeInfo(Map<String, String> info) {
        info.put("msgPutTotalYesterdayMorning", String.valueOf(putYesterdayMorning));
        info.put("msgPutTotalTodayMorning", String.valueOf(putTodayMorning));
        info.put("msgPutTotalTodayNow", String.valueOf(msgPutTotal.getAsLong()));
        info.put("msgGetTotalYesterdayMorning", String.valueOf(getYesterdayMorning));
        info.put("msgGetTotalTodayMorning", String.valueOf(getTodayMorning));
        info.put("msgGetTotalTodayNow", String.valueOf(msgGetTotal.getAsLong()));
    }
}
