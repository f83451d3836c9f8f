package org.mercurymq.store.retention;

import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.store.StoreStats;
import org.mercurymq.store.queue.ConsumeQueue;
import org.mercurymq.store.queue.ConsumeQueueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts for a forced cleanup (docs/store.md, "Retention"): counts, from the consume queues, the messages
 * in the unexpired commit-log range that was deleted, and how many of them each consumer group had not
 * consumed yet; logs one line and adds to the store statistics. Must run after the commit-log segments
 * are deleted and before the consume-queue entries pointing at them are. Thread-safety: one cleaner thread.
 */
public final class ForcedCleanReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ForcedCleanReporter.class);
    private static final int GROUPS_LOGGED = 20;

    private final ConsumeQueueTable consumeQueues;
    private final ConsumerProgress consumerProgress;
    private final StoreStats stats;

    public ForcedCleanReporter(ConsumeQueueTable consumeQueues, ConsumerProgress consumerProgress, StoreStats stats) {
        this.consumeQueues = consumeQueues;
        this.consumerProgress = consumerProgress;
        this.stats = stats;
    }

    /** What one forced deletion cost. */
    public record Report(long deletedMessages, long unconsumedMessages, Map<String, Long> cutByGroup) {
    }

    /** Accounts for the deletion of the unexpired commit-log range [from, to); {@code why} names the trigger. */
    public Report report(long from, long to, String why) {
        long deleted = 0;
        long unconsumed = 0;
        Map<String, Long> cutByGroup = new TreeMap<>();
        Map<String, Map<String, Map<Integer, Long>>> offsets = consumerProgress.committedOffsets();
        for (String topic : consumeQueues.topics()) {
            Map<String, Map<Integer, Long>> groups = offsets.getOrDefault(topic, Map.of());
            for (int queueId : consumeQueues.queueIds(topic)) {
                ConsumeQueue cq = consumeQueues.find(topic, queueId);
                if (cq == null) {
                    continue;
                }
                long first = cq.queueOffsetAtOrAfter(from);
                long end = cq.queueOffsetAtOrAfter(to);
                if (end <= first) {
                    continue;
                }
                deleted += end - first;
                long queueUnconsumed = 0;
                for (var group : groups.entrySet()) {
                    Long committed = group.getValue().get(queueId);
                    long consumedUpTo = committed == null || committed < 0 ? 0 : committed;
                    long cut = end - Math.max(first, consumedUpTo);
                    if (cut > 0) {
                        cutByGroup.merge(group.getKey(), cut, Long::sum);
                        queueUnconsumed = Math.max(queueUnconsumed, cut);
                    }
                }
                unconsumed += queueUnconsumed;
            }
        }
        stats.onForcedClean(deleted, unconsumed);
        Map<String, Long> logged = new TreeMap<>();
        cutByGroup.entrySet().stream().limit(GROUPS_LOGGED).forEach(e -> logged.put(e.getKey(), e.getValue()));
        String groups = cutByGroup.size() > GROUPS_LOGGED
            ? logged + " and " + (cutByGroup.size() - GROUPS_LOGGED) + " more groups" : logged.toString();
        if (unconsumed > 0) {
            LOG.error("forced cleanup ({}) deleted {} unexpired messages at commit-log offsets [{}, {}) ({} bytes);"
                    + " {} of them were not consumed yet; backlog cut per consumer group: {}", why, deleted, from, to,
                to - from, unconsumed, groups);
        } else {
            LOG.warn("forced cleanup ({}) deleted {} unexpired messages at commit-log offsets [{}, {}) ({} bytes);"
                + " every consumer group known had consumed them", why, deleted, from, to, to - from);
        }
        return new Report(deleted, unconsumed, cutByGroup);
    }
}
