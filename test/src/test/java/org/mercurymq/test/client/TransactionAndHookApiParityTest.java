package org.mercurymq.test.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mercury's transactional producer and hook API against the official 4.9.7 jar: the same public methods (by name,
 * parameter and return type names), and the same exceptions for misuse, checked side by side without a broker.
 */
class TransactionAndHookApiParityTest {
    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "client.producer.TransactionMQProducer", "client.producer.TransactionListener",
        "client.producer.TransactionCheckListener", "client.producer.LocalTransactionExecuter",
        "client.producer.LocalTransactionState", "client.producer.TransactionSendResult",
        "client.hook.SendMessageHook", "client.hook.SendMessageContext", "client.hook.ConsumeMessageHook",
        "client.hook.ConsumeMessageContext", "client.hook.EndTransactionHook", "client.hook.EndTransactionContext",
        "client.hook.FilterMessageHook", "client.hook.FilterMessageContext", "client.hook.CheckForbiddenHook",
        "client.hook.CheckForbiddenContext"})
    void publicMethodsMatchTheOfficialClient(String suffix) throws Exception {
        Set<String> official = signatures(Class.forName("org.apache.rocketmq." + suffix));
        Set<String> mercury = signatures(Class.forName("org.mercurymq." + suffix));
        official.removeAll(mercury);
        assertTrue(official.isEmpty(), "missing in Mercury's " + suffix + ": " + official);
    }

    /** The hook registration and transaction entry points of the engines, as the official client exposes them. */
    @ParameterizedTest
    @ValueSource(strings = {"client.impl.producer.DefaultMQProducerImpl", "client.impl.consumer.DefaultMQPushConsumerImpl",
        "client.impl.consumer.DefaultMQPullConsumerImpl", "client.impl.consumer.DefaultLitePullConsumerImpl",
        "client.impl.consumer.PullAPIWrapper", "client.impl.producer.MQProducerInner"})
    void engineHookAndTransactionMethodsMatchTheOfficialClient(String suffix) throws Exception {
        Set<String> official = new TreeSet<>();
        for (String s : signatures(Class.forName("org.apache.rocketmq." + suffix))) {
            String lower = s.toLowerCase();
            if (lower.contains("hook") || lower.contains("transaction") || lower.contains("checklistener")
                || lower.contains("transactionenv")) {
                official.add(s);
            }
        }
        assertTrue(!official.isEmpty());
        official.removeAll(signatures(Class.forName("org.mercurymq." + suffix)));
        assertTrue(official.isEmpty(), "missing in Mercury's " + suffix + ": " + official);
    }

    /** The public methods a class declares itself, as "ReturnType name[ParamType, ...]" with simple type names. */
    private static Set<String> signatures(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class || m.isSynthetic()) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (Class<?> p : m.getParameterTypes()) {
                params.add(p.getSimpleName());
            }
            out.add(m.getReturnType().getSimpleName() + " " + m.getName() + params);
        }
        return out;
    }

    // ---------------------------------------------------------------- misuse, side by side

    @Test
    void sendingWithoutAListenerFailsTheSameWay() {
        org.apache.rocketmq.client.producer.TransactionMQProducer apache =
            new org.apache.rocketmq.client.producer.TransactionMQProducer("g");
        org.mercurymq.client.producer.TransactionMQProducer mercury = new org.mercurymq.client.producer.TransactionMQProducer("g");
        org.apache.rocketmq.client.exception.MQClientException a = assertThrows(
            org.apache.rocketmq.client.exception.MQClientException.class,
            () -> apache.sendMessageInTransaction(new org.apache.rocketmq.common.message.Message("T", body()), null));
        org.mercurymq.client.exception.MQClientException m = assertThrows(
            org.mercurymq.client.exception.MQClientException.class,
            () -> mercury.sendMessageInTransaction(new org.mercurymq.common.message.Message("T", body()), null));
        assertEquals(a.getErrorMessage(), m.getErrorMessage());
        assertEquals(a.getResponseCode(), m.getResponseCode());
    }

    @Test
    void plainProducerRefusesTransactionsTheSameWay() {
        RuntimeException a = assertThrows(RuntimeException.class, () -> new org.apache.rocketmq.client.producer.DefaultMQProducer("g")
            .sendMessageInTransaction(new org.apache.rocketmq.common.message.Message("T", body()), null));
        RuntimeException m = assertThrows(RuntimeException.class, () -> new org.mercurymq.client.producer.DefaultMQProducer("g")
            .sendMessageInTransaction(new org.mercurymq.common.message.Message("T", body()), null));
        assertEquals(a.getClass(), m.getClass());
        assertEquals(a.getMessage(), m.getMessage());
    }

    /** A batch is refused before anything is sent; a delay level is dropped (the send then fails: not started). */
    @Test
    void batchAndDelayLevelAreHandledTheSameWay() throws Exception {
        org.apache.rocketmq.client.producer.TransactionMQProducer apache =
            new org.apache.rocketmq.client.producer.TransactionMQProducer("g");
        apache.setTransactionListener(new org.apache.rocketmq.client.producer.TransactionListener() {
            @Override
            public org.apache.rocketmq.client.producer.LocalTransactionState executeLocalTransaction(
                org.apache.rocketmq.common.message.Message msg, Object arg) {
                return org.apache.rocketmq.client.producer.LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public org.apache.rocketmq.client.producer.LocalTransactionState checkLocalTransaction(
                org.apache.rocketmq.common.message.MessageExt msg) {
                return org.apache.rocketmq.client.producer.LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        org.mercurymq.client.producer.TransactionMQProducer mercury = new org.mercurymq.client.producer.TransactionMQProducer("g");
        mercury.setTransactionListener(new org.mercurymq.client.producer.TransactionListener() {
            @Override
            public org.mercurymq.client.producer.LocalTransactionState executeLocalTransaction(
                org.mercurymq.common.message.Message msg, Object arg) {
                return org.mercurymq.client.producer.LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public org.mercurymq.client.producer.LocalTransactionState checkLocalTransaction(
                org.mercurymq.common.message.MessageExt msg) {
                return org.mercurymq.client.producer.LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        org.apache.rocketmq.common.message.MessageBatch apacheBatch = org.apache.rocketmq.common.message.MessageBatch
            .generateFromList(Arrays.asList(new org.apache.rocketmq.common.message.Message("T", body()),
                new org.apache.rocketmq.common.message.Message("T", body())));
        org.mercurymq.common.message.MessageBatch mercuryBatch = org.mercurymq.common.message.MessageBatch
            .generateFromList(Arrays.asList(new org.mercurymq.common.message.Message("T", body()),
                new org.mercurymq.common.message.Message("T", body())));
        org.apache.rocketmq.client.exception.MQClientException a = assertThrows(
            org.apache.rocketmq.client.exception.MQClientException.class, () -> apache.sendMessageInTransaction(apacheBatch, null));
        org.mercurymq.client.exception.MQClientException m = assertThrows(
            org.mercurymq.client.exception.MQClientException.class, () -> mercury.sendMessageInTransaction(mercuryBatch, null));
        assertEquals(a.getResponseCode(), m.getResponseCode());
        assertEquals(a.getErrorMessage(), m.getErrorMessage());

        org.apache.rocketmq.common.message.Message apacheDelayed = new org.apache.rocketmq.common.message.Message("T", body());
        apacheDelayed.setDelayTimeLevel(3);
        org.mercurymq.common.message.Message mercuryDelayed = new org.mercurymq.common.message.Message("T", body());
        mercuryDelayed.setDelayTimeLevel(3);
        a = assertThrows(org.apache.rocketmq.client.exception.MQClientException.class,
            () -> apache.sendMessageInTransaction(apacheDelayed, null));
        m = assertThrows(org.mercurymq.client.exception.MQClientException.class,
            () -> mercury.sendMessageInTransaction(mercuryDelayed, null));
        assertEquals(a.getErrorMessage(), m.getErrorMessage());
        assertEquals(apacheDelayed.getProperties(), mercuryDelayed.getProperties(), "DELAY removed, TRAN_MSG and PGROUP set");
    }

    private static byte[] body() {
        return "x".getBytes(StandardCharsets.UTF_8);
    }
}
