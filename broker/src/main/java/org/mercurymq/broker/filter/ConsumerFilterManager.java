package org.mercurymq.broker.filter;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.mercurymq.broker.metadata.JsonConfigFile;
import org.mercurymq.broker.filter.sql.SqlCompileException;
import org.mercurymq.broker.filter.sql.SqlParser;
import org.mercurymq.broker.filter.sql.SqlSelector;
import org.mercurymq.common.filter.ExpressionType;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQL92 filters registered by consumer heartbeats, topic → group → {@link ConsumerFilterData}
 * (docs/broker.md, "SQL92 filtering"). A heartbeat registers each non-TAG subscription once per subscription
 * version (compiling it then, never per message); a newer version with a changed expression replaces it, or
 * removes it when the new one does not compile; topics the group no longer sends, and all of a group whose
 * last member left, are marked dead. Persisted as {@code config/consumerFilter.json} in RocketMQ's layout;
 * dead entries older than {@code filterDataCleanTimeSpan} are dropped on write. Thread-safe: changes are
 * serialized on this object, lookups are lock-free.
 */
public final class ConsumerFilterManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerFilterManager.class);
    /** Loaded entries count as dead since 30 s before start, until a heartbeat revives them. */
    private static final long LOADED_DEAD_BACKDATE_MILLIS = 30_000;

    private final ConcurrentMap<String, ConcurrentMap<String, ConsumerFilterData>> byTopic = new ConcurrentHashMap<>();
    /** Why the last registration of group@topic failed to compile (for the 27 answer of the next pull). */
    private final ConcurrentMap<String, String> compileErrors = new ConcurrentHashMap<>();
    private final JsonConfigFile file;
    private final BloomFilter bloom;
    private final LongSupplier clock;
    private final LongSupplier cleanTimeSpanMillis;

    public ConsumerFilterManager(JsonConfigFile file, BloomFilter bloom, LongSupplier clock,
                                 LongSupplier cleanTimeSpanMillis) {
        this.file = file;
        this.bloom = bloom;
        this.clock = clock;
        this.cleanTimeSpanMillis = cleanTimeSpanMillis;
    }

    public ConsumerFilterData get(String topic, String group) {
        Map<String, ConsumerFilterData> groups = byTopic.get(topic);
        return groups == null ? null : groups.get(group);
    }

    /** The compile error of the last rejected registration of this group and topic, or null. */
    public String compileError(String topic, String group) {
        return compileErrors.get(group + "@" + topic);
    }

    /** A consumer heartbeat of {@code group} with these subscriptions. */
    public synchronized void register(String group, Collection<SubscriptionData> subscriptions) {
        Set<String> topics = new HashSet<>();
        for (SubscriptionData sub : subscriptions) {
            topics.add(sub.getTopic());
            register(group, sub);
        }
        long now = clock.getAsLong();
        for (Map<String, ConsumerFilterData> groups : byTopic.values()) {
            ConsumerFilterData data = groups.get(group);
            if (data != null && !data.isDead() && !topics.contains(data.topic())) {
                data.markDead(now);
                LOG.info("consumer filter {} is no longer subscribed, marked dead", data);
            }
        }
    }

    private void register(String group, SubscriptionData sub) {
        String type = sub.getExpressionType();
        String expression = sub.getSubString();
        if (ExpressionType.isTagType(type) || expression == null || expression.isEmpty()) {
            return;
        }
        String topic = sub.getTopic();
        long version = sub.getSubVersion();
        ConcurrentMap<String, ConsumerFilterData> groups = byTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        ConsumerFilterData old = groups.get(group);
        if (old != null && version <= old.clientVersion()) {
            if (version == old.clientVersion() && old.isDead()) {
                old.reAlive();
                LOG.info("consumer filter {} is alive again", old);
            }
            return;
        }
        int[] bits = bloom.bitPositions(group + "#" + topic);
        if (old != null && old.expression().equals(expression) && old.expressionType().equals(type)
            && old.bloomBitNum() == bloom.m() && java.util.Arrays.equals(old.bloomBitPos(), bits)) {
            old.setClientVersion(version);
            old.reAlive();
            return;
        }
        ConsumerFilterData data = build(group, topic, expression, type, version, bits);
        if (data == null) {
            if (old != null) {
                groups.remove(group);
                LOG.warn("consumer filter {} removed: its new expression does not compile", old);
            }
            return;
        }
        groups.put(group, data);
        LOG.info("consumer filter registered: {}", data);
    }

    private ConsumerFilterData build(String group, String topic, String expression, String type, long version,
                                     int[] bits) {
        String key = group + "@" + topic;
        if (!ExpressionType.SQL92.equals(type)) {
            compileErrors.put(key, "unsupported expression type " + type);
            LOG.warn("consumer filter of {} not registered: unsupported expression type {}", key, type);
            return null;
        }
        try {
            SqlSelector selector = SqlParser.compile(expression);
            compileErrors.remove(key);
            if (selector.ignoredTail() != null) {
                LOG.warn("consumer filter of {}: text [{}] after the expression is ignored, as RocketMQ 4.9.7 does; "
                    + "filtering by [{}]", key, selector.ignoredTail(), selector);
            }
            return new ConsumerFilterData(group, topic, expression, type, selector, clock.getAsLong(), 0, version,
                bloom.m(), bits);
        } catch (SqlCompileException e) {
            compileErrors.put(key, e.getMessage());
            LOG.warn("consumer filter of {} not registered, expression [{}] does not compile: {}", key, expression,
                e.getMessage());
            return null;
        }
    }

    /** The group's last member left: all its filters die (and are dropped filterDataCleanTimeSpan later). */
    public synchronized void unregister(String group) {
        long now = clock.getAsLong();
        for (Map<String, ConsumerFilterData> groups : byTopic.values()) {
            ConsumerFilterData data = groups.get(group);
            if (data != null && !data.isDead()) {
                data.markDead(now);
                LOG.info("consumer group {} has no member any more, filter {} marked dead", group, data);
            }
        }
    }

    /** Drops long-dead entries and writes the file. */
    public synchronized void persist() throws IOException {
        long now = clock.getAsLong();
        long span = cleanTimeSpanMillis.getAsLong();
        byTopic.forEach((topic, groups) -> groups.values().removeIf(d -> {
            boolean drop = d.isDead() && now - d.deadTime() >= span;
            if (drop) {
                LOG.info("consumer filter {} dead for {} ms, dropped", d, now - d.deadTime());
            }
            return drop;
        }));
        byTopic.values().removeIf(Map::isEmpty);
        file.write(encode());
    }

    String encode() {
        JSONObject topics = new JSONObject(new TreeMap<>());
        for (Map.Entry<String, ConcurrentMap<String, ConsumerFilterData>> t : new TreeMap<>(byTopic).entrySet()) {
            JSONObject groups = new JSONObject(new TreeMap<>());
            for (ConsumerFilterData d : t.getValue().values()) {
                groups.put(d.consumerGroup(), toJson(d));
            }
            JSONObject topic = new JSONObject(new LinkedHashMap<>());
            topic.put("groupFilterData", groups);
            topic.put("topic", t.getKey());
            topics.put(t.getKey(), topic);
        }
        JSONObject root = new JSONObject(new LinkedHashMap<>());
        root.put("filterDataByTopic", topics);
        return JSON.toJSONString(root);
    }

    private static JSONObject toJson(ConsumerFilterData d) {
        JSONObject bloomData = new JSONObject(new LinkedHashMap<>());
        bloomData.put("bitNum", d.bloomBitNum());
        bloomData.put("bitPos", d.bloomBitPos());
        JSONObject o = new JSONObject(new LinkedHashMap<>());
        o.put("bloomFilterData", bloomData);
        o.put("bornTime", d.bornTime());
        o.put("clientVersion", d.clientVersion());
        o.put("consumerGroup", d.consumerGroup());
        o.put("dead", d.isDead());
        o.put("deadTime", d.deadTime());
        o.put("expression", d.expression());
        o.put("expressionType", d.expressionType());
        o.put("topic", d.topic());
        return o;
    }

    /**
     * Loads the file: every expression is recompiled, and entries count as dead until their consumers' next
     * heartbeat. A file made with other bloom parameters is ignored as a whole (as RocketMQ does).
     */
    public synchronized void load() throws IOException {
        List<ConsumerFilterData> loaded = file.load(this::decode);
        if (loaded == null) {
            return;
        }
        long now = clock.getAsLong();
        int entries = 0;
        for (ConsumerFilterData d : loaded) {
            if (d.deadTime() == 0) {
                d.markDead(now - LOADED_DEAD_BACKDATE_MILLIS);
            }
            byTopic.computeIfAbsent(d.topic(), t -> new ConcurrentHashMap<>()).put(d.consumerGroup(), d);
            entries++;
        }
        LOG.info("loaded {} consumer filters from {}", entries, file.path());
    }

    private List<ConsumerFilterData> decode(String json) {
        JSONObject root = JSON.parseObject(json);
        JSONObject topics = root == null ? null : root.getJSONObject("filterDataByTopic");
        List<ConsumerFilterData> out = new ArrayList<>();
        if (topics == null) {
            return out;
        }
        for (String topic : topics.keySet()) {
            JSONObject groups = topics.getJSONObject(topic).getJSONObject("groupFilterData");
            if (groups == null) {
                continue;
            }
            for (String group : groups.keySet()) {
                JSONObject o = groups.getJSONObject(group);
                JSONObject bloomData = o.getJSONObject("bloomFilterData");
                int bitNum = bloomData == null ? -1 : bloomData.getIntValue("bitNum");
                JSONArray pos = bloomData == null ? null : bloomData.getJSONArray("bitPos");
                int[] bitPos = pos == null ? null : pos.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
                if (!bloom.fits(bitNum, bitPos)) {
                    LOG.warn("{} was written with other bloom filter parameters (bitNum {}, expected {}): ignored",
                        file.path(), bitNum, bloom.m());
                    return new ArrayList<>();
                }
                String expression = o.getString("expression");
                String type = o.getString("expressionType");
                SqlSelector selector;
                try {
                    selector = SqlParser.compile(expression);
                } catch (SqlCompileException e) {
                    LOG.warn("stored consumer filter of {}@{} [{}] does not compile, dropped: {}", group, topic,
                        expression, e.getMessage());
                    continue;
                }
                out.add(new ConsumerFilterData(group, topic, expression, type, selector, o.getLongValue("bornTime"),
                    o.getLongValue("deadTime"), o.getLongValue("clientVersion"), bitNum, bitPos));
            }
        }
        return out;
    }
}
