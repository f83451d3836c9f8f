package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of durations in milliseconds with count, max and mean. Immutable. */
public final class Windows {
    private final List<Long> millis;

    Windows(List<Long> millis) {
        this.millis = Collections.unmodifiableList(new ArrayList<>(millis));
    }

    public List<Long> millis() {
        return millis;
    }

    public int count() {
        return millis.size();
    }

    public long max() {
        return millis.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    public long mean() {
        return (long) millis.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** The value at quantile {@code q} (0..1) by nearest rank; 0 when empty. */
    public long percentile(double q) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Latencies (end - start) of the OK sends that started in [from, to). */
    public static Windows sendLatencies(History history, long from, long to) {
        List<Long> l = new ArrayList<>();
        for (SendRecord s : history.sends()) {
            if (s.outcome == SendOutcome.OK && s.startMillis >= from && s.startMillis < to) {
                l.add(s.endMillis - s.startMillis);
            }
        }
        return new Windows(l);
    }

    @Override
    public String toString() {
        return count() == 0 ? "none" : "max " + max() + " ms, mean " + mean() + " ms over " + count();
    }
}
