package org.mercurymq.client.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.AccessChannel;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.common.message.MessageType;

/** Byte-exact trace records as RocketMQ 4.9.7 writes them (docs/client.md "Message trace"); ␁ = U+0001, ␂ = U+0002. */
class TraceDataEncoderTest {
    private static final String MSG_ID = "7F0000010B5418B4AAC2000000000000";
    private static final String MSG_ID_2 = "7F0000010B5418B4AAC2000000010000";
    private static final String OFFSET_ID = "C0A8000A00002A9F0000000000000000";

    /** Writes ␁ and ␂ as the separator characters. */
    private static String rec(String visible) {
        return visible.replace('␁', '\u0001').replace('␂', '\u0002');
    }

    private static TraceBean bean(String msgId, String tags, String keys) {
        TraceBean b = new TraceBean();
        b.setTopic("TopicTest");
        b.setMsgId(msgId);
        b.setTags(tags);
        b.setKeys(keys);
        return b;
    }

    static TraceContext pub() {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.Pub);
        ctx.setTimeStamp(1700000000000L);
        ctx.setRegionId("DefaultRegion");
        ctx.setGroupName("PG");
        ctx.setCostTime(3);
        ctx.setSuccess(true);
        TraceBean b = bean(MSG_ID, "TagA", null);
        b.setStoreHost("192.168.0.10:10911");
        b.setBodyLength(11);
        b.setMsgType(MessageType.Normal_Msg);
        b.setOffsetMsgId(OFFSET_ID);
        ctx.setTraceBeans(Arrays.asList(b));
        return ctx;
    }

    @Test
    void pubIsTheFourteenFieldsOfTheDocumentedExample() {
        TraceTransferBean t = TraceDataEncoder.encoderFromContextBean(pub());
        assertEquals(rec("Pub␁1700000000000␁DefaultRegion␁PG␁TopicTest␁" + MSG_ID
            + "␁TagA␁null␁192.168.0.10:10911␁11␁3␁0␁" + OFFSET_ID + "␁true␂"), t.getTransData());
        // keys "null" are not keys: only the msgId makes the trace findable
        assertEquals(new HashSet<>(Arrays.asList(MSG_ID)), t.getTransKey());
    }

    @Test
    void pubOfAFailedDelayedMessageWithKeys() {
        TraceContext ctx = pub();
        ctx.setSuccess(false);
        ctx.getTraceBeans().get(0).setMsgType(MessageType.Delay_Msg);
        ctx.getTraceBeans().get(0).setKeys("k1 k2");
        TraceTransferBean t = TraceDataEncoder.encoderFromContextBean(ctx);
        assertEquals(rec("Pub␁1700000000000␁DefaultRegion␁PG␁TopicTest␁" + MSG_ID
            + "␁TagA␁k1 k2␁192.168.0.10:10911␁11␁3␁3␁" + OFFSET_ID + "␁false␂"), t.getTransData());
        assertEquals(new HashSet<>(Arrays.asList(MSG_ID, "k1", "k2")), t.getTransKey());
    }

    static TraceContext subBefore() {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.SubBefore);
        ctx.setTimeStamp(1700000000100L);
        ctx.setRegionId(null);
        ctx.setGroupName("CG");
        ctx.setRequestId("0A0000010B5418B4AAC2000000020000");
        TraceBean second = bean(MSG_ID_2, "TagA", "order-7");
        second.setRetryTimes(2);
        ctx.setTraceBeans(Arrays.asList(bean(MSG_ID, "TagA", null), second));
        return ctx;
    }

    @Test
    void subBeforeIsOneEightFieldRecordPerMessage() {
        TraceTransferBean t = TraceDataEncoder.encoderFromContextBean(subBefore());
        assertEquals(rec("SubBefore␁1700000000100␁null␁CG␁0A0000010B5418B4AAC2000000020000␁" + MSG_ID + "␁0␁null␂"
            + "SubBefore␁1700000000100␁null␁CG␁0A0000010B5418B4AAC2000000020000␁" + MSG_ID_2 + "␁2␁order-7␂"),
            t.getTransData());
        assertEquals(new HashSet<>(Arrays.asList(MSG_ID, MSG_ID_2, "order-7")), t.getTransKey());
    }

    static TraceContext subAfter(AccessChannel channel) {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.SubAfter);
        ctx.setTimeStamp(1700000000150L);
        ctx.setGroupName("CG");
        ctx.setRequestId("0A0000010B5418B4AAC2000000020000");
        ctx.setCostTime(25);
        ctx.setSuccess(false);
        ctx.setContextCode(2);
        ctx.setAccessChannel(channel);
        ctx.setTraceBeans(Arrays.asList(bean(MSG_ID, "TagA", null), bean(MSG_ID_2, "TagA", "order-7")));
        return ctx;
    }

    @Test
    void subAfterIsNineFieldsLocallyAndStopsAfterTheContextCodeOnTheCloudChannel() {
        assertEquals(rec("SubAfter␁0A0000010B5418B4AAC2000000020000␁" + MSG_ID + "␁25␁false␁null␁2␁1700000000150␁CG␂"
            + "SubAfter␁0A0000010B5418B4AAC2000000020000␁" + MSG_ID_2 + "␁25␁false␁order-7␁2␁1700000000150␁CG␂"),
            TraceDataEncoder.encoderFromContextBean(subAfter(AccessChannel.LOCAL)).getTransData());
        // no access channel set counts as LOCAL
        assertEquals(TraceDataEncoder.encoderFromContextBean(subAfter(AccessChannel.LOCAL)).getTransData(),
            TraceDataEncoder.encoderFromContextBean(subAfter(null)).getTransData());
        assertEquals(rec("SubAfter␁0A0000010B5418B4AAC2000000020000␁" + MSG_ID + "␁25␁false␁null␁2␁"
            + "SubAfter␁0A0000010B5418B4AAC2000000020000␁" + MSG_ID_2 + "␁25␁false␁order-7␁2␁"),
            TraceDataEncoder.encoderFromContextBean(subAfter(AccessChannel.CLOUD)).getTransData());
    }

    static TraceContext endTransaction() {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.EndTransaction);
        ctx.setTimeStamp(1700000000200L);
        ctx.setRegionId("DefaultRegion");
        ctx.setGroupName("TXG");
        TraceBean b = bean(MSG_ID, null, "tx-1");
        b.setStoreHost("192.168.0.10:10911");
        b.setMsgType(MessageType.Trans_msg_Commit);
        b.setTransactionId(MSG_ID);
        b.setTransactionState(LocalTransactionState.ROLLBACK_MESSAGE);
        b.setFromTransactionCheck(true);
        ctx.setTraceBeans(Arrays.asList(b));
        return ctx;
    }

    @Test
    void endTransactionIsThirteenFields() {
        TraceTransferBean t = TraceDataEncoder.encoderFromContextBean(endTransaction());
        assertEquals(rec("EndTransaction␁1700000000200␁DefaultRegion␁TXG␁TopicTest␁" + MSG_ID
            + "␁null␁tx-1␁192.168.0.10:10911␁2␁" + MSG_ID + "␁ROLLBACK_MESSAGE␁true␂"), t.getTransData());
        assertEquals(new HashSet<>(Arrays.asList(MSG_ID, "tx-1")), t.getTransKey());
    }

    @Test
    void aContextWithoutTypeIsNotEncoded() {
        assertNull(TraceDataEncoder.encoderFromContextBean(new TraceContext()));
        assertNull(TraceDataEncoder.encoderFromContextBean(null));
    }

    @Test
    void decodesWhatItEncodesFromOneConcatenatedBody() {
        String body = TraceDataEncoder.encoderFromContextBean(pub()).getTransData()
            + TraceDataEncoder.encoderFromContextBean(subBefore()).getTransData()
            + TraceDataEncoder.encoderFromContextBean(subAfter(AccessChannel.LOCAL)).getTransData()
            + TraceDataEncoder.encoderFromContextBean(endTransaction()).getTransData();
        List<TraceContext> all = TraceDataEncoder.decoderFromTraceDataString(body);
        assertEquals(6, all.size());

        TraceContext pub = all.get(0);
        assertEquals(TraceType.Pub, pub.getTraceType());
        assertEquals(1700000000000L, pub.getTimeStamp());
        assertEquals("DefaultRegion", pub.getRegionId());
        assertEquals("PG", pub.getGroupName());
        assertEquals(3, pub.getCostTime());
        assertTrue(pub.isSuccess());
        TraceBean pb = pub.getTraceBeans().get(0);
        assertEquals("TopicTest", pb.getTopic());
        assertEquals(MSG_ID, pb.getMsgId());
        assertEquals("TagA", pb.getTags());
        assertEquals("null", pb.getKeys());
        assertEquals("192.168.0.10:10911", pb.getStoreHost());
        assertEquals(11, pb.getBodyLength());
        assertEquals(MessageType.Normal_Msg, pb.getMsgType());
        assertEquals(OFFSET_ID, pb.getOffsetMsgId());

        TraceContext before = all.get(2);
        assertEquals(TraceType.SubBefore, before.getTraceType());
        assertEquals("CG", before.getGroupName());
        assertEquals("0A0000010B5418B4AAC2000000020000", before.getRequestId());
        assertEquals(MSG_ID_2, before.getTraceBeans().get(0).getMsgId());
        assertEquals(2, before.getTraceBeans().get(0).getRetryTimes());
        assertEquals("order-7", before.getTraceBeans().get(0).getKeys());

        TraceContext after = all.get(3);
        assertEquals(TraceType.SubAfter, after.getTraceType());
        assertEquals(25, after.getCostTime());
        assertFalse(after.isSuccess());
        assertEquals(2, after.getContextCode());
        assertEquals(1700000000150L, after.getTimeStamp());
        assertEquals("CG", after.getGroupName());

        TraceContext end = all.get(5);
        assertEquals(TraceType.EndTransaction, end.getTraceType());
        TraceBean eb = end.getTraceBeans().get(0);
        assertEquals(MessageType.Trans_msg_Commit, eb.getMsgType());
        assertEquals(LocalTransactionState.ROLLBACK_MESSAGE, eb.getTransactionState());
        assertTrue(eb.isFromTransactionCheck());
        assertEquals(MSG_ID, eb.getTransactionId());
    }

    @Test
    void decodesTheOlderAndLongerPubVariants() {
        String thirteen = rec("Pub␁1␁R␁PG␁T␁" + MSG_ID + "␁null␁null␁h:1␁5␁7␁1␁false␂");
        TraceContext old = TraceDataEncoder.decoderFromTraceDataString(thirteen).get(0);
        assertFalse(old.isSuccess());
        assertEquals(MessageType.Trans_Msg_Half, old.getTraceBeans().get(0).getMsgType());
        String fifteen = rec("Pub␁1␁R␁PG␁T␁" + MSG_ID + "␁null␁null␁h:1␁5␁7␁0␁" + OFFSET_ID + "␁true␁10.0.0.9␂");
        TraceBean b = TraceDataEncoder.decoderFromTraceDataString(fifteen).get(0).getTraceBeans().get(0);
        assertEquals(OFFSET_ID, b.getOffsetMsgId());
        assertEquals("10.0.0.9", b.getClientHost());
        assertTrue(TraceDataEncoder.decoderFromTraceDataString("").isEmpty());
        assertTrue(TraceDataEncoder.decoderFromTraceDataString(null).isEmpty());
    }
}
