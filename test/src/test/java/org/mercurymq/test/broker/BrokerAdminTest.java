package org.mercurymq.test.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.common.admin.TopicStatsTable;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.apache.rocketmq.common.protocol.body.ConsumerConnection;
import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.common.protocol.body.KVTable;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * The official 4.9.7 {@link DefaultMQAdminExt} administering a Mercury broker (topics, stats, consume progress,
 * runtime info, message queries, offset reset, broker config, groups, client relays) and bad input from the
 * official producer: a missing topic without auto-create and an oversized message are refused without storing
 * anything, and the broker keeps serving.
 */
class BrokerAdminTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MAX_MESSAGE_SIZE = 64 * 1024;

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;
    private static OfficialClients shared;
    private static DefaultMQAdminExt admin;
    private OfficialClients clients;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = MercuryCluster.start(dir, "autoCreateTopicEnable=false", "maxMessageSize=" + MAX_MESSAGE_SIZE);
        shared = new OfficialClients(cluster.namesrvAddress());
        admin = shared.admin();
        await().atMost(WAIT).until(() -> admin.examineBrokerClusterInfo().getBrokerAddrTable()
            .containsKey(cluster.brokerName()));
    }

    @AfterAll
    static void stopCluster() {
        if (shared != null) {
            shared.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void newClients() {
        clients = new OfficialClients(cluster.namesrvAddress());
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private static String createTopic(String prefix, int queues) throws Exception {
        String topic = OfficialClients.unique(prefix);
        admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, queues, queues, 6));
        await().atMost(WAIT).ignoreExceptions().until(() ->
            admin.examineTopicRouteInfo(topic).getQueueDatas().get(0).getWriteQueueNums() == queues);
        return topic;
    }

    private static void createTopicNamed(String topic, int queues) throws Exception {
        admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, queues, queues, 6));
        await().atMost(WAIT).ignoreExceptions().until(() ->
            admin.examineTopicRouteInfo(topic).getQueueDatas().get(0).getWriteQueueNums() == queues);
    }

    private static long totalMaxOffset(String topic) throws Exception {
        long sum = 0;
        for (TopicOffset o : admin.examineTopicStats(topic).getOffsetTable().values()) {
            sum += o.getMaxOffset();
        }
        return sum;
    }

    private DefaultMQPushConsumer countingConsumer(String group, String topic, Map<String, AtomicInteger> counts)
        throws Exception {
        DefaultMQPushConsumer c = clients.pushConsumer(group);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                counts.computeIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8), k -> new AtomicInteger())
                    .incrementAndGet();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return clients.started(c);
    }

    @Test
    void createdTopicIsListedRoutedAndHasStats() throws Exception {
        String topic = createTopic("AdminTopic", 8);
        assertTrue(admin.fetchAllTopicList().getTopicList().contains(topic));
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        assertEquals(8, route.getQueueDatas().get(0).getReadQueueNums());
        assertEquals(cluster.brokerAddress(), route.getBrokerDatas().get(0).getBrokerAddrs().get(0L));

        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        for (int i = 0; i < 16; i++) {
            assertEquals(SendStatus.SEND_OK, producer.send(new Message(topic, "TagA", ("m" + i).getBytes())).getSendStatus());
        }
        // the consume queues are written by the dispatcher, after SEND_OK: wait until all 16 are visible
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.examineTopicStats(topic).getOffsetTable().values()
            .stream().mapToLong(TopicOffset::getMaxOffset).sum() == 16);
        TopicStatsTable stats = admin.examineTopicStats(topic);
        assertEquals(8, stats.getOffsetTable().size());
        long sum = 0;
        for (Map.Entry<MessageQueue, TopicOffset> e : stats.getOffsetTable().entrySet()) {
            assertEquals(cluster.brokerName(), e.getKey().getBrokerName());
            assertEquals(0, e.getValue().getMinOffset());
            if (e.getValue().getMaxOffset() > 0) {
                assertTrue(e.getValue().getLastUpdateTimestamp() > 0);
            }
            sum += e.getValue().getMaxOffset();
        }
        assertEquals(16, sum);
        assertTrue(admin.getAllTopicConfig(cluster.brokerAddress(), 5000).getTopicConfigTable().containsKey(topic));

        admin.deleteTopicInBroker(Set.of(cluster.brokerAddress()), topic);
        assertFalse(admin.getAllTopicConfig(cluster.brokerAddress(), 5000).getTopicConfigTable().containsKey(topic));
    }

    @Test
    void consumeStatsShowProgressAndLag() throws Exception {
        String topic = createTopic("Progress", 2);
        String group = OfficialClients.unique("pcg");
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, "TagA", ("p" + i).getBytes()));
        }
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = countingConsumer(group, topic, counts);
        await().atMost(WAIT).until(() -> counts.size() == 10);
        consumer.getDefaultMQPushConsumerImpl().persistConsumerOffset();
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            ConsumeStats cs = admin.examineConsumeStats(group, topic);
            return cs.getOffsetTable().size() == 2 && cs.computeTotalDiff() == 0
                && cs.getOffsetTable().values().stream().mapToLong(w -> w.getConsumerOffset()).sum() == 10
                && cs.getOffsetTable().keySet().stream().allMatch(mq -> mq.getTopic().equals(topic));
        });
        ConsumerConnection connection = admin.examineConsumerConnectionInfo(group);
        assertEquals(1, connection.getConnectionSet().size());
        assertTrue(connection.getSubscriptionTable().containsKey(topic));
        assertTrue(admin.queryTopicConsumeByWho(topic).getGroupList().contains(group));
        assertFalse(admin.queryConsumeTimeSpan(topic, group).isEmpty());
        assertFalse(admin.fetchConsumeStatsInBroker(cluster.brokerAddress(), false, 5000).getConsumeStatsList().isEmpty());

        String clientId = connection.getConnectionSet().iterator().next().getClientId();
        ConsumerRunningInfo running = admin.getConsumerRunningInfo(group, clientId, false);
        assertTrue(running.getSubscriptionSet().stream().anyMatch(s -> s.getTopic().equals(topic)));
        SendResult extra = producer.send(new Message(topic, "TagA", "direct".getBytes()));
        ConsumeMessageDirectlyResult direct = admin.consumeMessageDirectly(group, clientId, topic, extra.getOffsetMsgId());
        assertNotNull(direct.getConsumeResult());

        consumer.shutdown();
        for (int i = 0; i < 5; i++) {
            producer.send(new Message(topic, "TagA", ("lag" + i).getBytes()));
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> admin.examineConsumeStats(group).computeTotalDiff() >= 5);
    }

    @Test
    void runtimeStatsAndBrokerConfig() throws Exception {
        String topic = createTopic("Runtime", 1);
        clients.producer(OfficialClients.unique("pg")).send(new Message(topic, "TagA", "x".getBytes()));
        KVTable kv = admin.fetchBrokerRuntimeStats(cluster.brokerAddress());
        Map<String, String> t = kv.getTable();
        assertEquals("V4_9_7", t.get("brokerVersionDesc"));
        assertEquals("407", t.get("brokerVersion"));
        assertTrue(Long.parseLong(t.get("msgPutTotalTodayNow")) >= 1);
        for (String key : List.of("msgPutTotalYesterdayMorning", "msgPutTotalTodayMorning", "msgGetTotalYesterdayMorning",
            "msgGetTotalTodayMorning", "msgGetTotalTodayNow", "sendThreadPoolQueueSize", "pullThreadPoolQueueSize",
            "sendThreadPoolQueueHeadWaitTimeMills", "pullThreadPoolQueueHeadWaitTimeMills", "pageCacheLockTimeMills",
            "earliestMessageTimeStamp", "commitLogDiskRatio", "commitLogMaxOffset", "forceCleanDeletedMessages",
            "forceCleanDeletedUnconsumedMessages", "commitLogRecoveryHoles", "commitLogRecoveryHoleBytes")) {
            assertNotNull(t.get(key), key);
        }
        // RocketMQ's format: three windows joined by a space, a window without enough samples yet is empty
        for (String key : List.of("putTps", "getTransferedTps", "getFoundTps", "getMissTps", "getTotalTps")) {
            String[] windows = t.get(key).split(" ", -1);
            assertEquals(3, windows.length, key + "=" + t.get(key));
            for (String w : windows) {
                if (!w.isEmpty()) {
                    Double.parseDouble(w);
                }
            }
        }

        Properties config = admin.getBrokerConfig(cluster.brokerAddress());
        assertEquals(cluster.brokerName(), config.getProperty("brokerName"));
        Properties update = new Properties();
        update.setProperty("waitTimeMillsInSendQueue", "345");
        admin.updateBrokerConfig(cluster.brokerAddress(), update);
        assertEquals("345", admin.getBrokerConfig(cluster.brokerAddress()).getProperty("waitTimeMillsInSendQueue"));
    }

    @Test
    void subscriptionGroupsAreCreatedAndDeleted() throws Exception {
        String group = OfficialClients.unique("adminGroup");
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName(group);
        config.setRetryMaxTimes(3);
        admin.createAndUpdateSubscriptionGroupConfig(cluster.brokerAddress(), config);
        assertEquals(3, admin.examineSubscriptionGroupConfig(cluster.brokerAddress(), group).getRetryMaxTimes());
        admin.deleteSubscriptionGroup(cluster.brokerAddress(), group);
        assertFalse(admin.getAllSubscriptionGroup(cluster.brokerAddress(), 5000).getSubscriptionGroupTable()
            .containsKey(group));
    }

    @Test
    void queryMessageByKeyAndViewById() throws Exception {
        String topic = createTopic("Query", 2);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        String key = "order-" + System.nanoTime();
        SendResult sent = producer.send(new Message(topic, "TagA", key, "payload".getBytes()));
        QueryResult byKey = admin.queryMessage(topic, key, 32, 0, Long.MAX_VALUE);
        assertEquals(1, byKey.getMessageList().size());
        assertEquals("payload", new String(byKey.getMessageList().get(0).getBody(), StandardCharsets.UTF_8));

        MessageExt byOffsetId = admin.viewMessage(topic, sent.getOffsetMsgId());
        assertEquals(key, byOffsetId.getKeys());
        MessageExt byUniqueId = admin.viewMessage(topic, sent.getMsgId());
        assertEquals(sent.getMsgId(), byUniqueId.getMsgId());
    }

    @Test
    void resetOffsetByTimestampMakesAnOnlineConsumerConsumeAgain() throws Exception {
        String topic = createTopic("Reset", 2);
        String group = OfficialClients.unique("resetcg");
        long before = System.currentTimeMillis() - 1000;
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, "TagA", ("reset" + i).getBytes()));
        }
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = countingConsumer(group, topic, counts);
        await().atMost(WAIT).until(() -> counts.size() == 10);
        consumer.getDefaultMQPushConsumerImpl().persistConsumerOffset();
        await().atMost(WAIT).ignoreExceptions().until(() -> admin.examineConsumeStats(group).computeTotalDiff() == 0);

        Map<MessageQueue, Long> reset = admin.resetOffsetByTimestamp(topic, group, before, true);
        assertEquals(2, reset.size());
        reset.values().forEach(offset -> assertEquals(0L, offset));
        await().atMost(WAIT).until(() -> counts.values().stream().allMatch(n -> n.get() >= 2));
    }

    @Test
    void inspectionAndMaintenanceCalls() throws Exception {
        String topic = createTopic("Inspect", 2);
        String producerGroup = OfficialClients.unique("ipg");
        String group = OfficialClients.unique("icg");
        DefaultMQProducer producer = clients.producer(producerGroup);
        for (int i = 0; i < 6; i++) {
            producer.send(new Message(topic, "TagA", ("i" + i).getBytes()));
        }
        // a producer learns the broker address with its first send; its next heartbeat (30 s) would register it
        producer.getDefaultMQProducerImpl().getmQClientFactory().sendHeartbeatToAllBrokerWithLock();
        assertEquals(1, admin.examineProducerConnectionInfo(producerGroup, topic).getConnectionSet().size());
        assertTrue(admin.getAllProducerInfo(cluster.brokerAddress()).getData().containsKey(producerGroup));

        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = countingConsumer(group, topic, counts);
        await().atMost(WAIT).until(() -> counts.size() == 6);
        consumer.getDefaultMQPushConsumerImpl().persistConsumerOffset();
        await().atMost(WAIT).ignoreExceptions().until(() -> admin.examineConsumeStats(group, topic).computeTotalDiff() == 0);
        Map<String, Map<MessageQueue, Long>> status = admin.getConsumeStatus(topic, group, "");
        assertEquals(1, status.size());
        assertEquals(6L, status.values().iterator().next().values().stream().mapToLong(Long::longValue).sum());

        String clone = OfficialClients.unique("clone");
        admin.cloneGroupOffset(group, clone, topic, false);
        createTopicNamed("%RETRY%" + clone, 1);
        assertEquals(0, admin.examineConsumeStats(clone, topic).computeTotalDiff());

        MessageQueue q0 = new MessageQueue(topic, cluster.brokerName(), 0);
        long max = admin.maxOffset(q0);
        assertEquals(max, admin.queryConsumeQueue(cluster.brokerAddress(), topic, 0, 0, 32, group).getQueueData().size());

        assertTrue(admin.cleanExpiredConsumerQueueByAddr(cluster.brokerAddress()));
        assertTrue(admin.cleanUnusedTopicByAddr(cluster.brokerAddress()));
        assertTrue(admin.deleteExpiredCommitLogByAddr(cluster.brokerAddress()));
        assertEquals(max, admin.maxOffset(q0), "maintenance keeps live data");
    }

    @Test
    void badInputIsRefusedWithoutStoringAndTheBrokerKeepsServing() throws Exception {
        String topic = createTopic("Good", 1);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        producer.setMaxMessageSize(4 * 1024 * 1024);
        producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
        assertEquals(SendStatus.SEND_OK, producer.send(new Message(topic, "TagA", "ok".getBytes())).getSendStatus());
        MessageQueue mq = new MessageQueue(topic, cluster.brokerName(), 0);
        // dispatched after SEND_OK: the baseline must include it
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.maxOffset(mq) == 1);
        long maxBefore = admin.maxOffset(mq);

        MQBrokerException missing = assertThrows(MQBrokerException.class, () -> producer.send(
            new Message("NoSuchTopic", "TagA", "x".getBytes()), new MessageQueue("NoSuchTopic", cluster.brokerName(), 0)));
        assertEquals(17, missing.getResponseCode());

        byte[] big = new byte[MAX_MESSAGE_SIZE + 1024];
        new Random(1).nextBytes(big);
        MQBrokerException tooBig = assertThrows(MQBrokerException.class, () -> producer.send(new Message(topic, "TagA", big), mq));
        assertEquals(13, tooBig.getResponseCode());

        assertEquals(maxBefore, admin.maxOffset(mq));
        assertFalse(admin.getAllTopicConfig(cluster.brokerAddress(), 5000).getTopicConfigTable().containsKey("NoSuchTopic"));
        assertEquals(SendStatus.SEND_OK, producer.send(new Message(topic, "TagA", "still ok".getBytes())).getSendStatus());
        // the consume queue entry is dispatched just after the send is acknowledged
        await().atMost(WAIT).until(() -> admin.maxOffset(mq) == maxBefore + 1);
        assertEquals(maxBefore + 1, totalMaxOffset(topic));
    }
}
