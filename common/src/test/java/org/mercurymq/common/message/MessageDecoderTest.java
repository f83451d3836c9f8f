package org.mercurymq.common.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.sysflag.MessageSysFlag;

class MessageDecoderTest {

    private static MessageExt sample(String topic, byte[] body, Map<String, String> props) throws Exception {
        MessageExt m = new MessageExt();
        m.setTopic(topic);
        m.setBody(body);
        m.setFlag(7);
        m.setQueueId(3);
        m.setQueueOffset(42);
        m.setCommitLogOffset(1234);
        m.setBornTimestamp(1_700_000_000_000L);
        m.setStoreTimestamp(1_700_000_000_123L);
        m.setBornHost(new InetSocketAddress(InetAddress.getByName("10.0.0.9"), 50000));
        m.setStoreHost(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 19911));
        m.setReconsumeTimes(2);
        m.setPreparedTransactionOffset(0);
        m.setBodyCRC(MessageDecoder.crc32(body));
        MessageAccessor.setProperties(m, props);
        return m;
    }

    @Test
    void storedLayoutMatchesSpecOffsetsAndSize() throws Exception {
        Map<String, String> props = new LinkedHashMap<>();
        // 63 bytes of properties, as in the verified example (body 5, topic 9 => 168)
        props.put("UNIQ_KEY", "0123456789ABCDEF012345678");
        props.put("TAGS", "TagA");
        props.put("KEYS", "k1 k2 k3 k4 k");
        MessageExt m = sample("TopicTest", "Hello".getBytes(StandardCharsets.UTF_8), props);
        assertEquals(63, MessageDecoder.messageProperties2String(props).getBytes(StandardCharsets.UTF_8).length);

        byte[] bytes = MessageDecoder.encode(m, false);
        assertEquals(168, bytes.length);
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        assertEquals(168, bb.getInt(0));
        assertArrayEquals(new byte[] {(byte) 0xDA, (byte) 0xA3, 0x20, (byte) 0xA7}, Arrays.copyOfRange(bytes, 4, 8));
        assertEquals(3, bb.getInt(12));
        assertEquals(7, bb.getInt(16));
        assertEquals(42, bb.getLong(20));
        assertEquals(1234, bb.getLong(28));
        assertEquals(0, bb.getInt(36));
        assertEquals(1_700_000_000_000L, bb.getLong(40));
        assertArrayEquals(new byte[] {10, 0, 0, 9}, Arrays.copyOfRange(bytes, 48, 52));
        assertEquals(50000, bb.getInt(52));
        assertEquals(1_700_000_000_123L, bb.getLong(MessageDecoder.MESSAGE_STORE_TIMESTAMP_POSTION));
        assertEquals(19911, bb.getInt(68));
        assertEquals(2, bb.getInt(72));
        assertEquals(5, bb.getInt(MessageDecoder.BODY_SIZE_POSITION));
        assertEquals(9, bytes[88 + 5]);

        MessageExt back = MessageDecoder.decode(ByteBuffer.wrap(bytes));
        assertEquals("TopicTest", back.getTopic());
        assertEquals("Hello", new String(back.getBody(), StandardCharsets.UTF_8));
        assertEquals("TagA", back.getTags());
        assertEquals(168, back.getStoreSize());
        assertEquals("7F00000100004DC700000000000004D2", back.getMsgId());
        assertEquals("10.0.0.9", back.getBornHostString());
        assertEquals(props, MessageDecoder.decodeProperties(ByteBuffer.wrap(bytes)));
    }

    @Test
    void ipv6HostsAddTwelveBytesEach() throws Exception {
        MessageExt m = sample("T", new byte[] {1}, new LinkedHashMap<>());
        m.setBornHost(new InetSocketAddress(InetAddress.getByName("fd00::2"), 1));
        m.setStoreHost(new InetSocketAddress(InetAddress.getByName("fd00::3"), 2));
        m.setSysFlag(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        byte[] bytes = MessageDecoder.encode(m, false);
        assertEquals(91 + 1 + 1 + 24, bytes.length);
        MessageExt back = MessageDecoder.decode(ByteBuffer.wrap(bytes));
        assertEquals(m.getStoreTimestamp(), back.getStoreTimestamp());
        assertEquals(56, back.getMsgId().length());
        assertEquals(m.getStoreHost(), MessageDecoder.decodeMessageId(back.getMsgId()).getAddress());
        assertEquals(m.getStoreTimestamp(), ByteBuffer.wrap(bytes).getLong(MessageDecoder.storeTimestampPosition(m.getSysFlag())));
    }

    @Test
    void offsetMsgIdVector() throws Exception {
        InetSocketAddress host = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 19911);
        assertEquals("7F00000100004DC700000000000004D2", MessageDecoder.createMessageId(host, 1234));
        MessageId id = MessageDecoder.decodeMessageId("7f00000100004dc700000000000004d2");
        assertEquals(host, id.getAddress());
        assertEquals(1234, id.getOffset());
        assertThrows(IllegalArgumentException.class, () -> MessageDecoder.decodeMessageId("7F00"));
    }

    @Test
    void propertyStringHasNoTrailingSeparatorAndDropsEmptyValues() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("KEYS", "key1 key2");
        props.put("UNIQ_KEY", "FD00");
        props.put("NULLED", null);
        props.put("WAIT", "true");
        props.put("TAGS", "TagA");
        String s = MessageDecoder.messageProperties2String(props);
        assertEquals("KEYS\u0001key1 key2\u0002UNIQ_KEY\u0001FD00\u0002WAIT\u0001true\u0002TAGS\u0001TagA", s);
        Map<String, String> back = MessageDecoder.string2messageProperties(s + "\u0002EMPTY\u0001\u0002\u0001v\u0002junk");
        props.remove("NULLED");
        assertEquals(props, back);
        assertEquals("", MessageDecoder.messageProperties2String(null));
    }

    @Test
    void batchElementLayout() {
        Message m = new Message("T", "TagA", "k", "abc".getBytes(StandardCharsets.UTF_8));
        m.setFlag(5);
        byte[] encoded = MessageDecoder.encodeMessage(m);
        int propLen = MessageDecoder.messageProperties2String(m.getProperties()).length();
        assertEquals(22 + 3 + propLen, encoded.length);
        ByteBuffer bb = ByteBuffer.wrap(encoded);
        assertEquals(encoded.length, bb.getInt(0));
        assertEquals(0, bb.getInt(4));
        assertEquals(0, bb.getInt(8));
        assertEquals(5, bb.getInt(12));
        assertEquals(3, bb.getInt(16));
        assertEquals(propLen, bb.getShort(23));

        MessageBatch batch = MessageBatch.generateFromList(Arrays.asList(m, new Message("T", "x".getBytes())));
        List<Message> back = MessageDecoder.decodeMessages(ByteBuffer.wrap(batch.encode()));
        assertEquals(2, back.size());
        assertEquals("TagA", back.get(0).getTags());
        assertEquals(5, back.get(0).getFlag());
        assertEquals("x", new String(back.get(1).getBody()));
    }

    @Test
    void batchRestrictions() {
        Message delayed = new Message("T", "x".getBytes());
        delayed.setDelayTimeLevel(2);
        assertThrows(UnsupportedOperationException.class, () -> MessageBatch.generateFromList(Arrays.asList(delayed)));
        assertThrows(UnsupportedOperationException.class, () -> MessageBatch.generateFromList(
            Arrays.asList(new Message("A", "x".getBytes()), new Message("B", "x".getBytes()))));
        assertThrows(UnsupportedOperationException.class, () -> MessageBatch.generateFromList(
            Arrays.asList(new Message("%RETRY%g", "x".getBytes()))));
    }

    @Test
    void compressedBodyIsInflatedForLegacyAndZlibType() throws Exception {
        byte[] plain = new byte[5000];
        Arrays.fill(plain, (byte) 'a');
        byte[] zipped = BodyCompression.compress(plain, BodyCompression.DEFAULT_LEVEL);
        assertEquals(0x78, zipped[0] & 0xFF);
        assertEquals(0x5E, zipped[1] & 0xFF);
        for (int sysFlag : new int[] {0x001, 0x301}) {
            MessageExt m = sample("T", zipped, new LinkedHashMap<>());
            m.setSysFlag(sysFlag);
            byte[] bytes = MessageDecoder.encode(m, false);
            MessageExt back = MessageDecoder.decode(ByteBuffer.wrap(bytes), true, true, false, true);
            assertArrayEquals(plain, back.getBody());
            assertEquals(MessageDecoder.crc32(zipped), back.getBodyCRC());
        }
        MessageExt lz4 = sample("T", zipped, new LinkedHashMap<>());
        lz4.setSysFlag(MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_LZ4_TYPE);
        assertNull(MessageDecoder.decode(ByteBuffer.wrap(MessageDecoder.encode(lz4, false))));
    }

    @Test
    void decodesStopsAtFirstBrokenRecord() throws Exception {
        byte[] a = MessageDecoder.encode(sample("T", "one".getBytes(), new LinkedHashMap<>()), false);
        byte[] b = MessageDecoder.encode(sample("T", "two".getBytes(), new LinkedHashMap<>()), false);
        ByteBuffer all = ByteBuffer.allocate(a.length + b.length + 10);
        all.put(a).put(b).put(new byte[] {0, 0, 0, 90, 1, 2, 3});
        all.flip();
        List<MessageExt> msgs = MessageDecoder.decodes(all);
        assertEquals(2, msgs.size());
        assertTrue(msgs.get(0) instanceof MessageClientExt);
        assertEquals("two", new String(msgs.get(1).getBody()));
    }

    @Test
    void crcCheckRejectsCorruptBody() throws Exception {
        byte[] a = MessageDecoder.encode(sample("T", "one".getBytes(), new LinkedHashMap<>()), false);
        a[MessageDecoder.BODY_SIZE_POSITION + 4] ^= 1;
        assertNull(MessageDecoder.decode(ByteBuffer.wrap(a), true, true, false, true));
    }
}
