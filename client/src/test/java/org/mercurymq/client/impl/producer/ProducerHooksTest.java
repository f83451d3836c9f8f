package org.mercurymq.client.impl.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.hook.CheckForbiddenContext;
import org.mercurymq.client.hook.CheckForbiddenHook;
import org.mercurymq.client.hook.EndTransactionContext;
import org.mercurymq.client.hook.EndTransactionHook;
import org.mercurymq.client.hook.SendMessageContext;
import org.mercurymq.client.hook.SendMessageHook;
import org.mercurymq.client.impl.CommunicationMode;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.message.MessageType;
import org.mercurymq.common.sysflag.MessageSysFlag;

class ProducerHooksTest {
    private final DefaultMQProducer producer = new DefaultMQProducer("ns1", "pg");
    private final ProducerHooks hooks = new ProducerHooks(producer);
    private final MessageQueue mq = new MessageQueue("T", "broker-a", 2);

    {
        producer.setNamesrvAddr("127.0.0.1:9876");
    }

    private static Message message() {
        return new Message("T", "x".getBytes(StandardCharsets.UTF_8));
    }

    private static final class SendRecorder implements SendMessageHook {
        final List<String> calls = new ArrayList<>();

        @Override
        public String hookName() {
            return "send";
        }

        @Override
        public void sendMessageBefore(SendMessageContext c) {
            calls.add("before " + c.getMsgType() + " result=" + c.getSendResult());
        }

        @Override
        public void sendMessageAfter(SendMessageContext c) {
            calls.add("after " + (c.getSendResult() == null ? null : c.getSendResult().getSendStatus()) + " error="
                + (c.getException() == null ? null : c.getException().getMessage()));
        }
    }

    @Test
    void sendContextCarriesTheAttemptAndItsOutcome() {
        assertNull(hooks.beforeSend(null, message(), mq, "127.0.0.1:10911", CommunicationMode.SYNC), "no hooks, no context");
        SendRecorder r = new SendRecorder();
        hooks.send.register(r);
        DefaultMQProducerImpl engine = producer.getDefaultMQProducerImpl();
        Message msg = message();
        SendMessageContext ctx = hooks.beforeSend(engine, msg, mq, "127.0.0.1:10911", CommunicationMode.ASYNC);
        SendResult result = new SendResult(SendStatus.SEND_OK, "id", "offsetId", mq, 7);
        hooks.afterSend(ctx, result, null);
        assertEquals(java.util.Arrays.asList("before Normal_Msg result=null", "after SEND_OK error=null"), r.calls);
        assertEquals("pg", ctx.getProducerGroup());
        assertEquals("ns1", ctx.getNamespace());
        assertSame(msg, ctx.getMessage());
        assertSame(engine, ctx.getProducer());
        assertEquals(mq, ctx.getMq());
        assertEquals("127.0.0.1:10911", ctx.getBrokerAddr());
        assertEquals(producer.getClientIP(), ctx.getBornHost());
        assertEquals(CommunicationMode.ASYNC, ctx.getCommunicationMode());

        SendMessageContext failed = hooks.beforeSend(engine, msg, mq, "a", CommunicationMode.SYNC);
        hooks.afterSend(failed, null, new IllegalStateException("broker gone"));
        assertEquals("after null error=broker gone", r.calls.get(3));
    }

    @Test
    void messageTypeNamesHalfAndDelayedMessages() {
        hooks.send.register(new SendRecorder());
        Message half = message();
        MessageAccessor.putProperty(half, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        assertEquals(MessageType.Trans_Msg_Half, hooks.beforeSend(null, half, mq, "a", CommunicationMode.SYNC).getMsgType());
        Message delayed = message();
        delayed.setDelayTimeLevel(2);
        assertEquals(MessageType.Delay_Msg, hooks.beforeSend(null, delayed, mq, "a", CommunicationMode.SYNC).getMsgType());
    }

    @Test
    void checkForbiddenHookSeesTheAttemptAndCanVetoIt() {
        List<CheckForbiddenContext> seen = new ArrayList<>();
        hooks.checkForbidden.register(new CheckForbiddenHook() {
            @Override
            public String hookName() {
                return "forbid";
            }

            @Override
            public void checkForbidden(CheckForbiddenContext c) throws MQClientException {
                seen.add(c);
                if ("blocked".equals(c.getMessage().getTags())) {
                    throw new MQClientException("topic T is forbidden for tag blocked", null);
                }
            }
        });
        Message ok = message();
        assertDoesNotThrowChecked(() -> hooks.checkForbidden(ok, mq, "127.0.0.1:10911", CommunicationMode.ONEWAY));
        CheckForbiddenContext c = seen.get(0);
        assertEquals("pg", c.getGroup());
        assertEquals("127.0.0.1:9876", c.getNameSrvAddr());
        assertEquals(CommunicationMode.ONEWAY, c.getCommunicationMode());
        assertEquals(mq, c.getMq());
        assertSame(ok, c.getMessage());
        Message blocked = new Message("T", "blocked", "x".getBytes(StandardCharsets.UTF_8));
        MQClientException e = assertThrows(MQClientException.class,
            () -> hooks.checkForbidden(blocked, mq, "127.0.0.1:10911", CommunicationMode.SYNC));
        assertEquals("topic T is forbidden for tag blocked", e.getErrorMessage());
    }

    @Test
    void endTransactionContextNamesTheDecision() {
        List<EndTransactionContext> seen = new ArrayList<>();
        hooks.endTransaction.register(new EndTransactionHook() {
            @Override
            public String hookName() {
                return "end";
            }

            @Override
            public void endTransaction(EndTransactionContext c) {
                seen.add(c);
            }
        });
        Message msg = message();
        msg.setTransactionId("UNIQ1");
        hooks.endTransaction(msg, "UNIQ1", "127.0.0.1:10911", LocalTransactionState.ROLLBACK_MESSAGE, true);
        EndTransactionContext c = seen.get(0);
        assertEquals("pg", c.getProducerGroup());
        assertEquals("UNIQ1", c.getMsgId());
        assertEquals("UNIQ1", c.getTransactionId());
        assertEquals("127.0.0.1:10911", c.getBrokerAddr());
        assertEquals(LocalTransactionState.ROLLBACK_MESSAGE, c.getTransactionState());
        assertEquals(true, c.isFromTransactionCheck());
        assertSame(msg, c.getMessage());
    }

    @Test
    void localOutcomeMapsToTheEndTransactionType() {
        assertEquals(MessageSysFlag.TRANSACTION_COMMIT_TYPE, TransactionSupport.commitOrRollback(LocalTransactionState.COMMIT_MESSAGE));
        assertEquals(MessageSysFlag.TRANSACTION_ROLLBACK_TYPE, TransactionSupport.commitOrRollback(LocalTransactionState.ROLLBACK_MESSAGE));
        assertEquals(MessageSysFlag.TRANSACTION_NOT_TYPE, TransactionSupport.commitOrRollback(LocalTransactionState.UNKNOW));
    }

    private interface CheckedRunnable {
        void run() throws Exception;
    }

    private static void assertDoesNotThrowChecked(CheckedRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }
}
