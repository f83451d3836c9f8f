package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.hook.CheckForbiddenContext;
import org.mercurymq.client.hook.CheckForbiddenHook;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.ConsumeMessageHook;
import org.mercurymq.client.hook.EndTransactionContext;
import org.mercurymq.client.hook.EndTransactionHook;
import org.mercurymq.client.hook.FilterMessageContext;
import org.mercurymq.client.hook.FilterMessageHook;
import org.mercurymq.client.hook.SendMessageContext;
import org.mercurymq.client.hook.SendMessageHook;
import org.mercurymq.client.impl.CommunicationMode;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.client.producer.TransactionMQProducer;
import org.mercurymq.client.producer.TransactionSendResult;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageType;

/**
 * Every hook kind, registered as with RocketMQ's client, fires during a real send / transaction / consume round
 * trip with the context fields the engines fill (docs/client.md "Hooks"). Mixed into {@link ClientScenarioSuite}.
 */
interface HookScenarios {
    TestCluster cluster();

    ClientFixture clients();

    /** Copies what a hook saw (contexts are mutated between the before and after calls). */
    final class Seen {
        final List<String> sendEvents = new CopyOnWriteArrayList<>();
        final List<SendMessageContext> sendAfter = new CopyOnWriteArrayList<>();
        final List<CheckForbiddenContext> forbidden = new CopyOnWriteArrayList<>();
        final List<EndTransactionContext> ends = new CopyOnWriteArrayList<>();
        final List<ConsumeMessageContext> consumed = new CopyOnWriteArrayList<>();
        final Set<String> filtered = ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicInteger consumeBefore = new java.util.concurrent.atomic.AtomicInteger();
    }

    @Test
    default void hooksSeeSendsTransactionEndsConsumptionAndFilteredPulls() throws Exception {
        String topic = ClientFixture.unique("HookT");
        String group = ClientFixture.unique("hookpg");
        String consumerGroup = ClientFixture.unique("hookcg");
        Seen seen = new Seen();
        TransactionMQProducer producer = clients().transactionProducer(group, new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        }, null);
        clients().createTopic(producer, topic, 1);
        producer.getDefaultMQProducerImpl().registerSendMessageHook(new SendMessageHook() {
            @Override
            public String hookName() {
                return "recording-send";
            }

            @Override
            public void sendMessageBefore(SendMessageContext context) {
                seen.sendEvents.add("before:" + new String(context.getMessage().getBody(), StandardCharsets.UTF_8)
                    + ":" + context.getMsgType());
            }

            @Override
            public void sendMessageAfter(SendMessageContext context) {
                seen.sendEvents.add("after:" + new String(context.getMessage().getBody(), StandardCharsets.UTF_8));
                seen.sendAfter.add(context);
            }
        });
        producer.getDefaultMQProducerImpl().registerCheckForbiddenHook(new CheckForbiddenHook() {
            @Override
            public String hookName() {
                return "recording-forbidden";
            }

            @Override
            public void checkForbidden(CheckForbiddenContext context) {
                seen.forbidden.add(context);
            }
        });
        producer.getDefaultMQProducerImpl().registerEndTransactionHook(new EndTransactionHook() {
            @Override
            public String hookName() {
                return "recording-end";
            }

            @Override
            public void endTransaction(EndTransactionContext context) {
                seen.ends.add(context);
            }
        });

        DefaultMQPushConsumer consumer = clients().pushConsumer(consumerGroup);
        consumer.subscribe(topic, "TagH");
        consumer.getDefaultMQPushConsumerImpl().registerConsumeMessageHook(new ConsumeMessageHook() {
            @Override
            public String hookName() {
                return "recording-consume";
            }

            @Override
            public void consumeMessageBefore(ConsumeMessageContext context) {
                if (!context.isSuccess() && context.getStatus() == null) {
                    seen.consumeBefore.incrementAndGet();
                }
            }

            @Override
            public void consumeMessageAfter(ConsumeMessageContext context) {
                seen.consumed.add(context);
            }
        });
        consumer.getDefaultMQPushConsumerImpl().registerFilterMessageHook(new FilterMessageHook() {
            @Override
            public String hookName() {
                return "recording-filter";
            }

            @Override
            public void filterMessage(FilterMessageContext context) {
                for (MessageExt m : context.getMsgList()) {
                    seen.filtered.add(new String(m.getBody(), StandardCharsets.UTF_8));
                }
            }
        });
        Set<String> received = ConcurrentHashMap.newKeySet();
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();

        Message half = new Message(topic, "TagH", ClientFixture.utf8("tx"));
        TransactionSendResult tx = producer.sendMessageInTransaction(half, null);
        Message plain = new Message(topic, "TagH", ClientFixture.utf8("plain"));
        SendResult sent = producer.send(plain);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.containsAll(List.of("tx", "plain"))
            && seen.consumed.size() >= 2 && seen.filtered.containsAll(List.of("tx", "plain")));

        assertEquals(List.of("before:tx:Trans_Msg_Half", "after:tx", "before:plain:Normal_Msg", "after:plain"), seen.sendEvents);
        SendMessageContext afterTx = seen.sendAfter.get(0);
        assertEquals(group, afterTx.getProducerGroup());
        assertSame(half, afterTx.getMessage());
        assertEquals(topic, afterTx.getMq().getTopic());
        assertEquals(cluster().brokerName(), afterTx.getMq().getBrokerName());
        assertTrue(afterTx.getBrokerAddr().startsWith("127.0.0.1:"), afterTx.getBrokerAddr());
        assertNotNull(afterTx.getBornHost());
        assertEquals(CommunicationMode.SYNC, afterTx.getCommunicationMode());
        assertEquals(MessageType.Trans_Msg_Half, afterTx.getMsgType());
        assertSame(producer.getDefaultMQProducerImpl(), afterTx.getProducer());
        assertEquals(tx.getMsgId(), afterTx.getSendResult().getMsgId());
        assertNull(afterTx.getException());
        assertEquals(SendStatus.SEND_OK, seen.sendAfter.get(1).getSendResult().getSendStatus());
        assertEquals(sent.getMsgId(), seen.sendAfter.get(1).getSendResult().getMsgId());

        assertEquals(2, seen.forbidden.size());
        CheckForbiddenContext f = seen.forbidden.get(1);
        assertEquals(group, f.getGroup());
        assertSame(plain, f.getMessage());
        assertEquals(afterTx.getBrokerAddr(), f.getBrokerAddr());
        assertEquals(CommunicationMode.SYNC, f.getCommunicationMode());
        assertEquals(producer.getNamesrvAddr(), f.getNameSrvAddr());

        assertEquals(1, seen.ends.size());
        EndTransactionContext end = seen.ends.get(0);
        assertEquals(group, end.getProducerGroup());
        assertEquals(tx.getMsgId(), end.getMsgId());
        assertEquals(tx.getMsgId(), end.getTransactionId());
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, end.getTransactionState());
        assertFalse(end.isFromTransactionCheck());
        assertEquals(afterTx.getBrokerAddr(), end.getBrokerAddr());
        assertSame(half, end.getMessage());

        assertEquals(seen.consumed.size(), seen.consumeBefore.get(), "before ran (not yet successful) once per after");
        for (ConsumeMessageContext c : seen.consumed) {
            assertEquals(consumerGroup, c.getConsumerGroup());
            assertEquals(topic, c.getMq().getTopic());
            assertFalse(c.getMsgList().isEmpty());
            assertTrue(c.isSuccess());
            assertEquals("CONSUME_SUCCESS", c.getStatus());
            assertEquals("SUCCESS", c.getProps().get("ConsumeContextType"));
        }
    }
}
