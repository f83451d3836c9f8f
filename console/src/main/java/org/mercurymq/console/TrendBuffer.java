package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The last {@code capacity} samples of some named series on one time axis, in uPlot's column layout (times,
 * then one value array per series; a series that was absent at a sample has null there). Not thread-safe:
 * the {@link DashboardSampler} guards it.
 */
final class TrendBuffer {
    private final int capacity;
    private final Deque<Long> times = new LinkedList<>();
    private final Map<String, Deque<Long>> series = new LinkedHashMap<>();

    TrendBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends one sample at {@code timeSeconds}; series missing from {@code values} get null. */
    void add(long timeSeconds, Map<String, Long> values) {
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
