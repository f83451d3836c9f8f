package org.mercurymq.test.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.TopicNames;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * Delayed messages, consumer retries through %RETRY% and the DLQ, and transactional messages with the
 * official 4.9.7 clients. The broker runs with one-second delay levels so retries come back quickly.
 */
class BrokerRetryDelayTransactionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static MercuryCluster cluster;
    private static OfficialClients shared;
    private static DefaultMQAdminExt admin;
    private OfficialClients clients;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = MercuryCluster.start(dir, "messageDelayLevel=1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s",
            "transactionCheckInterval=1000", "transactionTimeOut=1000", "transactionCheckMax=2");
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

    private static long totalMaxOffset(String topic) {
        try {
            long sum = 0;
            for (TopicOffset o : admin.examineTopicStats(topic).getOffsetTable().values()) {
                sum += o.getMaxOffset();
            }
            return sum;
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void delayedMessageGoesThroughTheScheduleTopicAndArrivesUnchanged() throws Exception {
        String topic = createTopic("Delayed", 2);
        long scheduledBefore = totalMaxOffset("SCHEDULE_TOPIC_XXXX");
        Map<String, MessageExt> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer c = clients.pushConsumer(OfficialClients.unique("dcg"));
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(topic, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.put(new String(m.getBody(), StandardCharsets.UTF_8), m));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        clients.started(c);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        Message m = new Message(topic, "TagD", "delayed-key", "delayed".getBytes(StandardCharsets.UTF_8));
        m.setDelayTimeLevel(2);
        SendResult r = producer.send(m);
        assertEquals(SendStatus.SEND_OK, r.getSendStatus());
        // the consume queue is built by the dispatcher just after the send is acknowledged
        await("stored in the schedule topic first").atMost(WAIT)
            .until(() -> totalMaxOffset("SCHEDULE_TOPIC_XXXX") == scheduledBefore + 1);
        await().atMost(WAIT).until(() -> received.containsKey("delayed"));
        MessageExt got = received.get("delayed");
        assertEquals(topic, got.getTopic());
        assertEquals("TagD", got.getTags());
        assertEquals("delayed-key", got.getKeys());
        assertEquals(r.getMsgId(), got.getMsgId());
        assertNull(got.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL));
    }

    @Test
    void failedMessagesAreRetriedAndThenDeadLettered() throws Exception {
        String topic = createTopic("Retry", 1);
        String group = OfficialClients.unique("retrycg");
        // a new group's retry topic appears only with its first heartbeat, after the client fetched its routes:
        // create it up front so the client does not wait for its next 30 s route refresh
        admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig("%RETRY%" + group, 1, 1, 6));
        await().atMost(WAIT).ignoreExceptions().until(() ->
            admin.examineTopicRouteInfo("%RETRY%" + group).getQueueDatas().size() == 1);
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Set<Integer> reconsumeTimes = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c = clients.pushConsumer(group);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setMaxReconsumeTimes(2);
        c.subscribe(topic, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                deliveries.computeIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8), k -> new AtomicInteger())
                    .incrementAndGet();
                reconsumeTimes.add(m.getReconsumeTimes());
                assertEquals(topic, m.getTopic());
            }
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        clients.started(c);
        DefaultMQProducer producer = clients.producer(OfficialClients.unique("pg"));
        producer.send(new Message(topic, "TagA", "doomed".getBytes(StandardCharsets.UTF_8)));
        String dlq = "%DLQ%" + group;
        await().atMost(WAIT).until(() -> totalMaxOffset(dlq) == 1);
        assertEquals(3, deliveries.get("doomed").get(), "the first delivery and two retries");
        assertEquals(Set.of(0, 1, 2), reconsumeTimes);
        assertTrue(totalMaxOffset("%RETRY%" + group) >= 2);
    }

    /**
     * The official TransactionMQProducer: commit and rollback after the local transaction, UNKNOW resolved by the
     * broker's check-back to commit or rollback, and a local transaction that throws (UNKNOW, then checked).
     */
    @Test
    void committedTransactionsAreDeliveredAndRolledBackOnesAreNot() throws Exception {
        String topic = createTopic("Tx", 2);
        Map<String, LocalTransactionState> decisions = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
        TransactionMQProducer producer = new TransactionMQProducer(OfficialClients.unique("txpg"));
        producer.setNamesrvAddr(cluster.namesrvAddress());
        producer.setInstanceName(OfficialClients.unique("tx"));
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                String body = new String(msg.getBody(), StandardCharsets.UTF_8);
                if (body.equals("throws")) {
                    throw new IllegalStateException("local transaction failed on purpose");
                }
                return decisions.get(body);
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                String body = new String(msg.getBody(), StandardCharsets.UTF_8);
                checks.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
                return body.equals("unknown-rollback") ? LocalTransactionState.ROLLBACK_MESSAGE : LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        try {
            decisions.put("rollback", LocalTransactionState.ROLLBACK_MESSAGE);
            decisions.put("commit", LocalTransactionState.COMMIT_MESSAGE);
            decisions.put("unknown", LocalTransactionState.UNKNOW);
            decisions.put("unknown-rollback", LocalTransactionState.UNKNOW);
            decisions.put("throws", LocalTransactionState.UNKNOW);
            for (String body : new String[] {"rollback", "commit", "unknown", "unknown-rollback", "throws"}) {
                TransactionSendResult r = producer.sendMessageInTransaction(
                    new Message(topic, "TagT", body, body.getBytes(StandardCharsets.UTF_8)), null);
                assertEquals(SendStatus.SEND_OK, r.getSendStatus());
                assertEquals(decisions.get(body), r.getLocalTransactionState());
            }
            Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
            DefaultMQPushConsumer c = clients.pushConsumer(OfficialClients.unique("txcg"));
            c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            c.subscribe(topic, "*");
            c.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> received.computeIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8),
                    k -> new AtomicInteger()).incrementAndGet());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            clients.started(c);
            // "unknown" and "throws" are resolved by the broker's transaction check, which the producer commits
            await().atMost(WAIT).until(() -> received.keySet().containsAll(Set.of("commit", "unknown", "throws")));
            await("the check-back of unknown-rollback").atMost(WAIT).until(() -> checks.containsKey("unknown-rollback"));
            assertTrue(checks.containsKey("unknown") && checks.containsKey("throws"));
            assertEquals(3, totalMaxOffset(topic), "the real topic holds only the committed messages");
            assertEquals(Set.of("commit", "unknown", "throws"), received.keySet());
            received.forEach((body, n) -> assertEquals(1, n.get(), body));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void resumeCheckHalfMessagePutsAGivenUpHalfMessageBackForChecking() throws Exception {
        String topic = createTopic("TxResume", 1);
        AtomicReference<LocalTransactionState> answer = new AtomicReference<>(LocalTransactionState.UNKNOW);
        AtomicInteger checks = new AtomicInteger();
        AtomicReference<String> lastCheckedHalf = new AtomicReference<>();
        TransactionMQProducer producer = new TransactionMQProducer(OfficialClients.unique("txrpg"));
        producer.setNamesrvAddr(cluster.namesrvAddress());
        producer.setInstanceName(OfficialClients.unique("txr"));
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                lastCheckedHalf.set(msg.getMsgId());
                checks.incrementAndGet();
                return answer.get();
            }
        });
        producer.start();
        try {
            long givenUpBefore = totalMaxOffset(TopicNames.TRANS_CHECK_MAX_TIME_TOPIC);
            TransactionSendResult sent = producer.sendMessageInTransaction(
                new Message(topic, "TagR", "stuck".getBytes(StandardCharsets.UTF_8)), null);
            assertEquals(SendStatus.SEND_OK, sent.getSendStatus());
            // transactionCheckMax=2: after two unanswered checks the broker gives the half message up
            await().atMost(WAIT).until(() -> totalMaxOffset(TopicNames.TRANS_CHECK_MAX_TIME_TOPIC) > Math.max(0, givenUpBefore));
            int checksWhenGivenUp = checks.get();
            assertEquals(0, totalMaxOffset(topic), "nothing committed yet");
            answer.set(LocalTransactionState.COMMIT_MESSAGE);
            // the official client leaves TransactionSendResult.offsetMsgId empty; a checked half message carries its id
            assertTrue(admin.resumeCheckHalfMessage(lastCheckedHalf.get()));
            await().atMost(WAIT).until(() -> totalMaxOffset(topic) == 1);
            assertTrue(checks.get() > checksWhenGivenUp, "the producer was asked again after the resume");
        } finally {
            producer.shutdown();
        }
    }
}
