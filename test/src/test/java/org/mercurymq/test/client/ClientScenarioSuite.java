package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.client.consumer.DefaultLitePullConsumer;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.ConsumeOrderlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.consumer.listener.MessageListenerOrderly;
import org.mercurymq.client.consumer.store.ReadOffsetType;
import org.mercurymq.client.exception.RequestTimeoutException;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.RequestCallback;
import org.mercurymq.client.producer.SendCallback;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.client.producer.selector.SelectMessageQueueByHash;
import org.mercurymq.client.utils.MessageUtil;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;

/**
 * Mercury's client against a real NameServer + Broker: every scenario runs against the cluster a
 * subclass starts (one per test class), request/reply (the broker pushes replies) included, and the transaction
 * and hook scenarios of {@link TransactionScenarios} and {@link HookScenarios}, and the message trace scenarios of
 * {@link TraceScenarios}. Topics and groups are unique per
 * test; message counts small. Subclasses start their broker with {@link #BROKER_CONFIG}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClientScenarioSuite implements TransactionScenarios, HookScenarios, TraceScenarios,
    PullScheduleScenarios {
    static final Duration WAIT = Duration.ofSeconds(60);
    /** Broker settings of both clusters: fast transaction check-backs, and the trace topic created at start. */
    static final String[] BROKER_CONFIG = {"transactionCheckInterval=1000", "transactionTimeOut=1000", "traceTopicEnable=true"};

    protected TestCluster cluster;
    protected ClientFixture clients;

    /** Starts the cluster under test in {@code dir}. */
    protected abstract TestCluster startCluster(Path dir) throws Exception;

    @BeforeAll
    void startClusterOnce(@TempDir Path dir) throws Exception {
        cluster = startCluster(dir);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    public TestCluster cluster() {
        return cluster;
    }

    @Override
    public ClientFixture clients() {
        return clients;
    }

    @BeforeEach
    void newClients() {
        clients = new ClientFixture(cluster.namesrvAddress());
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    /** Starts a concurrent push consumer of {@code topic} collecting every message it is given. */
    DefaultMQPushConsumer collect(String group, String topic, String expression, List<MessageExt> sink) throws Exception {
        DefaultMQPushConsumer consumer = clients.pushConsumer(group);
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            sink.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    static Set<String> ids(List<MessageExt> msgs) {
        Set<String> out = new HashSet<>();
        for (MessageExt m : msgs) {
            out.add(m.getMsgId());
        }
        return out;
    }

    static Set<MessageQueue> held(DefaultMQPushConsumer c, String topic) {
        Set<MessageQueue> out = new HashSet<>();
        for (MessageQueue mq : c.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet()) {
            if (mq.getTopic().equals(topic)) {
                out.add(mq);
            }
        }
        return out;
    }

    /** True when the consumer's in-memory offset of every queue of the topic reached the queue's max offset. */
    static boolean caughtUp(DefaultMQPushConsumer c, DefaultMQProducer admin, String topic) throws Exception {
        for (MessageQueue mq : admin.fetchPublishMessageQueues(topic)) {
            long max = admin.maxOffset(mq);
            long done = c.getOffsetStore().readOffset(mq, ReadOffsetType.READ_FROM_MEMORY);
            if (max > 0 && done < max) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- send modes

    @Test
    void syncSendIsConsumedWithItsIdTagsKeysAndProperties() throws Exception {
        String topic = ClientFixture.unique("SyncT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        Message msg = new Message(topic, "TagA", "key1 key2", ClientFixture.utf8("hello"));
        msg.putUserProperty("color", "blue");
        SendResult result = producer.send(msg);
        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        assertEquals(cluster.brokerName(), result.getMessageQueue().getBrokerName());
        assertEquals(32, result.getMsgId().length());
        assertNotNull(result.getOffsetMsgId());
        assertTrue(result.toString().startsWith("SendResult [sendStatus=SEND_OK, msgId=" + result.getMsgId()));

        List<MessageExt> got = new CopyOnWriteArrayList<>();
        collect(ClientFixture.unique("cg"), topic, "*", got);
        await().atMost(WAIT).until(() -> !got.isEmpty());
        MessageExt m = got.get(0);
        assertEquals(result.getMsgId(), m.getMsgId());
        assertEquals("TagA", m.getTags());
        assertEquals("key1 key2", m.getKeys());
        assertEquals("blue", m.getUserProperty("color"));
        assertEquals("hello", new String(m.getBody(), StandardCharsets.UTF_8));
        assertEquals(topic, m.getTopic());
        assertEquals(result.getMessageQueue().getQueueId(), m.getQueueId());
        assertEquals(result.getQueueOffset(), m.getQueueOffset());
    }

    @Test
    void sendToANewTopicCreatesItThroughTbw102() throws Exception {
        String topic = ClientFixture.unique("AutoT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        SendResult result = producer.send(new Message(topic, ClientFixture.utf8("auto")));
        assertEquals(SendStatus.SEND_OK, result.getSendStatus());
        await().atMost(WAIT).ignoreExceptions().until(() -> producer.fetchPublishMessageQueues(topic).size() == 4);
    }

    @Test
    void asyncAndOnewaySendsAreAllDelivered() throws Exception {
        String topic = ClientFixture.unique("AsyncT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, ClientFixture.utf8("async-" + i)), new SendCallback() {
                @Override
                public void onSuccess(SendResult r) {
                    sent.add(r.getMsgId());
                }

                @Override
                public void onException(Throwable e) {
                    failures.incrementAndGet();
                }
            });
        }
        for (int i = 0; i < 5; i++) {
            producer.sendOneway(new Message(topic, ClientFixture.utf8("oneway-" + i)));
        }
        await().atMost(WAIT).until(() -> sent.size() + failures.get() == 10);
        assertEquals(0, failures.get());
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        collect(ClientFixture.unique("cg"), topic, "*", got);
        await().atMost(WAIT).until(() -> got.size() >= 15);
        assertTrue(ids(got).containsAll(sent));
        long oneway = got.stream().filter(m -> new String(m.getBody(), StandardCharsets.UTF_8).startsWith("oneway-")).count();
        assertEquals(5, oneway);
    }

    @Test
    void sendToAChosenQueueLandsThere() throws Exception {
        String topic = ClientFixture.unique("QueueT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        MessageQueue target = new MessageQueue(topic, cluster.brokerName(), 2);
        for (int i = 0; i < 3; i++) {
            SendResult r = producer.send(new Message(topic, ClientFixture.utf8("q" + i)), target);
            assertEquals(target, r.getMessageQueue());
            assertEquals(i, r.getQueueOffset());
        }
        await().atMost(WAIT).until(() -> producer.maxOffset(target) == 3);
        assertEquals(0, producer.minOffset(target));
    }

    @Test
    void orderedSendAndOrderlyConsumptionKeepPerKeyOrder() throws Exception {
        String topic = ClientFixture.unique("OrderT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        int keys = 4;
        int perKey = 10;
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                SendResult r = producer.send(new Message(topic, "order", "k" + k, ClientFixture.utf8(k + ":" + i)),
                    new SelectMessageQueueByHash(), k);
                assertEquals(k % 4, r.getMessageQueue().getQueueId());
            }
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<Integer, List<Long>> offsetsPerQueue = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        DefaultMQPushConsumer consumer = clients.pushConsumer(ClientFixture.unique("cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                String[] kv = new String(m.getBody(), StandardCharsets.UTF_8).split(":");
                seen.computeIfAbsent(kv[0], x -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(kv[1]));
                offsetsPerQueue.computeIfAbsent(m.getQueueId(), x -> new CopyOnWriteArrayList<>()).add(m.getQueueOffset());
                total.incrementAndGet();
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        await().atMost(WAIT).until(() -> total.get() >= keys * perKey);
        for (int k = 0; k < keys; k++) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < perKey; i++) {
                expected.add(i);
            }
            assertEquals(expected, seen.get(String.valueOf(k)), "order of key " + k);
        }
        for (List<Long> offsets : offsetsPerQueue.values()) {
            List<Long> sorted = new ArrayList<>(offsets);
            Collections.sort(sorted);
            assertEquals(sorted, offsets);
        }
    }

    @Test
    void batchIsStoredAsConsecutiveMessages() throws Exception {
        String topic = ClientFixture.unique("BatchT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new Message(topic, "TagB", "b" + i, ClientFixture.utf8("batch-" + i)));
        }
        SendResult r = producer.send(batch);
        assertEquals(SendStatus.SEND_OK, r.getSendStatus());
        List<String> batchIds = Arrays.asList(r.getMsgId().split(","));
        assertEquals(10, batchIds.size());
        // the consume queue is written asynchronously after the reply
        await().atMost(WAIT).until(() -> producer.maxOffset(r.getMessageQueue()) - r.getQueueOffset() == 10);
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        collect(ClientFixture.unique("cg"), topic, "*", got);
        await().atMost(WAIT).until(() -> got.size() >= 10);
        assertEquals(new HashSet<>(batchIds), ids(got));
        for (MessageExt m : got) {
            assertEquals(r.getMessageQueue().getQueueId(), m.getQueueId());
        }
    }

    @Test
    void largeBodyIsCompressedAndRestored() throws Exception {
        String topic = ClientFixture.unique("ZipT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        byte[] body = new byte[10 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + (i * 7 + i / 13) % 26);
        }
        SendResult r = producer.send(new Message(topic, body));
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        collect(ClientFixture.unique("cg"), topic, "*", got);
        await().atMost(WAIT).until(() -> !got.isEmpty());
        MessageExt m = got.get(0);
        assertEquals(r.getMsgId(), m.getMsgId());
        assertArrayEquals(body, m.getBody());
        assertEquals(1, m.getSysFlag() & 0x1, "stored compressed");
        assertTrue(m.getStoreSize() < body.length, "stored size " + m.getStoreSize() + " < body " + body.length);
    }

    @Test
    void tagFilterDeliversOnlyMatchingTags() throws Exception {
        String topic = ClientFixture.unique("TagT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 1);
        for (int i = 0; i < 3; i++) {
            producer.send(new Message(topic, "TagA", ClientFixture.utf8("a" + i)));
            producer.send(new Message(topic, "TagB", ClientFixture.utf8("b" + i)));
            producer.send(new Message(topic, "TagC", ClientFixture.utf8("c" + i)));
        }
        producer.send(new Message(topic, "TagA", ClientFixture.utf8("last")));
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = collect(ClientFixture.unique("cg"), topic, "TagA || TagB", got);
        await().atMost(WAIT).until(() -> got.size() >= 7 && caughtUp(consumer, producer, topic));
        assertEquals(7, got.size());
        for (MessageExt m : got) {
            assertTrue(m.getTags().equals("TagA") || m.getTags().equals("TagB"), m.getTags());
        }
    }

    // ---------------------------------------------------------------- groups

    @Test
    void clusteringGroupSharesQueuesAsConsumersJoinAndLeave() throws Exception {
        String topic = ClientFixture.unique("GroupT");
        String group = ClientFixture.unique("cg");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 8);
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        Set<String> sent = new HashSet<>();

        DefaultMQPushConsumer c1 = collect(group, topic, "*", got);
        await().atMost(WAIT).until(() -> held(c1, topic).size() == 8);
        sendSome(producer, topic, 16, sent);
        await().atMost(WAIT).until(() -> ids(got).containsAll(sent));

        DefaultMQPushConsumer c2 = collect(group, topic, "*", got);
        DefaultMQPushConsumer c3 = collect(group, topic, "*", got);
        List<DefaultMQPushConsumer> three = Arrays.asList(c1, c2, c3);
        await().atMost(WAIT).until(() -> partitioned(three, topic, 8));
        sendSome(producer, topic, 16, sent);
        await().atMost(WAIT).until(() -> ids(got).containsAll(sent));
        for (DefaultMQPushConsumer c : three) {
            assertTrue(held(c, topic).size() >= 2, "each of 3 consumers holds 2 or 3 of 8 queues");
        }

        c3.shutdown();
        List<DefaultMQPushConsumer> two = Arrays.asList(c1, c2);
        await().atMost(WAIT).until(() -> partitioned(two, topic, 8));
        sendSome(producer, topic, 16, sent);
        await().atMost(WAIT).until(() -> ids(got).containsAll(sent));
        assertEquals(4, held(c1, topic).size());
        assertEquals(4, held(c2, topic).size());
    }

    private static void sendSome(DefaultMQProducer producer, String topic, int n, Set<String> sent) throws Exception {
        for (int i = 0; i < n; i++) {
            sent.add(producer.send(new Message(topic, ClientFixture.utf8("m" + i))).getMsgId());
        }
    }

    /** Every queue held by exactly one consumer. */
    private static boolean partitioned(List<DefaultMQPushConsumer> consumers, String topic, int queues) {
        Set<MessageQueue> union = new HashSet<>();
        int sum = 0;
        for (DefaultMQPushConsumer c : consumers) {
            Set<MessageQueue> h = held(c, topic);
            union.addAll(h);
            sum += h.size();
        }
        return union.size() == queues && sum == queues;
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryConsumer(@TempDir Path offsets) throws Exception {
        String previous = System.getProperty("rocketmq.client.localOffsetStoreDir");
        System.setProperty("rocketmq.client.localOffsetStoreDir", offsets.toString());
        try {
            String topic = ClientFixture.unique("BcastT");
            String group = ClientFixture.unique("cg");
            DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
            clients.createTopic(producer, topic, 4);
            List<MessageExt> a = new CopyOnWriteArrayList<>();
            List<MessageExt> b = new CopyOnWriteArrayList<>();
            List<DefaultMQPushConsumer> consumers = new ArrayList<>();
            for (List<MessageExt> sink : Arrays.asList(a, b)) {
                DefaultMQPushConsumer c = clients.pushConsumer(group);
                c.setMessageModel(MessageModel.BROADCASTING);
                c.subscribe(topic, "*");
                c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                    sink.addAll(msgs);
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
                c.start();
                consumers.add(c);
            }
            await().atMost(WAIT).until(() -> held(consumers.get(0), topic).size() == 4 && held(consumers.get(1), topic).size() == 4);
            Set<String> sent = new HashSet<>();
            sendSome(producer, topic, 10, sent);
            await().atMost(WAIT).until(() -> ids(a).containsAll(sent) && ids(b).containsAll(sent));
            for (DefaultMQPushConsumer c : consumers) {
                c.shutdown();
            }
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(offsets)) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("offsets.json")), "local offsets persisted");
            }
        } finally {
            if (previous == null) {
                System.clearProperty("rocketmq.client.localOffsetStoreDir");
            } else {
                System.setProperty("rocketmq.client.localOffsetStoreDir", previous);
            }
        }
    }

    @Test
    void reconsumeLaterRedeliversThroughTheRetryTopic() throws Exception {
        String topic = ClientFixture.unique("RetryT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 2);
        List<MessageExt> deliveries = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = clients.pushConsumer(ClientFixture.unique("cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            deliveries.addAll(msgs);
            return msgs.get(0).getReconsumeTimes() == 0 ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        SendResult r = producer.send(new Message(topic, "TagR", ClientFixture.utf8("retry me")));
        // retry level 3 = 10 s on the broker
        await().atMost(WAIT).until(() -> deliveries.size() >= 2);
        MessageExt first = deliveries.get(0);
        MessageExt again = deliveries.get(1);
        assertEquals(0, first.getReconsumeTimes());
        assertEquals(1, again.getReconsumeTimes());
        assertEquals(r.getMsgId(), again.getMsgId());
        assertEquals(topic, again.getTopic(), "original topic restored from RETRY_TOPIC");
        assertEquals(topic, again.getProperty(MessageConst.PROPERTY_RETRY_TOPIC));
        assertEquals("TagR", again.getTags());
        assertEquals("retry me", new String(again.getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void restartedConsumerResumesFromTheCommittedOffset() throws Exception {
        String topic = ClientFixture.unique("ResumeT");
        String group = ClientFixture.unique("cg");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        Set<String> before = new HashSet<>();
        sendSome(producer, topic, 8, before);
        List<MessageExt> first = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c1 = collect(group, topic, "*", first);
        await().atMost(WAIT).until(() -> ids(first).containsAll(before) && caughtUp(c1, producer, topic));
        c1.shutdown();

        Set<String> after = new HashSet<>();
        sendSome(producer, topic, 8, after);
        List<MessageExt> second = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer c2 = collect(group, topic, "*", second);
        await().atMost(WAIT).until(() -> ids(second).containsAll(after) && caughtUp(c2, producer, topic));
        Set<String> redelivered = new HashSet<>(ids(second));
        redelivered.retainAll(before);
        assertEquals(Collections.emptySet(), redelivered);
        assertFalse(second.isEmpty());
    }

    // ---------------------------------------------------------------- pull consumers

    @Test
    void litePullAssignPollSeekAndCommit() throws Exception {
        String topic = ClientFixture.unique("LiteT");
        String group = ClientFixture.unique("cg");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 2);
        MessageQueue mq = new MessageQueue(topic, cluster.brokerName(), 1);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(producer.send(new Message(topic, ClientFixture.utf8("lite-" + i)), mq).getMsgId());
        }
        await().atMost(WAIT).until(() -> producer.maxOffset(mq) == 6);

        DefaultLitePullConsumer consumer = clients.litePullConsumer(group);
        consumer.setAutoCommit(false);
        consumer.assign(Collections.singletonList(mq));
        consumer.start();
        assertEquals(Collections.singleton(mq), consumer.assignment());
        List<String> first = pollUntil(consumer, 6);
        assertEquals(sent, first, "a queue is read in order");

        consumer.seek(mq, 2);
        assertEquals(sent.subList(2, 6), pollUntil(consumer, 4), "seek replays from offset 2");
        consumer.seekToBegin(mq);
        assertEquals(sent, pollUntil(consumer, 6));
        consumer.commitSync();
        assertEquals(6L, consumer.committed(mq).longValue());

        consumer.seekToEnd(mq);
        sent.add(producer.send(new Message(topic, ClientFixture.utf8("lite-late")), mq).getMsgId());
        assertEquals(sent.subList(6, 7), pollUntil(consumer, 1), "after seekToEnd only new messages");

        consumer.pause(Collections.singletonList(mq));
        sent.add(producer.send(new Message(topic, ClientFixture.utf8("lite-paused")), mq).getMsgId());
        assertTrue(consumer.poll(1500).isEmpty(), "a paused queue yields nothing");
        consumer.resume(Collections.singletonList(mq));
        assertEquals(sent.subList(7, 8), pollUntil(consumer, 1), "resumed");
    }

    private static List<String> pollUntil(DefaultLitePullConsumer consumer, int n) {
        List<String> got = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            for (MessageExt m : consumer.poll(200)) {
                got.add(m.getMsgId());
            }
            return got.size() >= n;
        });
        return got;
    }

    @Test
    void litePullSubscribeSharesQueuesAndAutoCommits() throws Exception {
        String topic = ClientFixture.unique("LiteSubT");
        String group = ClientFixture.unique("cg");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        Set<String> sent = new HashSet<>();
        sendSome(producer, topic, 12, sent);
        DefaultLitePullConsumer consumer = clients.litePullConsumer(group);
        consumer.setAutoCommitIntervalMillis(1000);
        consumer.subscribe(topic, "*");
        consumer.start();
        Set<String> got = new HashSet<>();
        await().atMost(WAIT).until(() -> {
            for (MessageExt m : consumer.poll(200)) {
                got.add(m.getMsgId());
            }
            return got.containsAll(sent);
        });
        assertEquals(4, consumer.assignment().size());
        for (MessageQueue mq : consumer.assignment()) {
            long max = producer.maxOffset(mq);
            await().atMost(WAIT).until(() -> {
                consumer.poll(100);
                return consumer.committed(mq) == max;
            });
        }
    }

    @Test
    void pullConsumerReadsAQueueAndStoresItsOffset() throws Exception {
        String topic = ClientFixture.unique("PullT");
        String group = ClientFixture.unique("cg");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 1);
        MessageQueue mq = new MessageQueue(topic, cluster.brokerName(), 0);
        for (int i = 0; i < 5; i++) {
            producer.send(new Message(topic, i % 2 == 0 ? "even" : "odd", ClientFixture.utf8("p" + i)), mq);
        }
        await().atMost(WAIT).until(() -> producer.maxOffset(mq) == 5);
        DefaultMQPullConsumer consumer = clients.pullConsumer(group);
        consumer.start();
        assertEquals(Collections.singleton(mq), consumer.fetchSubscribeMessageQueues(topic));
        PullResult all = consumer.pull(mq, "*", 0, 32);
        assertEquals(PullStatus.FOUND, all.getPullStatus());
        assertEquals(5, all.getMsgFoundList().size());
        assertEquals(5, all.getNextBeginOffset());
        PullResult even = consumer.pull(mq, "even", 0, 32);
        assertEquals(3, even.getMsgFoundList().size());
        PullResult none = consumer.pull(mq, "*", 5, 32);
        assertEquals(PullStatus.NO_NEW_MSG, none.getPullStatus());
        PullResult illegal = consumer.pull(mq, "*", 100, 32);
        assertEquals(PullStatus.OFFSET_ILLEGAL, illegal.getPullStatus());
        assertEquals(5, illegal.getNextBeginOffset());
        consumer.updateConsumeOffset(mq, 3);
        consumer.persist(mq);
        await().atMost(WAIT).until(() -> consumer.fetchConsumeOffset(mq, true) == 3);
    }

    // ---------------------------------------------------------------- interop with the official 4.9.7 client

    private static byte[] bigBody() {
        byte[] body = new byte[8 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('A' + (i * 31 + i / 7) % 26);
        }
        return body;
    }

    @Test
    void officialProducerToMercuryConsumer() throws Exception {
        String topic = ClientFixture.unique("InteropA");
        DefaultMQProducer admin = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(admin, topic, 4);
        org.apache.rocketmq.client.producer.DefaultMQProducer official =
            OfficialClient.producer(cluster.namesrvAddress(), ClientFixture.unique("opg"));
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < 4; i++) {
                byte[] body = i == 0 ? bigBody() : ClientFixture.utf8("official-" + i);
                org.apache.rocketmq.common.message.Message m = new org.apache.rocketmq.common.message.Message(topic, "TagO", body);
                m.putUserProperty("from", "apache");
                sent.put(official.send(m).getMsgId(), body);
            }
            List<org.apache.rocketmq.common.message.Message> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(new org.apache.rocketmq.common.message.Message(topic, "TagO", ClientFixture.utf8("official-batch-" + i)));
            }
            String[] batchIds = official.send(batch).getMsgId().split(",");
            for (int i = 0; i < 3; i++) {
                sent.put(batchIds[i], ClientFixture.utf8("official-batch-" + i));
            }
        } finally {
            official.shutdown();
        }
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        collect(ClientFixture.unique("cg"), topic, "TagO", got);
        await().atMost(WAIT).until(() -> ids(got).containsAll(sent.keySet()));
        for (MessageExt m : got) {
            assertArrayEquals(sent.get(m.getMsgId()), m.getBody(), m.getMsgId());
            assertEquals("TagO", m.getTags());
            if (m.getUserProperty("from") != null) {
                assertEquals("apache", m.getUserProperty("from"));
            }
        }
    }

    @Test
    void mercuryProducerToOfficialConsumer() throws Exception {
        String topic = ClientFixture.unique("InteropB");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        for (int i = 0; i < 4; i++) {
            byte[] body = i == 0 ? bigBody() : ClientFixture.utf8("mercury-" + i);
            Message m = new Message(topic, "TagM", "key" + i, body);
            m.putUserProperty("from", "mercury");
            sent.put(producer.send(m).getMsgId(), body);
        }
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(new Message(topic, "TagM", ClientFixture.utf8("mercury-batch-" + i)));
        }
        String[] batchIds = producer.send(batch).getMsgId().split(",");
        for (int i = 0; i < 3; i++) {
            sent.put(batchIds[i], ClientFixture.utf8("mercury-batch-" + i));
        }
        Map<String, org.apache.rocketmq.common.message.MessageExt> got = new ConcurrentHashMap<>();
        org.apache.rocketmq.client.consumer.DefaultMQPushConsumer official =
            OfficialClient.pushConsumer(cluster.namesrvAddress(), ClientFixture.unique("ocg"));
        try {
            official.subscribe(topic, "TagM");
            official.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                for (org.apache.rocketmq.common.message.MessageExt m : msgs) {
                    got.put(m.getMsgId(), m);
                }
                return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            official.start();
            await().atMost(WAIT).until(() -> got.keySet().containsAll(sent.keySet()));
        } finally {
            official.shutdown();
        }
        for (Map.Entry<String, byte[]> e : sent.entrySet()) {
            org.apache.rocketmq.common.message.MessageExt m = got.get(e.getKey());
            assertArrayEquals(e.getValue(), m.getBody(), e.getKey());
            assertEquals("TagM", m.getTags());
        }
        assertEquals("mercury", got.values().stream().filter(m -> "key1".equals(m.getKeys())).findFirst()
            .map(m -> m.getUserProperty("from")).orElse(null));
    }

    @Test
    void officialAndMercuryConsumersShareOneGroup() throws Exception {
        String topic = ClientFixture.unique("InteropMix");
        String group = ClientFixture.unique("mixg");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 4);
        Set<String> byMercury = ConcurrentHashMap.newKeySet();
        Set<String> byOfficial = ConcurrentHashMap.newKeySet();
        List<MessageExt> mercuryGot = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer mercury = collect(group, topic, "*", mercuryGot);
        org.apache.rocketmq.client.consumer.DefaultMQPushConsumer official = OfficialClient.pushConsumer(cluster.namesrvAddress(), group);
        try {
            official.subscribe(topic, "*");
            official.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                for (org.apache.rocketmq.common.message.MessageExt m : msgs) {
                    byOfficial.add(m.getMsgId());
                }
                return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            official.start();
            await().atMost(WAIT).until(() -> {
                Set<MessageQueue> m = held(mercury, topic);
                Set<org.apache.rocketmq.common.message.MessageQueue> o = new HashSet<>();
                for (org.apache.rocketmq.common.message.MessageQueue q
                    : official.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet()) {
                    if (q.getTopic().equals(topic)) {
                        o.add(q);
                    }
                }
                Set<Integer> ids = new HashSet<>();
                m.forEach(q -> ids.add(q.getQueueId()));
                o.forEach(q -> ids.add(q.getQueueId()));
                return m.size() == 2 && o.size() == 2 && ids.size() == 4;
            });
            Set<String> sent = new HashSet<>();
            sendSome(producer, topic, 16, sent);
            await().atMost(WAIT).until(() -> {
                byMercury.clear();
                byMercury.addAll(ids(mercuryGot));
                Set<String> all = new HashSet<>(byMercury);
                all.addAll(byOfficial);
                return all.containsAll(sent);
            });
            assertFalse(byMercury.isEmpty(), "the Mercury member consumed its share");
            assertFalse(byOfficial.isEmpty(), "the official member consumed its share");
        } finally {
            official.shutdown();
        }
    }

    // ---------------------------------------------------------------- broker-to-client requests

    @Test
    void adminRequestsRelayedByTheBrokerAreAnswered() throws Exception {
        String topic = ClientFixture.unique("AdminT");
        String group = ClientFixture.unique("cg");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 2);
        List<SendResult> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(producer.send(new Message(topic, "TagX", ClientFixture.utf8("admin-" + i))));
        }
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = collect(group, topic, "*", got);
        await().atMost(WAIT).until(() -> got.size() >= 4 && caughtUp(consumer, producer, topic));
        String clientId = consumer.getDefaultMQPushConsumerImpl().getMQClientFactory().getClientId();

        org.apache.rocketmq.tools.admin.DefaultMQAdminExt admin = new org.apache.rocketmq.tools.admin.DefaultMQAdminExt();
        admin.setNamesrvAddr(cluster.namesrvAddress());
        admin.setInstanceName(ClientFixture.unique("admin"));
        admin.start();
        try {
            org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, clientId, false);
            assertEquals("CONSUME_PASSIVELY", info.getProperties().getProperty("PROP_CONSUME_TYPE"));
            assertEquals(2, info.getMqTable().keySet().stream().filter(q -> q.getTopic().equals(topic)).count());
            assertTrue(info.getSubscriptionSet().stream().anyMatch(sd -> sd.getTopic().equals(topic)));

            Map<String, Map<org.apache.rocketmq.common.message.MessageQueue, Long>> status =
                admin.getConsumeStatus(topic, group, null);
            assertTrue(status.containsKey(clientId), status.toString());
            long committed = status.get(clientId).values().stream().mapToLong(Long::longValue).sum();
            assertEquals(4, committed);

            org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult direct =
                admin.consumeMessageDirectly(group, clientId, sent.get(0).getOffsetMsgId());
            assertEquals("CR_SUCCESS", direct.getConsumeResult().name());

            // the broker resets only queues it has an offset for: wait for the periodic persist (first after 10 s)
            await().atMost(WAIT).until(() -> {
                long stored = 0;
                for (Map.Entry<org.apache.rocketmq.common.message.MessageQueue, org.apache.rocketmq.common.admin.OffsetWrapper> e
                    : admin.examineConsumeStats(group, topic).getOffsetTable().entrySet()) {
                    stored += e.getValue().getConsumerOffset();
                }
                return stored == 4;
            });
            int before = got.size();
            admin.resetOffsetByTimestamp(topic, group, 0L, true);
            await().atMost(WAIT).until(() -> got.size() >= before + 4);
            Set<String> again = ids(got.subList(before, got.size()));
            for (SendResult r : sent) {
                assertTrue(again.contains(r.getMsgId()), "re-consumed after the reset: " + r.getMsgId());
            }
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void orderlySuspendRetriesTheSameMessageBeforeMovingOn() throws Exception {
        String topic = ClientFixture.unique("SuspendT");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 1);
        for (int i = 0; i < 3; i++) {
            producer.send(new Message(topic, ClientFixture.utf8("s" + i)));
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        DefaultMQPushConsumer consumer = clients.pushConsumer(ClientFixture.unique("cg"));
        consumer.setSuspendCurrentQueueTimeMillis(100);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            String body = new String(msgs.get(0).getBody(), StandardCharsets.UTF_8);
            seen.add(body + "#" + msgs.get(0).getReconsumeTimes());
            if (body.equals("s1") && failuresLeft.getAndDecrement() > 0) {
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        await().atMost(WAIT).until(() -> seen.size() >= 5 && caughtUp(consumer, producer, topic));
        assertEquals(Arrays.asList("s0#0", "s1#0", "s1#1", "s1#2", "s2#0"), seen);
    }

    @Test
    void pushConsumerRecoversFromAnOffsetBeyondTheQueue() throws Exception {
        String topic = ClientFixture.unique("MovedT");
        String group = ClientFixture.unique("cg");
        DefaultMQProducer producer = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(producer, topic, 1);
        MessageQueue mq = new MessageQueue(topic, cluster.brokerName(), 0);
        Set<String> old = new HashSet<>();
        sendSome(producer, topic, 3, old);
        DefaultMQPullConsumer setter = clients.pullConsumer(group);
        setter.start();
        setter.updateConsumeOffset(mq, 100);
        setter.shutdown();

        List<MessageExt> got = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = collect(group, topic, "*", got);
        // the pull at 100 is answered PULL_OFFSET_MOVED (next = max 3); the queue is re-created 10 s later
        await().atMost(WAIT).until(() -> consumer.getOffsetStore().readOffset(mq, ReadOffsetType.READ_FROM_MEMORY) == 3
            && held(consumer, topic).contains(mq));
        Set<String> fresh = new HashSet<>();
        sendSome(producer, topic, 2, fresh);
        await().atMost(WAIT).until(() -> ids(got).containsAll(fresh));
        Set<String> replayed = new HashSet<>(ids(got));
        replayed.retainAll(old);
        assertEquals(Collections.emptySet(), replayed, "messages before the moved-to offset are not consumed");
    }

    @Test
    void requestIsAnsweredThroughTheReplyTopic() throws Exception {
        String topic = ClientFixture.unique("RequestT");
        DefaultMQProducer requester = clients.producer(ClientFixture.unique("pg"));
        DefaultMQProducer replier = clients.producer(ClientFixture.unique("rpg"));
        clients.createTopic(requester, topic, 2);
        DefaultMQPushConsumer responder = clients.pushConsumer(ClientFixture.unique("cg"));
        responder.subscribe(topic, "*");
        responder.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                try {
                    String q = new String(m.getBody(), StandardCharsets.UTF_8);
                    replier.send(MessageUtil.createReplyMessage(m, ClientFixture.utf8("answer to " + q)));
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        responder.start();

        Message reply = requester.request(new Message(topic, ClientFixture.utf8("q1")), 10_000);
        assertEquals("answer to q1", new String(reply.getBody(), StandardCharsets.UTF_8));
        assertEquals("reply", reply.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE));

        AtomicReference<Object> async = new AtomicReference<>();
        requester.request(new Message(topic, ClientFixture.utf8("q2")), new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
                async.set(new String(message.getBody(), StandardCharsets.UTF_8));
            }

            @Override
            public void onException(Throwable e) {
                async.set(e);
            }
        }, 10_000);
        await().atMost(WAIT).until(() -> async.get() != null);
        assertEquals("answer to q2", async.get());
    }

    @Test
    void requestWithoutResponderTimesOut() throws Exception {
        String topic = ClientFixture.unique("NoReplyT");
        DefaultMQProducer requester = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(requester, topic, 1);
        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
            () -> requester.request(new Message(topic, ClientFixture.utf8("anyone?")), 1500));
        assertTrue(e.getMessage().contains("wait reply message timeout"), e.getMessage());
    }
}
