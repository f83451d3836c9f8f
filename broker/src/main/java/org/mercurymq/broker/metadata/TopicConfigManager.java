package org.mercurymq.broker.metadata;

import com.alibaba.fastjson2.JSON;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topic table (topics.json): built-in topics (docs/protocol/behaviour.md §1), loaded topics, auto-creation
 * from TBW102 on send (§3) and on demand for retry/DLQ/system topics, admin updates and deletes. Every
 * change bumps the data version, is persisted and reported to the change listener (which registers the
 * broker with the name servers). Creation is serialized; reads are lock-free. Thread-safe.
 */
public final class TopicConfigManager {
    private static final Logger LOG = LoggerFactory.getLogger(TopicConfigManager.class);

    private final Supplier<BrokerConfig> config;
    private final JsonConfigFile file;
    private final LongSupplier clock;
    private final ConcurrentMap<String, TopicConfig> table = new ConcurrentHashMap<>();
    private final Object createLock = new Object();
    private volatile Runnable changeListener = () -> { };
    private volatile DataVersion dataVersion;

    public TopicConfigManager(Supplier<BrokerConfig> config, JsonConfigFile file, LongSupplier clock) {
        this.config = config;
        this.file = file;
        this.clock = clock;
        this.dataVersion = new DataVersion(clock.getAsLong(), 0);
        for (TopicConfig t : builtInTopics(config.get()).values()) {
            table.put(t.getTopicName(), t);
        }
    }

    /** Topics every broker has from its first start (docs/protocol/behaviour.md §1). */
    static Map<String, TopicConfig> builtInTopics(BrokerConfig c) {
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        put(topics, new TopicConfig(TopicNames.SELF_TEST_TOPIC, 1, 1, PermName.PERM_READ_WRITE));
        if (c.get(BrokerConfigKeys.AUTO_CREATE_TOPIC_ENABLE)) {
            int n = c.get(BrokerConfigKeys.DEFAULT_TOPIC_QUEUE_NUMS);
            put(topics, new TopicConfig(TopicNames.DEFAULT_TOPIC, n, n,
                PermName.PERM_INHERIT | PermName.PERM_READ | PermName.PERM_WRITE));
        }
        put(topics, new TopicConfig(TopicNames.BENCHMARK_TOPIC, 1024, 1024, PermName.PERM_READ_WRITE));
        int clusterPerm = PermName.PERM_INHERIT | (c.get(BrokerConfigKeys.CLUSTER_TOPIC_ENABLE) ? PermName.PERM_READ_WRITE : 0);
        put(topics, new TopicConfig(c.clusterName(), 16, 16, clusterPerm));
        int brokerPerm = PermName.PERM_INHERIT | (c.get(BrokerConfigKeys.BROKER_TOPIC_ENABLE) ? PermName.PERM_READ_WRITE : 0);
        put(topics, new TopicConfig(c.brokerName(), 1, 1, brokerPerm));
        put(topics, new TopicConfig(TopicNames.OFFSET_MOVED_EVENT, 1, 1, PermName.PERM_READ_WRITE));
        put(topics, new TopicConfig(TopicNames.SCHEDULE_TOPIC, 18, 18, PermName.PERM_READ_WRITE));
        if (c.get(BrokerConfigKeys.TRACE_TOPIC_ENABLE)) {
            put(topics, new TopicConfig(c.get(BrokerConfigKeys.MSG_TRACE_TOPIC_NAME), 1, 1, PermName.PERM_READ_WRITE));
        }
        put(topics, new TopicConfig(TopicNames.getReplyTopic(c.clusterName()), 1, 1, PermName.PERM_READ_WRITE));
        return topics;
    }

    private static void put(Map<String, TopicConfig> m, TopicConfig t) {
        m.put(t.getTopicName(), t);
    }

    /** Called after every change of the table (outside any lock). */
    public void setChangeListener(Runnable listener) {
        this.changeListener = listener;
    }

    /** Loads topics.json (or its backup) over the built-in topics; a missing file means a fresh store. */
    public void load() throws IOException {
        TopicConfigSerializeWrapper loaded = file.load(text -> TopicConfigSerializeWrapper.fromJson(JSON.parseObject(text)));
        if (loaded == null) {
            return;
        }
        table.putAll(loaded.getTopicConfigTable());
        dataVersion = loaded.getDataVersion();
        LOG.info("loaded {} topics from {} (data version {})", loaded.getTopicConfigTable().size(), file.path(), dataVersion);
    }

    public void persist() throws IOException {
        file.write(MetadataJson.pretty(snapshot()));
    }

    private void persistQuietly() {
        try {
            persist();
        } catch (IOException e) {
            LOG.error("cannot persist {}: {}", file.path(), e.toString());
        }
    }

