package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.DefaultLitePullConsumer;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.client.producer.TransactionMQProducer;
import org.mercurymq.client.trace.TraceContext;
import org.mercurymq.client.trace.TraceType;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageType;

/**
 * Message trace end to end (docs/client.md "Message trace"): Mercury's traced producer and push consumer write records
 * the official 4.9.7 decoder and {@code mqadmin queryMsgTraceById} read back; the official 4.9.7 client's records are
 * read by Mercury's decoder. Both clusters run with {@code traceTopicEnable=true}. Mixed into {@link ClientScenarioSuite}.
 */
interface TraceScenarios {
    Duration TRACE_WAIT = Duration.ofSeconds(60);
    String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    TestCluster cluster();

    ClientFixture clients();

    @Test
    default void mercuryTracesAreReadByTheOfficialQueryMsgTraceById() throws Exception {
        String topic = ClientFixture.unique("TraceT");
        String pg = ClientFixture.unique("tracePG");
        String cg = ClientFixture.unique("traceCG");
        String key = ClientFixture.unique("order");
        DefaultMQProducer producer = clients().tracedProducer(pg, null);
        clients().createTopic(producer, topic, 1);
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = clients().tracedPushConsumer(cg, null);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            got.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        SendResult sent = producer.send(new Message(topic, "TagT", key, ClientFixture.utf8("traced")));
        String msgId = sent.getMsgId();
        await().atMost(TRACE_WAIT).until(() -> !got.isEmpty());

        List<org.apache.rocketmq.client.trace.TraceContext> traces = officialTraces(msgId, "Pub", "SubBefore", "SubAfter");

        org.apache.rocketmq.client.trace.TraceContext pub = only(traces, "Pub");
        org.apache.rocketmq.client.trace.TraceBean pubBean = pub.getTraceBeans().get(0);
        assertEquals(pg, pub.getGroupName());
        assertEquals("DefaultRegion", pub.getRegionId());
        assertTrue(pub.isSuccess());
        assertTrue(pub.getCostTime() >= 0 && pub.getCostTime() < 60_000, "cost " + pub.getCostTime());
        assertEquals(topic, pubBean.getTopic());
        assertEquals(msgId, pubBean.getMsgId());
        assertEquals(sent.getOffsetMsgId(), pubBean.getOffsetMsgId());
        assertEquals("TagT", pubBean.getTags());
        assertEquals(key, pubBean.getKeys());
        assertTrue(pubBean.getStoreHost().matches("127\\.0\\.0\\.1:\\d+"), pubBean.getStoreHost());
        assertEquals(6, pubBean.getBodyLength());
        assertEquals(org.apache.rocketmq.common.message.MessageType.Normal_Msg, pubBean.getMsgType());

        org.apache.rocketmq.client.trace.TraceContext before = only(traces, "SubBefore");
        org.apache.rocketmq.client.trace.TraceContext after = only(traces, "SubAfter");
        assertEquals(cg, before.getGroupName());
        assertEquals(0, before.getTraceBeans().get(0).getRetryTimes());
        assertEquals(key, before.getTraceBeans().get(0).getKeys());
        assertEquals(before.getRequestId(), after.getRequestId());
        assertEquals(32, after.getRequestId().length());
        assertEquals(cg, after.getGroupName());
        assertTrue(after.isSuccess());
        assertEquals(0, after.getContextCode(), "ConsumeReturnType.SUCCESS");
        assertEquals(key, after.getTraceBeans().get(0).getKeys());
        assertTrue(after.getTimeStamp() >= before.getTimeStamp());

        // the official mqadmin prints the producer's and the consumer group's line
        // retried: the first name-server call of a fresh JVM on a loaded machine can exceed the tool's time-out
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            await().atMost(TRACE_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                last.set(TraceQueries.officialMqadmin("queryMsgTraceById", "-n", cluster().namesrvAddress(), "-i", msgId));
                return last.get().contains("#ProducerGroup") && last.get().contains("#ConsumerGroup");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("queryMsgTraceById printed:\n" + last.get(), e);
        }
        String out = last.get();
        String[] pubLine = line(out, "Pub ");
        assertEquals(pg, pubLine[1], out);
        assertEquals("127.0.0.1", pubLine[2], out);
        assertTrue(pubLine[5].matches("\\d+ms"), out);
        assertEquals("success", pubLine[6], out);
        String[] subLine = line(out, "Sub ");
        assertEquals(cg, subLine[1], out);
        assertEquals("127.0.0.1", subLine[2], out);
        assertEquals("success", subLine[6], out);
    }

