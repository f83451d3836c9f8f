package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.client.producer.TransactionMQProducer;
import org.mercurymq.client.producer.TransactionSendResult;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.header.EndTransactionRequestHeader;

/**
 * Mercury's TransactionMQProducer against a cluster (mixed into {@link ClientScenarioSuite}, so it runs against
 * Mercury and against Apache RocketMQ 4.9.7): the shape of RocketMQ 4.x's transaction example, with a listener
 * that commits, rolls back, answers UNKNOW (resolved by check-back to commit or rollback) or throws.
 */
interface TransactionScenarios {
    /** Broker keys that make the transaction check run every second on half messages at least a second old. */
    String[] FAST_CHECK_BACK = {"transactionCheckInterval=1000", "transactionTimeOut=1000"};
    Duration TX_WAIT = Duration.ofSeconds(60);

    TestCluster cluster();

    ClientFixture clients();

    /** Decides by message body: what the local transaction does and what a check-back answers. */
    final class ScriptedListener implements TransactionListener {
        final Map<String, Object> args = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
        final Map<String, MessageExt> checked = new ConcurrentHashMap<>();
        final Map<String, String> transactionIds = new ConcurrentHashMap<>();

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            String body = new String(msg.getBody(), StandardCharsets.UTF_8);
            args.put(body, arg);
            transactionIds.put(body, msg.getTransactionId());
            switch (body) {
                case "commit":
                    return LocalTransactionState.COMMIT_MESSAGE;
                case "rollback":
                    return LocalTransactionState.ROLLBACK_MESSAGE;
                case "throws":
                    throw new IllegalStateException("local transaction failed on purpose");
                default:
                    return LocalTransactionState.UNKNOW;
            }
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            String body = new String(msg.getBody(), StandardCharsets.UTF_8);
            checked.put(body, msg);
            checks.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
            return body.equals("check-rollback") ? LocalTransactionState.ROLLBACK_MESSAGE : LocalTransactionState.COMMIT_MESSAGE;
        }

