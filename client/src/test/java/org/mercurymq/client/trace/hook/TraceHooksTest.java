package org.mercurymq.client.trace.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.AccessChannel;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.EndTransactionContext;
import org.mercurymq.client.hook.SendMessageContext;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.client.trace.TraceBean;
import org.mercurymq.client.trace.TraceContext;
import org.mercurymq.client.trace.TraceDispatcher;
import org.mercurymq.client.trace.TraceType;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageClientExt;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageType;

/** What each trace hook records from the hook contexts the engines fill (docs/client.md "Message trace"). */
class TraceHooksTest {
    /** Keeps what the hooks append. */
    static final class Capture implements TraceDispatcher {
        final List<TraceContext> appended = new ArrayList<>();

        @Override
        public void start(String nameSrvAddr, AccessChannel accessChannel) {
        }

        @Override
        public boolean append(Object ctx) {
            return appended.add((TraceContext) ctx);
        }

        @Override
        public void flush() {
        }

        @Override
        public void shutdown() {
        }
    }

    private final Capture capture = new Capture();

    @Test
    void pubCarriesTheReplyAndStripsTheNamespace() {
        SendMessageTraceHookImpl hook = new SendMessageTraceHookImpl(capture);
        SendMessageContext ctx = new SendMessageContext();
        ctx.setProducerGroup("ns%PG");
        Message msg = new Message("ns%TopicTest", "TagA", "k1 k2", "hello".getBytes());
        ctx.setMessage(msg);
        ctx.setBrokerAddr("127.0.0.1:10911");
        ctx.setMsgType(MessageType.Delay_Msg);
        hook.sendMessageBefore(ctx);
        hook.sendMessageAfter(ctx); // an async send handed over: no result yet, nothing recorded
        assertTrue(capture.appended.isEmpty());
        SendResult r = new SendResult(SendStatus.FLUSH_DISK_TIMEOUT, "UNIQ", "OFFSET", null, 0);
        r.setRegionId("R1");
        ctx.setSendResult(r);
        hook.sendMessageAfter(ctx);

        TraceContext pub = capture.appended.get(0);
        assertEquals(TraceType.Pub, pub.getTraceType());
        assertEquals("PG", pub.getGroupName());
        assertEquals("R1", pub.getRegionId());
        assertFalse(pub.isSuccess(), "only SEND_OK is a success");
        TraceBean b = pub.getTraceBeans().get(0);
        assertEquals("TopicTest", b.getTopic());
        assertEquals("TagA", b.getTags());
        assertEquals("k1 k2", b.getKeys());
        assertEquals("127.0.0.1:10911", b.getStoreHost());
        assertEquals(5, b.getBodyLength());
        assertEquals(MessageType.Delay_Msg, b.getMsgType());
        assertEquals("UNIQ", b.getMsgId());
        assertEquals("OFFSET", b.getOffsetMsgId());
    }

    private static MessageExt consumed(String uniq, String keys, String traceOn) {
        MessageClientExt m = new MessageClientExt();
        m.setTopic("ns%TopicTest");
        m.setTags("TagA");
        if (keys != null) {
            m.setKeys(keys);
        }
        MessageAccessor.putProperty(m, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniq);
        if (traceOn != null) {
            MessageAccessor.putProperty(m, MessageConst.PROPERTY_TRACE_SWITCH, traceOn);
        }
        m.setReconsumeTimes(1);
        return m;
    }

    @Test
    void subBeforeAndSubAfterShareTheRequestIdAndSkipTraceOffMessages() {
        ConsumeMessageTraceHookImpl hook = new ConsumeMessageTraceHookImpl(capture);
        ConsumeMessageContext ctx = new ConsumeMessageContext();
        ctx.setConsumerGroup("ns%CG");
        ctx.setMsgList(Arrays.asList(consumed("ID1", "k1", null), consumed("ID2", null, "false"), consumed("ID3", null, "true")));
        ctx.setProps(new HashMap<>());
        hook.consumeMessageBefore(ctx);
        ctx.setSuccess(false);
        ctx.getProps().put("ConsumeContextType", "RETURNNULL");
        hook.consumeMessageAfter(ctx);

        assertEquals(2, capture.appended.size());
        TraceContext before = capture.appended.get(0);
        TraceContext after = capture.appended.get(1);
        assertEquals(TraceType.SubBefore, before.getTraceType());
        assertEquals("CG", before.getGroupName());
        assertEquals(Arrays.asList("ID1", "ID3"), Arrays.asList(before.getTraceBeans().get(0).getMsgId(),
            before.getTraceBeans().get(1).getMsgId()));
        assertEquals(1, before.getTraceBeans().get(0).getRetryTimes());
        assertEquals("TopicTest", before.getTraceBeans().get(0).getTopic());
        assertEquals(TraceType.SubAfter, after.getTraceType());
        assertEquals(before.getRequestId(), after.getRequestId());
        assertEquals("CG", after.getGroupName());
        assertFalse(after.isSuccess());
        assertEquals(3, after.getContextCode(), "RETURNNULL");
        assertEquals(before.getTraceBeans(), after.getTraceBeans());
    }

    @Test
    void aBatchOfTraceOffMessagesRecordsNothing() {
        ConsumeMessageTraceHookImpl hook = new ConsumeMessageTraceHookImpl(capture);
        ConsumeMessageContext ctx = new ConsumeMessageContext();
        ctx.setConsumerGroup("CG");
        ctx.setMsgList(Arrays.asList(consumed("ID2", null, "false")));
        hook.consumeMessageBefore(ctx);
        hook.consumeMessageAfter(ctx);
        assertTrue(capture.appended.isEmpty());
    }

    @Test
    void endTransactionRecordsTheDecisionWithTheDefaultRegion() {
        EndTransactionTraceHookImpl hook = new EndTransactionTraceHookImpl(capture);
        EndTransactionContext ctx = new EndTransactionContext();
        ctx.setProducerGroup("TXG");
        ctx.setMessage(new Message("TopicTx", "TagT", "tx-1", "x".getBytes()));
        ctx.setBrokerAddr("127.0.0.1:10911");
        ctx.setMsgId("UNIQ");
        ctx.setTransactionId("UNIQ");
        ctx.setTransactionState(LocalTransactionState.COMMIT_MESSAGE);
        ctx.setFromTransactionCheck(true);
        hook.endTransaction(ctx);

        TraceContext end = capture.appended.get(0);
        assertEquals(TraceType.EndTransaction, end.getTraceType());
        assertEquals("DefaultRegion", end.getRegionId());
        assertEquals("TXG", end.getGroupName());
        TraceBean b = end.getTraceBeans().get(0);
        assertEquals(MessageType.Trans_msg_Commit, b.getMsgType());
        assertEquals("UNIQ", b.getMsgId());
        assertEquals("UNIQ", b.getTransactionId());
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, b.getTransactionState());
        assertTrue(b.isFromTransactionCheck());
        assertEquals("tx-1", b.getKeys());
        assertEquals("127.0.0.1:10911", b.getStoreHost());
    }
}
