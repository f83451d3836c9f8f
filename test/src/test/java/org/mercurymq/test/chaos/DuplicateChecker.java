package org.mercurymq.test.chaos;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * OpenChaos "duplicated": a key delivered more than once to one consumer group. At-least-once delivery
 * allows it; the checker counts and reports, it never fails a run. Stateless.
 */
public final class DuplicateChecker {
    private DuplicateChecker() {
    }

    public static Result check(History history, Collection<String> groups) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (String g : groups) {
            counts.put(g, new HashMap<>());
        }
        for (DeliveryRecord d : history.deliveries()) {
            Map<String, Integer> c = counts.get(d.consumerGroup);
            if (c != null) {
                c.merge(d.key, 1, Integer::sum);
            }
        }
        long extra = 0;
        long keys = 0;
        int max = 0;
        for (Map<String, Integer> c : counts.values()) {
            for (int n : c.values()) {
                if (n > 1) {
                    extra += n - 1;
                    keys++;
                    max = Math.max(max, n);
                }
            }
        }
        return new Result(extra, keys, max);
    }

    /** Extra deliveries beyond the first, keys delivered more than once, most deliveries of one key. */
    public static final class Result {
        public final long duplicates;
        public final long duplicatedKeys;
        public final int maxDeliveries;

        Result(long duplicates, long duplicatedKeys, int maxDeliveries) {
            this.duplicates = duplicates;
            this.duplicatedKeys = duplicatedKeys;
            this.maxDeliveries = maxDeliveries;
        }

        @Override
        public String toString() {
            return "duplicated=" + duplicates + " (" + duplicatedKeys + " keys, max " + maxDeliveries + "x)";
        }
    }
}