    /**
     * The official 4.9.7 producer and push consumer with {@code enableMsgTrace} and a customized trace topic (created
     * on first use from TBW102): Mercury's client finds their records by msgId and decodes them.
     */
    default void officialTracesAreReadByMercurysDecoder() throws Exception {
        String topic = ClientFixture.unique("OTraceT");
        String traceTopic = ClientFixture.unique("OTraceTopic");
        String pg = ClientFixture.unique("otracePG");
        String cg = ClientFixture.unique("otraceCG");
        DefaultMQProducer mercury = clients().producer(ClientFixture.unique("reader"));
        clients().createTopic(mercury, topic, 1);
        org.apache.rocketmq.client.producer.DefaultMQProducer producer =
            new org.apache.rocketmq.client.producer.DefaultMQProducer(pg, true, traceTopic);
        producer.setNamesrvAddr(cluster().namesrvAddress());
        producer.setInstanceName(ClientFixture.unique("otp"));
        org.apache.rocketmq.client.consumer.DefaultMQPushConsumer consumer =
            new org.apache.rocketmq.client.consumer.DefaultMQPushConsumer(cg, true, traceTopic);
        consumer.setNamesrvAddr(cluster().namesrvAddress());
        consumer.setInstanceName(ClientFixture.unique("otc"));
        consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        List<org.apache.rocketmq.common.message.MessageExt> got = new CopyOnWriteArrayList<>();
        try {
            producer.start();
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
                (msgs, ctx) -> {
                    got.addAll(msgs);
                    return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
            consumer.start();
            org.apache.rocketmq.client.producer.SendResult sent = producer.send(
                new org.apache.rocketmq.common.message.Message(topic, "TagO", "k1 k2", ClientFixture.utf8("official")));
            String msgId = sent.getMsgId();
            await().atMost(TRACE_WAIT).until(() -> !got.isEmpty());

            List<TraceContext> traces = await().atMost(TRACE_WAIT).ignoreExceptions()
                .until(() -> TraceQueries.mercury(mercury, traceTopic, msgId),
                    all -> all.stream().map(c -> c.getTraceType().name()).collect(Collectors.toSet())
                        .containsAll(Arrays.asList("Pub", "SubBefore", "SubAfter")));
            TraceContext pub = mercuryOnly(traces, TraceType.Pub);
            assertEquals(pg, pub.getGroupName());
            assertEquals("DefaultRegion", pub.getRegionId());
            assertTrue(pub.isSuccess());
            assertEquals(topic, pub.getTraceBeans().get(0).getTopic());
            assertEquals("TagO", pub.getTraceBeans().get(0).getTags());
            assertEquals("k1 k2", pub.getTraceBeans().get(0).getKeys());
            assertEquals(8, pub.getTraceBeans().get(0).getBodyLength());
            assertEquals(sent.getOffsetMsgId(), pub.getTraceBeans().get(0).getOffsetMsgId());
            assertEquals(MessageType.Normal_Msg, pub.getTraceBeans().get(0).getMsgType());
            TraceContext before = mercuryOnly(traces, TraceType.SubBefore);
            TraceContext after = mercuryOnly(traces, TraceType.SubAfter);
            assertEquals(cg, before.getGroupName());
            assertEquals(before.getRequestId(), after.getRequestId());
            assertEquals(cg, after.getGroupName());
            assertTrue(after.isSuccess());
            assertEquals(0, after.getContextCode());
            assertEquals("k1 k2", after.getTraceBeans().get(0).getKeys());
            // the trace message is findable by each of the traced message's keys too
            assertNotNull(await().atMost(TRACE_WAIT).ignoreExceptions()
                .until(() -> mercury.queryMessage(traceTopic, "k2", 64, 0, System.currentTimeMillis()), r -> !r.getMessageList().isEmpty()));
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    /**
     * A traced lite pull consumer and a traced transactional producer (commit): the official decoder finds the lite
     * pull consumer's SubBefore/SubAfter and the half message's Pub (type 1) and EndTransaction records.
     */
    default void litePullAndTransactionTracesAreReadByTheOfficialDecoder() throws Exception {
        String topic = ClientFixture.unique("TxTraceT");
        String txGroup = ClientFixture.unique("txTracePG");
        String liteGroup = ClientFixture.unique("liteTraceCG");
        TransactionMQProducer producer = new TransactionMQProducer(null, txGroup, null, true, null);
        producer.setNamesrvAddr(cluster().namesrvAddress());
        producer.setInstanceName(ClientFixture.unique("ttp"));
        producer.setPollNameServerInterval(1000);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        DefaultLitePullConsumer lite = clients().litePullConsumer(liteGroup);
        lite.setEnableMsgTrace(true);
        try {
            producer.start();
            clients().createTopic(producer, topic, 1);
            lite.subscribe(topic, "*");
            lite.start();
            SendResult sent = producer.sendMessageInTransaction(new Message(topic, "TagX", "tx-key", ClientFixture.utf8("tx")), null);
            String msgId = sent.getMsgId();
            List<MessageExt> polled = new CopyOnWriteArrayList<>();
            await().atMost(TRACE_WAIT).until(() -> {
                polled.addAll(lite.poll(200));
                return !polled.isEmpty();
            });
            assertEquals(msgId, polled.get(0).getMsgId());

            List<org.apache.rocketmq.client.trace.TraceContext> traces =
                officialTraces(msgId, "Pub", "EndTransaction", "SubBefore", "SubAfter");
            org.apache.rocketmq.client.trace.TraceContext pub = only(traces, "Pub");
            assertEquals(txGroup, pub.getGroupName());
            assertEquals(org.apache.rocketmq.common.message.MessageType.Trans_Msg_Half, pub.getTraceBeans().get(0).getMsgType());
            org.apache.rocketmq.client.trace.TraceContext end = only(traces, "EndTransaction");
            org.apache.rocketmq.client.trace.TraceBean endBean = end.getTraceBeans().get(0);
            assertEquals(txGroup, end.getGroupName());
            assertEquals("DefaultRegion", end.getRegionId());
            assertEquals(topic, endBean.getTopic());
            assertEquals("TagX", endBean.getTags());
            assertEquals("tx-key", endBean.getKeys());
            assertEquals(msgId, endBean.getTransactionId());
            assertEquals(org.apache.rocketmq.client.producer.LocalTransactionState.COMMIT_MESSAGE, endBean.getTransactionState());
            assertEquals(false, endBean.isFromTransactionCheck());
            assertEquals(org.apache.rocketmq.common.message.MessageType.Trans_msg_Commit, endBean.getMsgType());
            org.apache.rocketmq.client.trace.TraceContext after = only(traces, "SubAfter");
            assertEquals(liteGroup, only(traces, "SubBefore").getGroupName());
            assertEquals(liteGroup, after.getGroupName());
            assertTrue(after.isSuccess());
        } finally {
            producer.shutdown();
        }
    }

    /** Waits until the official admin and decoder find records of all {@code types} about {@code msgId}; returns them. */
    default List<org.apache.rocketmq.client.trace.TraceContext> officialTraces(String msgId, String... types) throws Exception {
        org.apache.rocketmq.tools.admin.DefaultMQAdminExt admin = TraceQueries.officialAdmin(cluster().namesrvAddress());
        try {
            return await().atMost(TRACE_WAIT).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> TraceQueries.official(admin, TRACE_TOPIC, msgId), all -> types(all).containsAll(Arrays.asList(types)));
        } finally {
            admin.shutdown();
        }
    }

    static List<String> types(List<org.apache.rocketmq.client.trace.TraceContext> all) {
        return all.stream().map(c -> c.getTraceType().name()).collect(Collectors.toList());
    }

    static org.apache.rocketmq.client.trace.TraceContext only(List<org.apache.rocketmq.client.trace.TraceContext> all,
                                                             String type) {
        List<org.apache.rocketmq.client.trace.TraceContext> of =
            all.stream().filter(c -> c.getTraceType().name().equals(type)).collect(Collectors.toList());
        assertEquals(1, of.size(), type + " records: " + of);
        return of.get(0);
    }

    static TraceContext mercuryOnly(List<TraceContext> all, TraceType type) {
        Predicate<TraceContext> isType = c -> c.getTraceType() == type;
        List<TraceContext> of = all.stream().filter(isType).collect(Collectors.toList());
        assertEquals(1, of.size(), type + " records: " + of);
        return of.get(0);
    }

    /** The whitespace-separated fields of the first output line starting with {@code prefix}. */
    static String[] line(String out, String prefix) {
        for (String l : out.split("\n")) {
            if (l.startsWith(prefix)) {
                return l.trim().split("\\s+");
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in:\n" + out);
    }
}
