package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenChaos "order" for an orderly consumer group: per sharding key, the OK sends in send order must be a
 * subsequence of the group's delivery sequence (redeliveries may repeat a stretch, nothing may come before
 * a message sent earlier). OK keys never delivered are the lost checker's business and are left out here.
 * Stateless.
 */
public final class OrderChecker {
    private OrderChecker() {
    }

    public static Result check(History history, String orderlyGroup) {
        Map<String, List<SendRecord>> okByShard = new HashMap<>();
        for (SendRecord s : history.sends()) {
            if (s.outcome == SendOutcome.OK && s.shardingKey != null) {
                okByShard.computeIfAbsent(s.shardingKey, k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, List<String>> deliveredByShard = new HashMap<>();
        Set<String> deliveredKeys = new HashSet<>();
        for (DeliveryRecord d : history.deliveries()) {
            if (d.consumerGroup.equals(orderlyGroup) && d.shardingKey != null) {
                deliveredByShard.computeIfAbsent(d.shardingKey, k -> new ArrayList<>()).add(d.key);
                deliveredKeys.add(d.key);
            }
        }
        Map<String, String> violations = new LinkedHashMap<>();
        for (Map.Entry<String, List<SendRecord>> e : okByShard.entrySet()) {
            List<SendRecord> sent = e.getValue();
            sent.sort((a, b) -> Long.compare(a.shardSeq, b.shardSeq));
            List<String> expected = new ArrayList<>();
            for (SendRecord s : sent) {
                if (deliveredKeys.contains(s.key)) {
                    expected.add(s.key);
                }
            }
            List<String> delivered = deliveredByShard.getOrDefault(e.getKey(), new ArrayList<>());
            // greedy matching decides "is a subsequence" exactly
            int matched = 0;
            for (String k : delivered) {
                if (matched < expected.size() && expected.get(matched).equals(k)) {
                    matched++;
                }
            }
            if (matched < expected.size()) {
                violations.put(e.getKey(), "expected " + expected.get(matched) + " after " + matched
                    + " in-order deliveries; delivered " + around(delivered, expected.get(matched)));
            }
        }
        return new Result(okByShard.size(), violations);
    }

    private static String around(List<String> delivered, String key) {
        int i = delivered.indexOf(key);
        if (i < 0) {
            return "never";
        }
        return delivered.subList(Math.max(0, i - 3), Math.min(delivered.size(), i + 4)).toString();
    }

    /** Sharding keys checked and, per key out of order, a short description. Immutable. */
    public static final class Result {
        public final int shards;
        public final Map<String, String> violations;

        Result(int shards, Map<String, String> violations) {
            this.shards = shards;
            this.violations = violations;
        }

        @Override
        public String toString() {
            return "order: " + violations.size() + " of " + shards + " sharding keys out of order"
                + (violations.isEmpty() ? "" : ", e.g. " + violations.entrySet().iterator().next());
        }
    }
}
