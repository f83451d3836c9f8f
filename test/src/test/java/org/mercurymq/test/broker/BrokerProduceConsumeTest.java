package org.mercurymq.test.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * The official Apache RocketMQ 4.9.7 producer and consumers against a Mercury NameServer and Broker (child
 * JVMs): every send mode, ordered and batch sends, clustering and broadcasting push consumers, tag filters,
 * offset resume, the three consume-from policies and the lite pull consumer. The broker runs with
 * {@code accessMessageInMemoryMaxRatio=0} so that a new group has no "in memory" shortcut and
 * CONSUME_FROM_LAST/TIMESTAMP decide where it starts (docs/protocol/behaviour.md §7).
 */
class BrokerProduceConsumeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;
    private static OfficialClients shared;
    private static DefaultMQAdminExt admin;
    private OfficialClients clients;

    @BeforeAll
    static void startCluster() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        cluster = MercuryCluster.start(dir, "accessMessageInMemoryMaxRatio=0", "autoCreateTopicEnable=true");
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

    static String createTopic(String prefix, int queues) throws Exception {
        String topic = OfficialClients.unique(prefix);
        admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, queues, queues, 6));
        await().atMost(WAIT).ignoreExceptions().until(() ->
            admin.examineTopicRouteInfo(topic).getQueueDatas().get(0).getWriteQueueNums() == queues);
        return topic;
    }

    static Message message(String topic, String tags, String key) {
        Message m = new Message(topic, tags, key, key.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** A clustering/broadcasting push consumer that records every message body. */
    private DefaultMQPushConsumer recordingConsumer(String group, String topic, String expression, MessageModel model,
                                                    ConsumeFromWhere from, Collection<String> sink) throws Exception {
        DefaultMQPushConsumer c = clients.pushConsumer(group);
        c.setMessageModel(model);
        c.setConsumeFromWhere(from);
        c.subscribe(topic, expression);
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                sink.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return clients.started(c);
    }

    private static int assignedQueues(DefaultMQPushConsumer c, String topic) {
        int n = 0;
        for (MessageQueue mq : c.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet()) {
            if (mq.getTopic().equals(topic)) {
                n++;
            }
        }
        return n;
    }

    private static List<String> keys(String prefix, int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(prefix + "-" + i);
        }
        return keys;
    }

    @Test
    void syncAsyncOnewayAndBatchSendsAreAllConsumed() throws Exception {
        String topic = createTopic("SendModes", 4);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        List<String> expected = new ArrayList<>();
        for (String key : keys("sync", 10)) {
            SendResult r = producer.send(message(topic, "TagA", key));
            assertEquals(SendStatus.SEND_OK, r.getSendStatus());
            assertNotNull(r.getMsgId());
            assertEquals(32, r.getOffsetMsgId().length());
            assertTrue(r.getQueueOffset() >= 0);
            expected.add(key);
        }
        CountDownLatch async = new CountDownLatch(10);
        List<SendResult> asyncResults = new CopyOnWriteArrayList<>();
        for (String key : keys("async", 10)) {
            producer.send(message(topic, "TagA", key), new SendCallback() {
                @Override
                public void onSuccess(SendResult r) {
                    asyncResults.add(r);
                    async.countDown();
                }

                @Override
                public void onException(Throwable e) {
                    async.countDown();
                }
            });
            expected.add(key);
        }
        assertTrue(async.await(30, TimeUnit.SECONDS));
        assertEquals(10, asyncResults.size());
        for (String key : keys("oneway", 10)) {
            producer.sendOneway(message(topic, "TagA", key));
            expected.add(key);
        }
        List<Message> batch = new ArrayList<>();
        for (String key : keys("batch", 10)) {
            batch.add(message(topic, "TagB", key));
            expected.add(key);
        }
        SendResult batchResult = producer.send(batch);
        assertEquals(SendStatus.SEND_OK, batchResult.getSendStatus());
        assertEquals(10, batchResult.getMsgId().split(",").length);

        Set<String> received = ConcurrentHashMap.newKeySet();
        recordingConsumer(OfficialClients.unique("cg"), topic, "*", MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, received);
        await().atMost(WAIT).until(() -> received.containsAll(expected));
        assertEquals(new HashSet<>(expected), received);
    }

    @Test
    void orderedSendsKeepPerQueueOrderForAnOrderlyConsumer() throws Exception {
        String topic = createTopic("Ordered", 4);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        int orders = 6;
        int steps = 10;
        for (int step = 0; step < steps; step++) {
            for (int order = 0; order < orders; order++) {
                SendResult r = producer.send(message(topic, "TagA", order + ":" + step),
                    (mqs, msg, arg) -> mqs.get((Integer) arg % mqs.size()), order);
                assertEquals(SendStatus.SEND_OK, r.getSendStatus());
                assertEquals(order % 4, r.getMessageQueue().getQueueId());
            }
        }
        Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        DefaultMQPushConsumer c = clients.pushConsumer(OfficialClients.unique("ocg"));
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        c.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                String[] parts = new String(m.getBody(), StandardCharsets.UTF_8).split(":");
                seen.computeIfAbsent(Integer.parseInt(parts[0]), k -> new CopyOnWriteArrayList<>())
                    .add(Integer.parseInt(parts[1]));
                total.incrementAndGet();
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        clients.started(c);
        await().atMost(WAIT).until(() -> total.get() >= orders * steps);
        for (int order = 0; order < orders; order++) {
            List<Integer> got = seen.get(order);
            List<Integer> want = new ArrayList<>();
            for (int step = 0; step < steps; step++) {
                want.add(step);
            }
            assertEquals(want, got, "order " + order);
        }
    }

    @Test
    void clusteringGroupOfTwoGetsEveryMessageOnce() throws Exception {
        String topic = createTopic("Clustering", 4);
        String group = OfficialClients.unique("cg");
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        List<String> c1 = new CopyOnWriteArrayList<>();
        List<String> c2 = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer first = recordingConsumer(group, topic, "*", MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, c1);
        DefaultMQPushConsumer second = recordingConsumer(group, topic, "*", MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, c2);
        await().atMost(WAIT).until(() -> assignedQueues(first, topic) == 2 && assignedQueues(second, topic) == 2);
        assertEquals(2, admin.examineConsumerConnectionInfo(group).getConnectionSet().size());

        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        List<String> expected = keys("c", 40);
        for (String key : expected) {
            producer.send(message(topic, "TagA", key));
        }
        await().atMost(WAIT).until(() -> c1.size() + c2.size() >= expected.size());
        for (String k : c1) {
            counts.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
        }
        for (String k : c2) {
            counts.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
        }
        assertEquals(new HashSet<>(expected), counts.keySet());
        counts.forEach((k, n) -> assertEquals(1, n.get(), "message " + k + " delivered " + n + " times"));
        assertFalse(c1.isEmpty());
        assertFalse(c2.isEmpty());
    }

    @Test
    void broadcastingDeliversEveryMessageToEachConsumer() throws Exception {
        String topic = createTopic("Broadcast", 2);
        String group = OfficialClients.unique("bcg");
        Set<String> c1 = ConcurrentHashMap.newKeySet();
        Set<String> c2 = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer first = recordingConsumer(group, topic, "*", MessageModel.BROADCASTING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, c1);
        DefaultMQPushConsumer second = recordingConsumer(group, topic, "*", MessageModel.BROADCASTING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, c2);
        await().atMost(WAIT).until(() -> assignedQueues(first, topic) == 2 && assignedQueues(second, topic) == 2);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        List<String> expected = keys("b", 20);
        for (String key : expected) {
            producer.send(message(topic, "TagA", key));
        }
        await().atMost(WAIT).until(() -> c1.size() == expected.size() && c2.size() == expected.size());
        assertEquals(new HashSet<>(expected), c1);
        assertEquals(new HashSet<>(expected), c2);
    }

    @Test
    void sqlSubscriptionIsRefusedWhenPropertyFilteringIsOff() throws Exception {
        String topic = createTopic("SqlOff", 2);
        DefaultMQPushConsumer c = clients.pushConsumer(OfficialClients.unique("sqloff"));
        c.subscribe(topic, MessageSelector.bySql("a > 1"));
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        MQClientException e = org.junit.jupiter.api.Assertions.assertThrows(MQClientException.class,
            () -> clients.started(c));
        c.shutdown();
        assertEquals(1, e.getResponseCode(), e.getMessage());
        assertTrue(e.getErrorMessage().contains("does not support consumer to filter message by SQL92"),
            e.getErrorMessage());
    }

    @Test
    void tagFilterDeliversOnlyTheSubscribedTags() throws Exception {
        String topic = createTopic("Tags", 2);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            String tag = i % 4 == 0 ? "TagA" : i % 4 == 1 ? "TagB" : i % 4 == 2 ? "TagC" : null;
            String key = "t-" + i + "-" + tag;
            producer.send(message(topic, tag, key));
            if ("TagA".equals(tag) || "TagC".equals(tag)) {
                expected.add(key);
            }
        }
        String marker = "t-last-TagC";
        producer.send(message(topic, "TagC", marker));
        expected.add(marker);
        Set<String> received = ConcurrentHashMap.newKeySet();
        recordingConsumer(OfficialClients.unique("tcg"), topic, "TagA || TagC", MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, received);
        await().atMost(WAIT).until(() -> received.containsAll(expected));
        assertEquals(expected, received);
    }

    @Test
    void restartedConsumerResumesFromItsCommittedOffset() throws Exception {
        String topic = createTopic("Resume", 2);
        String group = OfficialClients.unique("rcg");
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        List<String> firstBatch = keys("r1", 10);
        for (String key : firstBatch) {
            producer.send(message(topic, "TagA", key));
        }
        Set<String> before = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer first = recordingConsumer(group, topic, "*", MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, before);
        await().atMost(WAIT).until(() -> before.containsAll(firstBatch));
        first.shutdown();
        await().atMost(WAIT).ignoreExceptions().until(() -> admin.examineConsumeStats(group).computeTotalDiff() == 0);

        List<String> secondBatch = keys("r2", 10);
        for (String key : secondBatch) {
            producer.send(message(topic, "TagA", key));
        }
        List<String> after = new CopyOnWriteArrayList<>();
        recordingConsumer(group, topic, "*", MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, after);
        await().atMost(WAIT).until(() -> after.containsAll(secondBatch));
        assertEquals(new HashSet<>(secondBatch), new HashSet<>(after), "only the messages after the committed offset");
    }

    @Test
    void consumeFromFirstLastAndTimestamp() throws Exception {
        String topic = createTopic("ConsumeFrom", 2);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        List<String> old = keys("old", 6);
        long lastOld = 0;
        for (String key : old) {
            producer.send(message(topic, "TagA", key));
            lastOld = System.currentTimeMillis();
        }
        long boundary = lastOld;
        await().atMost(WAIT).until(() -> System.currentTimeMillis() > boundary + 3000);
        String timestamp = new SimpleDateFormat("yyyyMMddHHmmss").format(new Date());
        List<String> recent = keys("recent", 6);
        for (String key : recent) {
            producer.send(message(topic, "TagA", key));
        }

        Set<String> fromFirst = ConcurrentHashMap.newKeySet();
        recordingConsumer(OfficialClients.unique("first"), topic, "*", MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, fromFirst);
        Set<String> fromTimestamp = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer ts = clients.pushConsumer(OfficialClients.unique("ts"));
        ts.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        ts.setConsumeTimestamp(timestamp);
        ts.subscribe(topic, "*");
        ts.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> fromTimestamp.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        clients.started(ts);
        Set<String> fromLast = ConcurrentHashMap.newKeySet();
        recordingConsumer(OfficialClients.unique("last"), topic, "*", MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, fromLast);

        await().atMost(WAIT).until(() -> fromFirst.size() == old.size() + recent.size());
        await().atMost(WAIT).until(() -> fromTimestamp.containsAll(recent));
        // probes prove the LAST consumer is running; it must never see what was sent before it started
        AtomicInteger probe = new AtomicInteger();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            producer.send(message(topic, "TagA", "probe-" + probe.incrementAndGet()));
            return fromLast.stream().anyMatch(k -> k.startsWith("probe-"));
        });
        assertTrue(fromLast.stream().allMatch(k -> k.startsWith("probe-")), "LAST consumer saw " + fromLast);
        assertTrue(fromTimestamp.stream().noneMatch(old::contains), "TIMESTAMP consumer saw " + fromTimestamp);
    }

    @Test
    void litePullConsumerInSubscribeAndAssignMode() throws Exception {
        String topic = createTopic("LitePull", 2);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        List<String> expected = keys("lp", 12);
        for (String key : expected) {
            producer.send(message(topic, "TagA", key));
        }
        DefaultLitePullConsumer subscribe = clients.litePullConsumer(OfficialClients.unique("lsub"));
        subscribe.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        subscribe.subscribe(topic, "*");
        clients.started(subscribe);
        Set<String> got = ConcurrentHashMap.newKeySet();
        await().atMost(WAIT).until(() -> {
            subscribe.poll(1000).forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return got.containsAll(expected);
        });
        assertEquals(new HashSet<>(expected), got);

        DefaultLitePullConsumer assign = clients.litePullConsumer(OfficialClients.unique("lassign"));
        assign.setAutoCommit(false);
        clients.started(assign);
        Collection<MessageQueue> mqs = assign.fetchMessageQueues(topic);
        assertEquals(2, mqs.size());
        MessageQueue only = mqs.iterator().next();
        assign.assign(List.of(only));
        assign.seek(only, 0);
        Set<String> assigned = ConcurrentHashMap.newKeySet();
        long max = admin.maxOffset(only);
        await().atMost(WAIT).until(() -> {
            for (MessageExt m : assign.poll(1000)) {
                assertEquals(only.getQueueId(), m.getQueueId());
                assigned.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            return assigned.size() == max;
        });
        assertTrue(expected.containsAll(assigned));
    }
}
