package org.mercurymq.broker.metadata;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed consumer offsets, {@code topic@group} → queueId → next offset to consume (consumerOffset.json,
 * docs/protocol/behaviour.md §7). Commits are in memory; {@link #persist()} runs every flushConsumerOffsetInterval and at
 * shutdown. Thread-safe.
 */
public final class ConsumerOffsetManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerOffsetManager.class);
    private static final String SEPARATOR = "@";

    private final JsonConfigFile file;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> table = new ConcurrentHashMap<>(512);

    public ConsumerOffsetManager(JsonConfigFile file) {
        this.file = file;
    }

    static String key(String topic, String group) {
        return topic + SEPARATOR + group;
    }

    public void load() throws IOException {
        ConsumerOffsetSerializeWrapper loaded = file.load(
            text -> RemotingSerializable.fromJson(text, ConsumerOffsetSerializeWrapper.class));
        if (loaded == null || loaded.getOffsetTable() == null) {
            return;
        }
        for (Map.Entry<String, ConcurrentMap<Integer, Long>> e : loaded.getOffsetTable().entrySet()) {
            table.put(e.getKey(), new ConcurrentHashMap<>(e.getValue()));
        }
        LOG.info("loaded offsets of {} topic@group pairs from {}", table.size(), file.path());
    }

    public void persist() throws IOException {
        file.write(MetadataJson.pretty(snapshot()));
    }

    public ConsumerOffsetSerializeWrapper snapshot() {
        ConsumerOffsetSerializeWrapper w = new ConsumerOffsetSerializeWrapper();
        for (Map.Entry<String, ConcurrentMap<Integer, Long>> e : table.entrySet()) {
            w.getOffsetTable().put(e.getKey(), new ConcurrentHashMap<>(e.getValue()));
        }
        return w;
    }

    public void commitOffset(String clientHost, String group, String topic, int queueId, long offset) {
        ConcurrentMap<Integer, Long> queues = table.computeIfAbsent(key(topic, group), k -> new ConcurrentHashMap<>(32));
        Long old = queues.put(queueId, offset);
        if (old != null && offset < old) {
            LOG.info("offset of {}@{} queue {} moved back from {} to {} by {}", LogEscape.of(topic),
                LogEscape.of(group), queueId, old, offset,
                clientHost);
        }
    }

    /** The committed offset, or -1 when there is none. */
    public long queryOffset(String group, String topic, int queueId) {
        Map<Integer, Long> queues = table.get(key(topic, group));
        if (queues == null) {
            return -1;
        }
        Long offset = queues.get(queueId);
        return offset == null ? -1 : offset;
    }

    /** queueId → offset of one topic and group; empty when none. */
    public Map<Integer, Long> queryOffsets(String group, String topic) {
        Map<Integer, Long> queues = table.get(key(topic, group));
        return queues == null ? new HashMap<>() : new HashMap<>(queues);
    }

    /**
     * topic → group → (queueId → committed offset), a snapshot of the whole table; the store's forced
     * cleanup uses it to name the groups whose backlog it cuts (docs/store.md, "Retention").
     */
    public Map<String, Map<String, Map<Integer, Long>>> offsetsByTopic() {
        Map<String, Map<String, Map<Integer, Long>>> topics = new TreeMap<>();
        for (Map.Entry<String, ConcurrentMap<Integer, Long>> e : table.entrySet()) {
            String key = e.getKey();
            int at = key.lastIndexOf(SEPARATOR);
            if (at > 0) {
                topics.computeIfAbsent(key.substring(0, at), t -> new TreeMap<>())
                    .put(key.substring(at + 1), new HashMap<>(e.getValue()));
            }
        }
        return topics;
    }

    public Set<String> whichTopicByConsumer(String group) {
        Set<String> topics = new TreeSet<>();
        for (String key : table.keySet()) {
            int at = key.lastIndexOf(SEPARATOR);
            if (at > 0 && key.substring(at + 1).equals(group)) {
                topics.add(key.substring(0, at));
            }
        }
        return topics;
    }

    public Set<String> whichGroupByTopic(String topic) {
        Set<String> groups = new TreeSet<>();
        for (String key : table.keySet()) {
            int at = key.lastIndexOf(SEPARATOR);
            if (at > 0 && key.substring(0, at).equals(topic)) {
                groups.add(key.substring(at + 1));
            }
        }
        return groups;
    }

    /** Copies the offsets of {@code srcGroup} on {@code topic} to {@code destGroup}. */
    public void cloneOffset(String srcGroup, String destGroup, String topic) {
        Map<Integer, Long> src = table.get(key(topic, srcGroup));
        if (src != null) {
            table.put(key(topic, destGroup), new ConcurrentHashMap<>(src));
        }
    }

    /** Per queue, the smallest offset over the groups of {@code topic} not named in {@code filterGroups}. */
    public Map<Integer, Long> queryMinOffsetInAllGroup(String topic, String filterGroups) {
        Set<String> filtered = new TreeSet<>();
        if (filterGroups != null) {
            for (String g : filterGroups.split(",")) {
                filtered.add(g.trim());
            }
        }
        Map<Integer, Long> min = new HashMap<>();
        for (Map.Entry<String, ConcurrentMap<Integer, Long>> e : table.entrySet()) {
            int at = e.getKey().lastIndexOf(SEPARATOR);
            if (at <= 0 || !e.getKey().substring(0, at).equals(topic) || filtered.contains(e.getKey().substring(at + 1))) {
                continue;
            }
            for (Map.Entry<Integer, Long> q : e.getValue().entrySet()) {
                min.merge(q.getKey(), q.getValue(), Math::min);
            }
        }
        return min;
    }

    /**
     * Slave metadata sync (docs/protocol/behaviour.md §11): makes the table exactly the master's offsets and persists
     * them. The caller reports a failure to write the file.
     */
    public void replaceAllFromMaster(ConsumerOffsetSerializeWrapper master) throws IOException {
        Map<String, ConcurrentMap<Integer, Long>> wanted = master.getOffsetTable();
        if (wanted == null) {
            return;
        }
        for (Map.Entry<String, ConcurrentMap<Integer, Long>> e : wanted.entrySet()) {
            table.put(e.getKey(), new ConcurrentHashMap<>(e.getValue()));
        }
        table.keySet().retainAll(wanted.keySet());
        persist();
    }

    public void removeGroup(String group) {
        table.keySet().removeIf(key -> key.endsWith(SEPARATOR + group));
    }

    public void removeTopic(String topic) {
        table.keySet().removeIf(key -> key.startsWith(topic + SEPARATOR));
    }
}
