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

    @Override
    public String toString() {
        return count() == 0 ? "none" : "max " + max() + " ms, mean " + mean() + " ms over " + count();
    }
}