    public TopicConfigSerializeWrapper snapshot() {
        return new TopicConfigSerializeWrapper(table, dataVersion);
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    public TopicConfig selectTopicConfig(String topic) {
        return table.get(topic);
    }

    public Set<String> topicNames() {
        return Collections.unmodifiableSet(new TreeSet<>(table.keySet()));
    }

    public boolean isOrderTopic(String topic) {
        TopicConfig t = table.get(topic);
        return t != null && t.isOrder();
    }

    /**
     * System topics of this broker: the reserved set plus its cluster- and broker-name topics and, with
     * traceTopicEnable, the (possibly renamed) trace topic it created (docs/broker.md).
     */
    public boolean isSystemTopic(String topic) {
        BrokerConfig c = config.get();
        Set<String> own = c.get(BrokerConfigKeys.TRACE_TOPIC_ENABLE)
            ? Set.of(c.clusterName(), c.brokerName(), c.get(BrokerConfigKeys.MSG_TRACE_TOPIC_NAME))
            : Set.of(c.clusterName(), c.brokerName());
        return TopicValidator.isSystemTopic(topic, own);
    }

    public Set<String> systemTopics() {
        Set<String> out = new TreeSet<>();
        for (String t : table.keySet()) {
            if (isSystemTopic(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Creates {@code topic} from the template {@code defaultTopic} for a send (docs/protocol/behaviour.md §3); returns the
     * existing or new config, or null when the template is missing or has no INHERIT permission, or when the
     * new topic would have no queue.
     */
    public TopicConfig createTopicInSendMessageMethod(String topic, String defaultTopic, String remoteAddr,
                                                      int clientDefaultTopicQueueNums, int topicSysFlag) {
        TopicConfig created;
        synchronized (createLock) {
            TopicConfig existing = table.get(topic);
            if (existing != null) {
                return existing;
            }
            TopicConfig template = table.get(defaultTopic);
            if (template == null) {
                LOG.warn("cannot auto-create topic {} for {}: template topic {} does not exist", LogEscape.of(topic),
                    remoteAddr, LogEscape.of(defaultTopic));
                return null;
            }
            if (TopicNames.DEFAULT_TOPIC.equals(defaultTopic) && !config.get().get(BrokerConfigKeys.AUTO_CREATE_TOPIC_ENABLE)
                && template.getPerm() != PermName.PERM_READ_WRITE) {
                template = template.withPerm(PermName.PERM_READ_WRITE);
                table.put(defaultTopic, template);
            }
            if (!PermName.isInherited(template.getPerm())) {
                LOG.warn("cannot auto-create topic {} for {}: template topic {} has perm {} without INHERIT",
                    LogEscape.of(topic), remoteAddr, LogEscape.of(defaultTopic), template.getPerm());
                return null;
            }
            int queueNums = Math.min(clientDefaultTopicQueueNums, template.getWriteQueueNums());
            if (queueNums < 1) {
                // a topic without queues takes sends nowhere: refuse rather than create it
                LOG.warn("cannot auto-create topic {} for {}: {} queues (client asks {}, template topic {} has {})",
                    LogEscape.of(topic), remoteAddr, queueNums, clientDefaultTopicQueueNums, LogEscape.of(defaultTopic),
                    template.getWriteQueueNums());
                return null;
            }
            created = new TopicConfig(topic, queueNums, queueNums, template.getPerm() & ~PermName.PERM_INHERIT,
                template.getTopicFilterType(), topicSysFlag, false);
            table.put(topic, created);
            dataVersion = dataVersion.nextVersion(clock.getAsLong());
            persistQuietly();
        }
        LOG.info("auto-created topic {} from {} for {}: {}", LogEscape.of(topic), LogEscape.of(defaultTopic),
            remoteAddr, LogEscape.of(created));
        changeListener.run();
        return created;
    }

    /** Returns the topic, creating it with these settings if missing (retry, DLQ, transaction topics). */
    public TopicConfig createTopicIfAbsent(String topic, int queueNums, int perm, int topicSysFlag) {
        TopicConfig existing = table.get(topic);
        if (existing != null) {
            return existing;
        }
        TopicConfig created;
        synchronized (createLock) {
            existing = table.get(topic);
            if (existing != null) {
                return existing;
            }
            created = new TopicConfig(topic, queueNums, queueNums, perm, null, topicSysFlag, false);
            table.put(topic, created);
            dataVersion = dataVersion.nextVersion(clock.getAsLong());
            persistQuietly();
        }
        LOG.info("created topic {}: {}", LogEscape.of(topic), LogEscape.of(created));
        changeListener.run();
        return created;
    }

    /** Creates or replaces a topic (UPDATE_AND_CREATE_TOPIC). */
    public void updateTopicConfig(TopicConfig topicConfig) {
        synchronized (createLock) {
            TopicConfig old = table.put(topicConfig.getTopicName(), topicConfig);
            dataVersion = dataVersion.nextVersion(clock.getAsLong());
            persistQuietly();
            LOG.info("{} topic {}: {}", old == null ? "created" : "updated", LogEscape.of(topicConfig.getTopicName()),
                LogEscape.of(topicConfig));
        }
        changeListener.run();
    }

    /**
     * Slave metadata sync (docs/protocol/behaviour.md §11): when the master's data version differs from ours, makes the
     * table exactly the master's (topics it lacks are removed), takes its version and persists. Returns
     * whether anything was replaced. The change listener is told so the name servers learn the topics.
     */
    public boolean replaceAllFromMaster(TopicConfigSerializeWrapper master) {
        synchronized (createLock) {
            if (master.getDataVersion().equals(dataVersion)) {
                return false;
            }
            Map<String, TopicConfig> wanted = master.getTopicConfigTable();
            table.putAll(wanted);
            table.keySet().retainAll(wanted.keySet());
            dataVersion = master.getDataVersion();
            persistQuietly();
        }
        LOG.info("replaced the topic table with the master's: {} topics, data version {}",
            master.getTopicConfigTable().size(), master.getDataVersion());
        changeListener.run();
        return true;
    }

    /** Removes a topic; returns false when it did not exist. */
    public boolean deleteTopicConfig(String topic) {
        synchronized (createLock) {
            TopicConfig old = table.remove(topic);
            if (old == null) {
                return false;
            }
            dataVersion = dataVersion.nextVersion(clock.getAsLong());
            persistQuietly();
            LOG.info("deleted topic {}", LogEscape.of(topic));
        }
        changeListener.run();
        return true;
    }
}
