package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Explains a loss for the failure message of a chaos test: for each group's first missing keys, the queue and
 * offset another group received it from, and the offsets of that queue the missing group did receive (as
 * ranges, per consumer instance, with the first and last delivery time) and the client log's lines about that
 * queue and group. It tells a store hole (no group has the key) from a consumer that skipped a range (another
 * group has it). Stateless.
 */
public final class LossForensics {
    private static final int KEYS_PER_GROUP = 3;
    private static final int CLIENT_LINES = 20;

    private LossForensics() {
    }

    public static String explain(History history, LostChecker.Result lost) {
        List<DeliveryRecord> deliveries = history.deliveries();
        StringBuilder sb = new StringBuilder();
        Set<String> queuesShown = new HashSet<>();
        lost.lostByGroup.forEach((group, keys) -> {
            for (String key : keys.subList(0, Math.min(KEYS_PER_GROUP, keys.size()))) {
                DeliveryRecord seen = deliveries.stream().filter(d -> d.key.equals(key)).findFirst().orElse(null);
                sb.append("\n  ").append(group).append(" misses ").append(key);
                if (seen == null) {
                    sb.append(": no group received it (not in the store's queues)");
                    continue;
                }
                sb.append(": ").append(seen.consumerGroup).append(" got it from ").append(seen.topic).append('/')
                    .append(seen.queue).append('@').append(seen.queueOffset).append(" at ").append(seen.timeMillis)
                    .append("; ").append(group).append(" got from there: ")
                    .append(ranges(deliveries, group, seen.topic, seen.queue));
                if (queuesShown.add(group + " " + seen.topic + "/" + seen.queue)) {
                    sb.append("\n  client log of ").append(group).append(" about ").append(seen.topic).append('/')
                        .append(seen.queue).append(':')
                        .append(LogExcerpts.clientQueueLines(group, seen.topic, seen.queue, CLIENT_LINES));
                }
            }
        });
        return sb.toString();
    }

    /** Per consumer: offset ranges received from {@code queue} and the time span of those deliveries. */
    private static String ranges(List<DeliveryRecord> deliveries, String group, String topic, String queue) {
        Map<String, TreeSet<Long>> offsets = new TreeMap<>();
        Map<String, long[]> span = new TreeMap<>();
        for (DeliveryRecord d : deliveries) {
            if (d.consumerGroup.equals(group) && d.topic.equals(topic) && d.queue.equals(queue)) {
                offsets.computeIfAbsent(d.consumer, c -> new TreeSet<>()).add(d.queueOffset);
                long[] s = span.computeIfAbsent(d.consumer, c -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                s[0] = Math.min(s[0], d.timeMillis);
                s[1] = Math.max(s[1], d.timeMillis);
            }
        }
        if (offsets.isEmpty()) {
            return "nothing";
        }
        List<String> parts = new ArrayList<>();
        offsets.forEach((consumer, set) -> {
            long[] s = span.get(consumer);
            parts.add(consumer + " " + compress(set) + " [" + s[0] + ".." + s[1] + "]");
        });
        return String.join("; ", parts);
    }

    private static String compress(TreeSet<Long> set) {
        List<String> runs = new ArrayList<>();
        long start = -1;
        long prev = -1;
        for (long o : set) {
            if (start < 0) {
                start = o;
            } else if (o != prev + 1) {
                runs.add(start == prev ? Long.toString(start) : start + "-" + prev);
                start = o;
            }
            prev = o;
        }
        runs.add(start == prev ? Long.toString(start) : start + "-" + prev);
        return String.join(",", runs);
    }
}
