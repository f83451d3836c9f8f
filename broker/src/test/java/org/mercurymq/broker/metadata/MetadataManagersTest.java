package org.mercurymq.broker.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.ManualClock;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;

/** topics.json, subscriptionGroup.json and consumerOffset.json in RocketMQ's exact shapes (docs/protocol/store-format.md §8). */
class MetadataManagersTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);

    private static Supplier<BrokerConfig> config(String... kv) {
        Map<String, String> raw = new HashMap<>();
        raw.put("brokerName", "broker-a");
        raw.put("brokerClusterName", "DefaultCluster");
        for (int i = 0; i < kv.length; i += 2) {
            raw.put(kv[i], kv[i + 1]);
        }
        BrokerConfig c = BrokerConfig.of(raw);
        return () -> c;
    }

    @Test
    void builtInTopicsFollowBehaviourSection1() {
        TopicConfigManager topics = new TopicConfigManager(config(), new JsonConfigFile(dir.resolve("topics.json")), clock);
        assertEquals(new TopicConfig("TBW102", 8, 8, 7), topics.selectTopicConfig("TBW102"));
        assertEquals(new TopicConfig("SELF_TEST_TOPIC", 1, 1, 6), topics.selectTopicConfig("SELF_TEST_TOPIC"));
        assertEquals(new TopicConfig("BenchmarkTest", 1024, 1024, 6), topics.selectTopicConfig("BenchmarkTest"));
        assertEquals(new TopicConfig("DefaultCluster", 16, 16, 7), topics.selectTopicConfig("DefaultCluster"));
        assertEquals(new TopicConfig("broker-a", 1, 1, 7), topics.selectTopicConfig("broker-a"));
        assertEquals(new TopicConfig("OFFSET_MOVED_EVENT", 1, 1, 6), topics.selectTopicConfig("OFFSET_MOVED_EVENT"));
        assertEquals(new TopicConfig("SCHEDULE_TOPIC_XXXX", 18, 18, 6), topics.selectTopicConfig("SCHEDULE_TOPIC_XXXX"));
        assertEquals(new TopicConfig("DefaultCluster_REPLY_TOPIC", 1, 1, 6), topics.selectTopicConfig("DefaultCluster_REPLY_TOPIC"));
        assertNull(topics.selectTopicConfig("RMQ_SYS_TRACE_TOPIC"));
        TopicConfigManager noAuto = new TopicConfigManager(config("autoCreateTopicEnable", "false", "clusterTopicEnable",
            "false", "traceTopicEnable", "true"), new JsonConfigFile(dir.resolve("t2.json")), clock);
        assertNull(noAuto.selectTopicConfig("TBW102"));
        assertEquals(1, noAuto.selectTopicConfig("DefaultCluster").getPerm());
        assertNotNull(noAuto.selectTopicConfig("RMQ_SYS_TRACE_TOPIC"));
        TopicConfigManager renamedTrace = new TopicConfigManager(config("traceTopicEnable", "true", "msgTraceTopicName",
            "MyTraceTopic"), new JsonConfigFile(dir.resolve("t3.json")), clock);
        assertEquals(new TopicConfig("MyTraceTopic", 1, 1, 6), renamedTrace.selectTopicConfig("MyTraceTopic"));
        assertTrue(renamedTrace.isSystemTopic("MyTraceTopic"));
        assertTrue(renamedTrace.systemTopics().contains("MyTraceTopic"));
        assertFalse(topics.isSystemTopic("MyTraceTopic"));
        assertTrue(topics.isSystemTopic("broker-a"));
        assertTrue(topics.isSystemTopic("rmq_sys_x"));
        assertFalse(topics.isSystemTopic("%RETRY%g"));
    }

    @Test
    void autoCreationFromTbw102AndTheChangeListener() {
        AtomicInteger changes = new AtomicInteger();
        TopicConfigManager topics = new TopicConfigManager(config(), new JsonConfigFile(dir.resolve("topics.json")), clock);
        topics.setChangeListener(changes::incrementAndGet);
        TopicConfig created = topics.createTopicInSendMessageMethod("NewTopic", "TBW102", "client", 4, 0);
        assertEquals(new TopicConfig("NewTopic", 4, 4, 6), created);
        assertEquals(8, topics.createTopicInSendMessageMethod("Big", "TBW102", "client", 100, 0).getWriteQueueNums());
        assertEquals(2, changes.get());
        assertEquals(2, topics.dataVersion().getCounter());
        assertNull(topics.createTopicInSendMessageMethod("X", "NoTemplate", "client", 4, 0));
        assertNull(topics.createTopicInSendMessageMethod("Y", "SELF_TEST_TOPIC", "client", 4, 0), "template without INHERIT");
        assertTrue(Files.exists(dir.resolve("topics.json")), "every change is persisted");
    }

    @Test
    void disablingAutoCreationResetsTbw102AndRefuses() throws Exception {
        TopicConfigManager enabled = new TopicConfigManager(config(), new JsonConfigFile(dir.resolve("topics.json")), clock);
        enabled.persist();
        TopicConfigManager disabled = new TopicConfigManager(config("autoCreateTopicEnable", "false"),
            new JsonConfigFile(dir.resolve("topics.json")), clock);
        disabled.load();
        assertEquals(7, disabled.selectTopicConfig("TBW102").getPerm(), "loaded from the file");
        assertNull(disabled.createTopicInSendMessageMethod("NewTopic", "TBW102", "client", 4, 0));
        assertEquals(6, disabled.selectTopicConfig("TBW102").getPerm());
    }

    @Test
    void topicsJsonHasTheFileShapeAndLoadsBack() throws Exception {
        TopicConfigManager topics = new TopicConfigManager(config(), new JsonConfigFile(dir.resolve("topics.json")), clock);
        topics.updateTopicConfig(new TopicConfig("T", 4, 4, 6));
        String json = Files.readString(dir.resolve("topics.json"));
        assertTrue(json.startsWith("{\n\t\"dataVersion\":{\n\t\t\"counter\":1,\n\t\t\"timestamp\":1700000000000\n\t},"), json);
        assertTrue(json.contains("\"T\":{\n\t\t\t\"order\":false,\n\t\t\t\"perm\":6,\n\t\t\t\"readQueueNums\":4,\n\t\t\t"
            + "\"topicFilterType\":\"SINGLE_TAG\",\n\t\t\t\"topicName\":\"T\",\n\t\t\t\"topicSysFlag\":0,\n\t\t\t"
            + "\"writeQueueNums\":4\n\t\t}"), json);
        TopicConfigManager reloaded = new TopicConfigManager(config(), new JsonConfigFile(dir.resolve("topics.json")), clock);
        reloaded.load();
        assertEquals(new TopicConfig("T", 4, 4, 6), reloaded.selectTopicConfig("T"));
        assertEquals(1, reloaded.dataVersion().getCounter());
        assertTrue(reloaded.deleteTopicConfig("T"));
        assertFalse(reloaded.deleteTopicConfig("T"));
    }

    @Test
    void consumerOffsetsUseUnquotedQueueIdsAndReadBothForms() throws Exception {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
        assertEquals(-1, offsets.queryOffset("G", "T", 0));
        offsets.commitOffset("c", "G", "T", 0, 12);
        offsets.commitOffset("c", "G", "T", 1, 5);
        assertEquals("{\"offsetTable\":{\"T@G\":{0:12,1:5}}}", offsets.snapshot().toJson());
        offsets.persist();
        assertEquals("{\n\t\"offsetTable\":{\n\t\t\"T@G\":{\n\t\t\t0:12,\n\t\t\t1:5\n\t\t}\n\t}\n}",
            Files.readString(dir.resolve("consumerOffset.json")));

        ConsumerOffsetManager reloaded = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
        reloaded.load();
        assertEquals(12, reloaded.queryOffset("G", "T", 0));
        assertEquals(5, reloaded.queryOffset("G", "T", 1));

        Files.write(dir.resolve("quoted.json"), "{\"offsetTable\":{\"T@G\":{\"0\":3}}}".getBytes(StandardCharsets.UTF_8));
        ConsumerOffsetManager quoted = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("quoted.json")));
        quoted.load();
        assertEquals(3, quoted.queryOffset("G", "T", 0));
        assertEquals(java.util.Set.of("T"), reloaded.whichTopicByConsumer("G"));
        assertEquals(java.util.Set.of("G"), reloaded.whichGroupByTopic("T"));
        reloaded.cloneOffset("G", "G2", "T");
        assertEquals(12, reloaded.queryOffset("G2", "T", 0));
        reloaded.removeGroup("G");
        assertEquals(-1, reloaded.queryOffset("G", "T", 0));
    }

    @Test
    void offsetsByTopicAnswerTheStoresForcedCleanup() {
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(new JsonConfigFile(dir.resolve("consumerOffset.json")));
        offsets.commitOffset("c", "G1", "T", 0, 12);
        offsets.commitOffset("c", "G1", "T", 1, 5);
        offsets.commitOffset("c", "G2", "T", 0, 7);
        offsets.commitOffset("c", "G1", "T@X", 0, 99);
        offsets.commitOffset("c", "G3", "U", 0, 1);
        org.mercurymq.store.retention.ConsumerProgress progress = offsets::offsetsByTopic;
        var all = progress.committedOffsets();
        assertEquals(java.util.Map.of("G1", java.util.Map.of(0, 12L, 1, 5L), "G2", java.util.Map.of(0, 7L)), all.get("T"));
        assertEquals(java.util.Map.of("G1", java.util.Map.of(0, 99L)), all.get("T@X"));
        assertEquals(java.util.Set.of("T", "T@X", "U"), all.keySet());
    }

    @Test
    void subscriptionGroupsAreBuiltInAutoCreatedAndPersisted() throws Exception {
        boolean[] auto = {true};
        SubscriptionGroupManager groups = new SubscriptionGroupManager(
            new JsonConfigFile(dir.resolve("subscriptionGroup.json")), () -> auto[0], clock);
        assertTrue(groups.containsGroup("TOOLS_CONSUMER"));
        assertTrue(groups.containsGroup("CID_ONSAPI_OWNER"));
        SubscriptionGroupConfig g = groups.findSubscriptionGroupConfig("NewGroup");
        assertEquals(16, g.getRetryMaxTimes());
        assertEquals(1, g.getRetryQueueNums());
        assertEquals(1, g.getWhichBrokerWhenConsumeSlowly());
        auto[0] = false;
        assertNull(groups.findSubscriptionGroupConfig("Other"));
        assertNotNull(groups.findSubscriptionGroupConfig("CID_RMQ_SYS_TRANS"), "system groups are always created");

        SubscriptionGroupManager reloaded = new SubscriptionGroupManager(
            new JsonConfigFile(dir.resolve("subscriptionGroup.json")), () -> false, clock);
        reloaded.load();
        assertNotNull(reloaded.get("NewGroup"));
        assertTrue(Files.readString(dir.resolve("subscriptionGroup.json")).contains(
            "\"NewGroup\":{\n\t\t\t\"brokerId\":0,\n\t\t\t\"consumeBroadcastEnable\":true,"));
    }
}
