package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenChaos "lost": a message whose send was OK but which a consumer group never received. Run it after a
 * drain period (see {@link Drain}). Stateless.
 */
public final class LostChecker {
    private LostChecker() {
    }

    /** OK-sent keys missing from each group's deliveries, per group (empty lists when nothing is lost). */
    public static Result check(History history, Collection<String> groups) {
        Map<String, Set<String>> delivered = new HashMap<>();
        for (String g : groups) {
            delivered.put(g, new HashSet<>());
        }
        for (DeliveryRecord d : history.deliveries()) {
            Set<String> s = delivered.get(d.consumerGroup);
            if (s != null) {
                s.add(d.key);
            }
        }
        Map<String, List<String>> lost = new LinkedHashMap<>();
        for (String g : groups) {
            lost.put(g, new ArrayList<>());
        }
        long acked = 0;
        for (SendRecord s : history.sends()) {
            if (s.outcome != SendOutcome.OK) {
                continue;
            }
            acked++;
            for (String g : groups) {
                if (!delivered.get(g).contains(s.key)) {
                    lost.get(g).add(s.key);
                }
            }
        }
        return new Result(acked, lost);
    }

    /** Acked count and, per consumer group, the OK keys it never saw. Immutable. */
    public static final class Result {
        public final long acked;
        public final Map<String, List<String>> lostByGroup;

        Result(long acked, Map<String, List<String>> lostByGroup) {
            this.acked = acked;
            this.lostByGroup = lostByGroup;
        }

        /** Distinct OK keys missing from at least one group. */
        public long lost() {
            return lostKeys().size();
        }

        /** Lost keys whose OK came from broker group {@code brokerName}. */
        public long lostOn(History history, String brokerName) {
            Set<String> keys = lostKeys();
            return history.sends().stream()
                .filter(s -> s.outcome == SendOutcome.OK && brokerName.equals(s.brokerName) && keys.contains(s.key))
                .map(s -> s.key).distinct().count();
        }

        public Set<String> lostKeys() {
            Set<String> all = new HashSet<>();
            lostByGroup.values().forEach(all::addAll);
            return all;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("lost=" + lost() + " of " + acked + " acked");
            lostByGroup.forEach((g, keys) -> {
                if (!keys.isEmpty()) {
                    sb.append("; ").append(g).append(" misses ").append(keys.size()).append(", e.g. ")
                        .append(keys.subList(0, Math.min(5, keys.size())));
                }
            });
            return sb.toString();
        }
    }
}