        int checksOf(String body) {
            AtomicInteger n = checks.get(body);
            return n == null ? 0 : n.get();
        }
    }

    /** Records every END_TRANSACTION the producer sends, as the header and remark that go on the wire. */
    final class EndTransactionRecorder implements RPCHook {
        final List<EndTransactionRequestHeader> sent = new CopyOnWriteArrayList<>();
        final Map<String, String> remarks = new ConcurrentHashMap<>();

        @Override
        public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            if (request.getCode() == RequestCode.END_TRANSACTION) {
                EndTransactionRequestHeader h = (EndTransactionRequestHeader) request.readCustomHeader();
                sent.add(h);
                if (request.getRemark() != null) {
                    remarks.put(h.getMsgId(), request.getRemark());
                }
            }
        }

        @Override
        public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
        }

        boolean has(String msgId, int commitOrRollback, boolean fromCheck) {
            for (EndTransactionRequestHeader h : sent) {
                if (h.getMsgId().equals(msgId) && h.getCommitOrRollback() == commitOrRollback
                    && Boolean.TRUE.equals(h.getFromTransactionCheck()) == fromCheck) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    default void transactionsCommitRollBackOrAreResolvedByCheckBack() throws Exception {
        String topic = ClientFixture.unique("TxT");
        String group = ClientFixture.unique("txpg");
        ScriptedListener listener = new ScriptedListener();
        EndTransactionRecorder wire = new EndTransactionRecorder();
        TransactionMQProducer producer = clients().transactionProducer(group, listener, wire);
        clients().createTopic(producer, topic, 2);
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        Map<String, MessageExt> deliveredMsgs = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = clients().pushConsumer(ClientFixture.unique("txcg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                String body = new String(m.getBody(), StandardCharsets.UTF_8);
                delivered.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
                deliveredMsgs.put(body, m);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();

        Map<String, LocalTransactionState> expected = new java.util.LinkedHashMap<>();
        expected.put("commit", LocalTransactionState.COMMIT_MESSAGE);
        expected.put("rollback", LocalTransactionState.ROLLBACK_MESSAGE);
        expected.put("check-commit", LocalTransactionState.UNKNOW);
        expected.put("check-rollback", LocalTransactionState.UNKNOW);
        expected.put("throws", LocalTransactionState.UNKNOW);
        Map<String, TransactionSendResult> results = new ConcurrentHashMap<>();
        for (Map.Entry<String, LocalTransactionState> e : expected.entrySet()) {
            Message msg = new Message(topic, "TagTx", "key-" + e.getKey(), ClientFixture.utf8(e.getKey()));
            if (e.getKey().equals("commit")) {
                msg.setDelayTimeLevel(3); // dropped: a half message is never delayed
            }
            TransactionSendResult r = producer.sendMessageInTransaction(msg, "arg-" + e.getKey());
            assertEquals(SendStatus.SEND_OK, r.getSendStatus(), e.getKey());
            assertEquals(e.getValue(), r.getLocalTransactionState(), e.getKey());
            assertEquals("arg-" + e.getKey(), listener.args.get(e.getKey()));
            assertEquals(r.getMsgId(), listener.transactionIds.get(e.getKey()), "the listener sees the UNIQ_KEY as transaction id");
            assertEquals("true", msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED));
            assertEquals(group, msg.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));
            assertNull(msg.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL));
            results.put(e.getKey(), r);
        }
        // END_TRANSACTION after the local transaction: commit 8, rollback 12, not-type 0 for UNKNOW and for the exception
        assertTrue(wire.has(results.get("commit").getMsgId(), 8, false));
        assertTrue(wire.has(results.get("rollback").getMsgId(), 12, false));
        assertTrue(wire.has(results.get("check-commit").getMsgId(), 0, false));
        assertTrue(wire.has(results.get("throws").getMsgId(), 0, false));
        assertTrue(wire.remarks.get(results.get("throws").getMsgId()).contains("local transaction failed on purpose"));

        await("commits, including those resolved by check-back, are delivered").atMost(TX_WAIT)
            .until(() -> delivered.keySet().containsAll(List.of("commit", "check-commit", "throws")));
        await("the check-back answers rollback for check-rollback").atMost(TX_WAIT)
            .until(() -> wire.has(results.get("check-rollback").getMsgId(), 12, true));
        assertTrue(wire.has(results.get("check-commit").getMsgId(), 8, true));
        assertTrue(wire.has(results.get("throws").getMsgId(), 8, true));
        assertTrue(listener.checksOf("check-rollback") >= 1);

        MessageExt asked = listener.checked.get("check-commit");
        assertEquals(topic, asked.getTopic(), "the check carries the real topic");
        assertEquals(results.get("check-commit").getMsgId(), asked.getTransactionId());
        assertEquals(group, asked.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));

        // a committed message lands in the real topic once: three stored, each delivered once, rollbacks never
        await().atMost(TX_WAIT).until(() -> totalMaxOffset(producer, topic) == 3);
        for (String body : List.of("commit", "check-commit", "throws")) {
            assertEquals(1, delivered.get(body).get(), body);
        }
        assertFalse(delivered.containsKey("rollback"));
        assertFalse(delivered.containsKey("check-rollback"));
        MessageExt commit = deliveredMsgs.get("commit");
        assertEquals("key-commit", commit.getKeys());
        assertNull(commit.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL));
        assertNotNull(commit.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
        assertEquals(results.get("commit").getMsgId(), commit.getMsgId());
    }

    static long totalMaxOffset(TransactionMQProducer admin, String topic) throws Exception {
        long sum = 0;
        for (MessageQueue mq : admin.fetchPublishMessageQueues(topic)) {
            sum += admin.maxOffset(mq);
        }
        return sum;
    }
}
