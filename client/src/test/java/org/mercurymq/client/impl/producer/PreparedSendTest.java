package org.mercurymq.client.impl.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.BodyCompression;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageBatch;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;

class PreparedSendTest {
    private final MessageQueue mq = new MessageQueue("T", "broker-a", 3);

    private static byte[] body(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 7);
        }
        return b;
    }

    private static PreparedSend prepare(Message msg, MessageQueue mq) {
        return PreparedSend.of(msg, mq, "PG", "TBW102", 4, 4096, false);
    }

    @Test
    void headerCarriesTheV2Fields() {
        Message msg = new Message("T", "TagA", "k1", body(10));
        PreparedSend s = prepare(msg, mq);
        SendMessageRequestHeader h = s.header();
        assertEquals("PG", h.getProducerGroup());
        assertEquals("T", h.getTopic());
        assertEquals("TBW102", h.getDefaultTopic());
        assertEquals(4, h.getDefaultTopicQueueNums());
        assertEquals(3, h.getQueueId());
        assertEquals(0, h.getSysFlag());
        assertEquals(0, h.getReconsumeTimes());
        assertEquals("broker-a", h.getBname());
        assertFalse(h.isBatch());
        Map<String, String> props = MessageDecoder.string2messageProperties(h.getProperties());
        assertEquals("TagA", props.get("TAGS"));
        assertEquals("k1", props.get("KEYS"));
        assertEquals("true", props.get("WAIT"));
        assertEquals(32, props.get("UNIQ_KEY").length());
    }

    @Test
    void uniqKeyIsAssignedOnceAndKeptAcrossAttempts() {
        Message msg = new Message("T", body(10));
        String first = MessageDecoder.string2messageProperties(prepare(msg, mq).header().getProperties()).get("UNIQ_KEY");
        String second = MessageDecoder.string2messageProperties(prepare(msg, mq).header().getProperties()).get("UNIQ_KEY");
        assertEquals(first, second);
    }

    @Test
    void bodiesOf4KiBOrMoreAreZlibCompressedWithSysFlag0x301() throws Exception {
        byte[] original = body(4096);
        Message msg = new Message("T", original);
        PreparedSend s = prepare(msg, mq);
        assertTrue(s.compressed());
        assertEquals(0x301, s.header().getSysFlag().intValue());
        assertTrue(s.body().length < original.length);
        assertEquals(0x78, s.body()[0] & 0xFF, "zlib header");
        assertArrayEquals(original, BodyCompression.decompress(s.body(), 0x301));
        assertSame(original, msg.getBody(), "the caller's body is left alone");
    }

    @Test
    void smallerBodiesAreSentAsIs() {
        byte[] original = body(4095);
        PreparedSend s = prepare(new Message("T", original), mq);
        assertFalse(s.compressed());
        assertSame(original, s.body());
    }

    @Test
    void batchesAreNeverCompressed() {
        MessageBatch batch = MessageBatch.generateFromList(Arrays.asList(new Message("T", body(5000)), new Message("T", body(5000))));
        batch.setBody(batch.encode());
        PreparedSend s = prepare(batch, mq);
        assertFalse(s.compressed());
        assertTrue(s.header().isBatch());
        assertNull(MessageDecoder.string2messageProperties(s.header().getProperties()).get("UNIQ_KEY"));
    }

    @Test
    void retryTopicCountersMoveIntoHeaderFields() {
        Message msg = new Message("%RETRY%G", body(10));
        MessageAccessor.setReconsumeTime(msg, "3");
        MessageAccessor.setMaxReconsumeTimes(msg, "16");
        PreparedSend s = prepare(msg, mq);
        assertEquals(3, s.header().getReconsumeTimes());
        assertEquals(16, s.header().getMaxReconsumeTimes());
        Map<String, String> props = MessageDecoder.string2messageProperties(s.header().getProperties());
        assertNull(props.get(MessageConst.PROPERTY_RECONSUME_TIME));
        assertNull(props.get(MessageConst.PROPERTY_MAX_RECONSUME_TIMES));
        assertNotNull(msg.getProperty(MessageConst.PROPERTY_RECONSUME_TIME), "kept on the message for a retry");
    }
}
