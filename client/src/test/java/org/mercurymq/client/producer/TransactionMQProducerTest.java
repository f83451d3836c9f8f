package org.mercurymq.client.producer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageBatch;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.CheckTransactionStateRequestHeader;

/** The transactional producer's checks and check-back executor, without a broker. */
class TransactionMQProducerTest {
    private static final TransactionListener COMMIT_ALL = new TransactionListener() {
        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
    };

    private static Message message() {
        return new Message("TxTopic", "TagA", "hello".getBytes(StandardCharsets.UTF_8));
    }

    private static MessageExt checkedMessage(String uniqKey) {
        MessageExt m = new MessageExt();
        m.setTopic("TxTopic");
        m.setBody("x".getBytes(StandardCharsets.UTF_8));
        MessageAccessor.putProperty(m, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniqKey);
        return m;
    }

    private static CheckTransactionStateRequestHeader checkHeader(long offset) {
        CheckTransactionStateRequestHeader h = new CheckTransactionStateRequestHeader();
        h.setCommitLogOffset(offset);
        h.setTranStateTableOffset(offset);
        return h;
    }

    @Test
    void sendWithoutAListenerIsRefusedAsRocketMqDoes() {
        TransactionMQProducer producer = new TransactionMQProducer("txg");
        MQClientException e = assertThrows(MQClientException.class, () -> producer.sendMessageInTransaction(message(), null));
        assertTrue(e.getMessage().startsWith("TransactionListener is null"), e.getMessage());
        @SuppressWarnings("deprecation")
        MQClientException old = assertThrows(MQClientException.class,
            () -> producer.sendMessageInTransaction(message(), (msg, arg) -> LocalTransactionState.COMMIT_MESSAGE, null));
        assertTrue(old.getMessage().startsWith("localTransactionBranchCheckListener is null"), old.getMessage());
    }

    @Test
    void plainProducerDoesNotSendTransactions() {
        DefaultMQProducer producer = new DefaultMQProducer("pg");
        RuntimeException e = assertThrows(RuntimeException.class, () -> producer.sendMessageInTransaction(message(), null));
        assertTrue(e.getMessage().contains("please use TransactionMQProducer class"));
    }

    @Test
    void halfMessageLosesItsDelayLevelAndIsMarkedBeforeSending() {
        TransactionMQProducer producer = new TransactionMQProducer("txg");
        producer.setTransactionListener(COMMIT_ALL);
        Message msg = message();
        msg.setDelayTimeLevel(3);
        // not started: the half send itself fails, after the message was prepared
        MQClientException e = assertThrows(MQClientException.class, () -> producer.sendMessageInTransaction(msg, null));
        assertTrue(e.getMessage().startsWith("send message Exception"), e.getMessage());
        assertEquals(0, msg.getDelayTimeLevel());
        assertEquals("true", msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED));
        assertEquals("txg", msg.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));
    }

    @Test
    void batchIsNotAHalfMessage() {
        TransactionMQProducer producer = new TransactionMQProducer("txg");
        producer.setTransactionListener(COMMIT_ALL);
        MessageBatch batch = MessageBatch.generateFromList(Arrays.asList(message(), message()));
        MQClientException e = assertThrows(MQClientException.class, () -> producer.sendMessageInTransaction(batch, null));
        assertEquals(ResponseCode.MESSAGE_ILLEGAL.code(), e.getResponseCode());
        assertEquals("the message body is null", e.getErrorMessage());
    }

    @Test
    void checksWaitingBeyondCheckRequestHoldMaxAreDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        TransactionMQProducer producer = new TransactionMQProducer("txg");
        producer.setCheckRequestHoldMax(1);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checks.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.getDefaultMQProducerImpl().initTransactionEnv();
        ExecutorService executor = producer.getDefaultMQProducerImpl().getCheckExecutor();
        producer.getDefaultMQProducerImpl().checkTransactionState("127.0.0.1:1", checkedMessage("A"), checkHeader(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> checks.get() == 1);
        producer.getDefaultMQProducerImpl().checkTransactionState("127.0.0.1:1", checkedMessage("B"), checkHeader(2));
        producer.getDefaultMQProducerImpl().checkTransactionState("127.0.0.1:1", checkedMessage("C"), checkHeader(3));
        release.countDown();
        producer.getDefaultMQProducerImpl().destroyTransactionEnv();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(2, checks.get(), "one running, one waiting (checkRequestHoldMax=1), the third dropped");
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedCheckListenerAnswersChecksOnTheApplicationsExecutor() throws Exception {
        AtomicInteger oldChecks = new AtomicInteger();
        AtomicInteger newChecks = new AtomicInteger();
        ExecutorService own = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "app-check"));
        TransactionMQProducer producer = new TransactionMQProducer("txg");
        producer.setExecutorService(own);
        producer.setTransactionCheckListener(msg -> {
            assertEquals("app-check", Thread.currentThread().getName());
            oldChecks.incrementAndGet();
            return LocalTransactionState.ROLLBACK_MESSAGE;
        });
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                newChecks.incrementAndGet();
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.getDefaultMQProducerImpl().initTransactionEnv();
        assertEquals(own, producer.getDefaultMQProducerImpl().getCheckExecutor());
        producer.getDefaultMQProducerImpl().checkTransactionState("127.0.0.1:1", checkedMessage("A"), checkHeader(1));
        producer.getDefaultMQProducerImpl().destroyTransactionEnv();
        assertTrue(own.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1, oldChecks.get());
        assertEquals(0, newChecks.get());
        assertInstanceOf(TransactionCheckListener.class, producer.getDefaultMQProducerImpl().checkListener());
    }
}
