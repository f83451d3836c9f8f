package org.mercurymq.store.queue;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.mercurymq.store.DispatchRequest;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All consume queues of the store, by topic and queue id, loaded from {@code consumequeue/<topic>/<id>}.
 * Thread-safe; each queue has a single writer (the dispatcher).
 */
public final class ConsumeQueueTable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueueTable.class);

    private final String storePath;
    private final int mappedFileSize;
    private final ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> table = new ConcurrentHashMap<>();

    public ConsumeQueueTable(String storePath, int mappedFileSize) {
        this.storePath = storePath;
        this.mappedFileSize = mappedFileSize;
    }

    public void load() {
        File[] topicDirs = new File(storePath).listFiles();
        if (topicDirs == null) {
            return;
        }
        int queues = 0;
        for (File topicDir : topicDirs) {
            File[] queueDirs = topicDir.listFiles();
            if (!topicDir.isDirectory() || queueDirs == null) {
                continue;
            }
            for (File queueDir : queueDirs) {
                int queueId;
                try {
                    queueId = Integer.parseInt(queueDir.getName());
                } catch (NumberFormatException e) {
                    LOG.warn("ignoring foreign directory {}", queueDir);
                    continue;
                }
                ConsumeQueue cq = new ConsumeQueue(topicDir.getName(), queueId, storePath, mappedFileSize);
                cq.load();
                table.computeIfAbsent(topicDir.getName(), t -> new ConcurrentHashMap<>()).put(queueId, cq);
                queues++;
            }
        }
        LOG.info("loaded {} consume queues from {}", queues, storePath);
    }

    public ConsumeQueue find(String topic, int queueId) {
        ConcurrentMap<Integer, ConsumeQueue> queues = table.get(topic);
        return queues == null ? null : queues.get(queueId);
    }

    public ConsumeQueue findOrCreate(String topic, int queueId) {
        // plain look-ups first: computeIfAbsent's capturing lambdas cost an allocation on every dispatched message
        ConcurrentMap<Integer, ConsumeQueue> queues = table.get(topic);
        if (queues == null) {
            queues = table.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        ConsumeQueue cq = queues.get(queueId);
        if (cq == null) {
            cq = queues.computeIfAbsent(queueId, id -> new ConsumeQueue(topic, id, storePath, mappedFileSize));
        }
        return cq;
    }

    public void forEach(Consumer<ConsumeQueue> action) {
        for (ConcurrentMap<Integer, ConsumeQueue> queues : table.values()) {
            for (ConsumeQueue cq : queues.values()) {
                action.accept(cq);
            }
        }
    }

    public boolean isEmpty() {
        return table.isEmpty();
    }

    /** Recovers every queue; returns the max commit-log end referenced by any of them (-1 if none). */
    public long recoverAll() {
        long max = -1;
        for (ConcurrentMap<Integer, ConsumeQueue> queues : table.values()) {
            for (ConsumeQueue cq : queues.values()) {
                cq.recover();
                max = Math.max(max, cq.getMaxPhysicOffset());
            }
        }
        return max;
    }

    /**
     * Where re-dispatch must start to rebuild the damaged queues ({@link ConsumeQueue#isDamaged()}): the
     * lowest commit-log end among them (0 for one left empty), or {@code Long.MAX_VALUE} when none is.
     * Valid after {@link #recoverAll()}.
     */
    public long rebuildFrom() {
        long[] from = {Long.MAX_VALUE};
        forEach(cq -> {
            if (cq.isDamaged()) {
                from[0] = Math.min(from[0], Math.max(0, cq.getMaxPhysicOffset()));
            }
        });
        return from[0];
    }

    /** The next queue offset of every queue, keyed {@code topic-queueId}. */
    public Map<String, Long> nextOffsets() {
        Map<String, Long> offsets = new HashMap<>();
        forEach(cq -> offsets.put(cq.getTopic() + '-' + cq.getQueueId(), cq.getMaxOffsetInQueue()));
        return offsets;
    }

    /** Writes the entry for a dispatched record (prepared and rolled-back transactions get none). */
    public boolean dispatch(DispatchRequest request) {
        int tranType = MessageSysFlag.getTransactionValue(request.getSysFlag());
        if (tranType == MessageSysFlag.TRANSACTION_PREPARED_TYPE || tranType == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return true;
        }
        ConsumeQueue cq = findOrCreate(request.getTopic(), request.getQueueId());
        return cq.putMessagePositionInfo(request.getCommitLogOffset(), request.getMsgSize(), request.getTagsCode(),
            request.getConsumeQueueOffset());
    }

    /** Why the queue's last segment creation failed, or null. */
    public java.io.IOException lastCreateFailure(String topic, int queueId) {
        return findOrCreate(topic, queueId).lastCreateFailure();
    }

    public void truncateDirty(long phyOffset) {
        forEach(cq -> {
            if (cq.getMaxPhysicOffset() > phyOffset) {
                cq.truncateDirtyLogicFiles(phyOffset);
            }
        });
    }

    public void correctMinOffsets(long phyMinOffset) {
        forEach(cq -> cq.correctMinOffset(phyMinOffset));
    }

    /** Flushes every queue (an I/O failure propagates as UncheckedIOException). */
    public void flushAll(int leastPages) {
        forEach(cq -> cq.flush(leastPages));
    }

    /** Removes the queues of these topics and their files. */
    public int deleteTopics(Set<String> topics) {
        int deleted = 0;
        for (String topic : topics) {
            ConcurrentMap<Integer, ConsumeQueue> queues = table.remove(topic);
            if (queues == null) {
                continue;
            }
            for (ConsumeQueue cq : queues.values()) {
                cq.destroy();
                deleted++;
            }
            new File(storePath, topic).delete();
            LOG.info("deleted consume queues of topic {}", topic);
        }
        return deleted;
    }

    /** Removes a single queue (e.g. it lies wholly below the commit-log min offset). */
    public void remove(ConsumeQueue cq) {
        ConcurrentMap<Integer, ConsumeQueue> queues = table.get(cq.getTopic());
        if (queues != null && queues.remove(cq.getQueueId(), cq)) {
            cq.destroy();
            if (queues.isEmpty()) {
                table.remove(cq.getTopic(), queues);
            }
        }
    }

    /** The queue ids of {@code topic}, empty when it has none. */
    public List<Integer> queueIds(String topic) {
        ConcurrentMap<Integer, ConsumeQueue> queues = table.get(topic);
        return queues == null ? List.of() : new ArrayList<>(queues.keySet());
    }

    public List<String> topics() {
        return new ArrayList<>(table.keySet());
    }

    public void shutdown() {
        forEach(ConsumeQueue::shutdown);
    }

    public void destroy() {
        forEach(ConsumeQueue::destroy);
        table.clear();
    }
}
