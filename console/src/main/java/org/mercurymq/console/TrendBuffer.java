package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The last {@code capacity} samples of some named series on one time axis, in uPlot's column layout (times,
 * then one value array per series; a series that was absent at a sample has null there), kept in a
 * {@link TrendJournal} too when it has one. Not thread-safe: its sampler guards it.
 */
final class TrendBuffer {
    private final int capacity;
    private final TrendJournal journal;
    private final Deque<Long> times = new LinkedList<>();
    private final Map<String, Deque<Long>> series = new LinkedHashMap<>();

    /** Memory only. */
    TrendBuffer(int capacity) {
        this(capacity, TrendJournal.none(), Long.MIN_VALUE);
    }

    /** Starts with the journal's samples at or after {@code notBeforeSeconds} and keeps new ones in it too. */
    TrendBuffer(int capacity, TrendJournal journal, long notBeforeSeconds) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.journal = journal;
        for (TrendJournal.Sample s : journal.replay(notBeforeSeconds)) {
            keep(s.timeSeconds(), s.values());
        }
    }

    /** Appends one sample at {@code timeSeconds}; series missing from {@code values} get null. */
    void add(long timeSeconds, Map<String, Long> values) {
        keep(timeSeconds, values);
        journal.append(timeSeconds, values);
        if (journal.lines() > 2L * capacity) {
            journal.rewrite(samples());
        }
    }

    /** The samples in the window, oldest first (a series absent at a sample is left out of its values). */
    List<TrendJournal.Sample> samples() {
        List<TrendJournal.Sample> out = new ArrayList<>(times.size());
        List<Iterator<Long>> columns = new ArrayList<>();
        series.values().forEach(d -> columns.add(d.iterator()));
        List<String> names = new ArrayList<>(series.keySet());
        for (long t : times) {
            Map<String, Long> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Long v = columns.get(i).next();
                if (v != null) {
                    values.put(names.get(i), v);
                }
            }
            out.add(new TrendJournal.Sample(t, values));
        }
        return out;
    }

    /** Closes the journal's file (shutdown). */
    void close() {
        journal.close();
    }

    private void keep(long timeSeconds, Map<String, Long> values) {
        for (String name : values.keySet()) {
            series.computeIfAbsent(name, n -> {
                // LinkedList: a gap is a null element, which ArrayDeque refuses
                Deque<Long> d = new LinkedList<>();
                for (int i = 0; i < times.size(); i++) {
                    d.addLast(null);
                }
                return d;
            });
        }
        times.addLast(timeSeconds);
        for (Map.Entry<String, Deque<Long>> e : series.entrySet()) {
            e.getValue().addLast(values.get(e.getKey()));
        }
        if (times.size() > capacity) {
            times.removeFirst();
            series.values().forEach(Deque::removeFirst);
        }
        // a series with nothing left in the window goes
        series.values().removeIf(d -> d.stream().allMatch(v -> v == null));
    }

    int size() {
        return times.size();
    }

    /** {@code {times:[s...], series:[{name, values:[...]}]}}. */
    Map<String, Object> toJson() {
        List<Object> list = new ArrayList<>();
        series.forEach((name, values) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("values", new ArrayList<>(values));
            list.add(s);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("times", new ArrayList<>(times));
        out.put("series", list);
        return out;
    }
}
