package org.mercurymq.broker.stats;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * The items of one stats name (e.g. {@code TOPIC_PUT_NUMS}) by key, created on first increment. Lookups of an
 * existing item take no lock. Thread-safe.
 */
public final class StatsItemSet {
    private final String statsName;
    private final ConcurrentMap<String, StatsItem> items = new ConcurrentHashMap<>();

    StatsItemSet(String statsName) {
        this.statsName = statsName;
    }

    public String getStatsName() {
        return statsName;
    }

    void add(String key, long value, long times) {
        StatsItem item = items.get(key);
        if (item == null) {
            item = items.computeIfAbsent(key, k -> new StatsItem(statsName, k));
        }
        item.add(value, times);
    }

    /** The item, or null if nothing was ever counted under the key. */
    public StatsItem find(String key) {
        return items.get(key);
    }

    /** A live view of the items (for exporters; iteration is weakly consistent). */
    public Collection<StatsItem> items() {
        return Collections.unmodifiableCollection(items.values());
    }

    int removeIf(Predicate<String> key) {
        int before = items.size();
        items.keySet().removeIf(key);
        return before - items.size();
    }

    void sampleMinute(long now) {
        for (StatsItem i : items.values()) {
            i.sampleMinute(now);
        }
    }

    void sampleHour(long now) {
        for (StatsItem i : items.values()) {
            i.sampleHour(now);
        }
    }

    void sampleDay(long now) {
        for (StatsItem i : items.values()) {
            i.sampleDay(now);
        }
    }
}
