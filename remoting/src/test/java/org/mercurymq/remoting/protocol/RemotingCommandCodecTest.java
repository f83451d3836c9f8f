package org.mercurymq.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.annotation.CFNullable;
import org.mercurymq.remoting.exception.RemotingCommandException;

class RemotingCommandCodecTest {

    /** The captured ROCKETMQ route query of docs/protocol/remoting.md §5 (38-byte header), with its length prefix. */
    private static final byte[] ROUTE_QUERY_ROCKETMQ = bytes(
        0x00, 0x00, 0x00, 0x2A,             // length 42 = 4 + 38
        0x01, 0x00, 0x00, 0x26,             // ROCKETMQ, header 38
        0x00, 0x69,                         // code 105
        0x00,                               // JAVA
        0x01, 0x97,                         // version 407
        0x00, 0x00, 0x00, 0x00,             // opaque 0
        0x00, 0x00, 0x00, 0x00,             // flag 0
        0x00, 0x00, 0x00, 0x00,             // remark length 0
        0x00, 0x00, 0x00, 0x11,             // extFields length 17
        0x00, 0x05, 't', 'o', 'p', 'i', 'c',
        0x00, 0x00, 0x00, 0x06, 'T', 'B', 'W', '1', '0', '2');

    private static final String ROUTE_QUERY_JSON = "{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,"
        + "\"language\":\"JAVA\",\"opaque\":3,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":407}";

    @Test
    void headerLengthWordExamples() {
        assertEquals(0x00000081, RemotingCommandCodec.headerLengthWord(129, SerializeType.JSON));
        assertEquals(0x01000026, RemotingCommandCodec.headerLengthWord(38, SerializeType.ROCKETMQ));
        assertEquals(38, RemotingCommandCodec.headerLength(0x01000026));
        assertEquals(1, RemotingCommandCodec.serializeTypeCode(0x01000026));
    }

    @Test
    void capturedRocketmqRouteQueryDecodes() throws Exception {
        RemotingCommand cmd = RemotingCommandCodec.decodeFrame(ROUTE_QUERY_ROCKETMQ);
        assertEquals(105, cmd.getCode());
        assertEquals(LanguageCode.JAVA, cmd.getLanguage());
        assertEquals(407, cmd.getVersion());
        assertEquals(0, cmd.getOpaque());
        assertEquals(0, cmd.getFlag());
        assertNull(cmd.getRemark());
        assertEquals(1, cmd.getExtFields().size());
        assertEquals("TBW102", cmd.getExtFields().get("topic"));
        assertEquals(SerializeType.ROCKETMQ, cmd.getSerializeTypeCurrentRPC());
        assertNull(cmd.getBody());
    }

    @Test
    void rocketmqRouteQueryEncodesToTheCapturedBytes() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(105, null);
        cmd.setOpaque(0);
        cmd.addExtField("topic", "TBW102");
        cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        assertArrayEquals(ROUTE_QUERY_ROCKETMQ, RemotingCommandCodec.encodeToBytes(cmd));
    }

    @Test
    void capturedJsonRouteQueryDecodesAndEncodesIdentically() throws Exception {
        byte[] frame = jsonFrame(ROUTE_QUERY_JSON, new byte[0]);
        RemotingCommand cmd = RemotingCommandCodec.decodeFrame(frame);
        assertEquals(105, cmd.getCode());
        assertEquals(3, cmd.getOpaque());
        assertEquals(407, cmd.getVersion());
        assertEquals(LanguageCode.JAVA, cmd.getLanguage());
        assertEquals("TopicTest", cmd.getExtFields().get("topic"));
        assertEquals(SerializeType.JSON, cmd.getSerializeTypeCurrentRPC());
        assertArrayEquals(frame, RemotingCommandCodec.encodeToBytes(cmd));
    }

    @Test
    void jsonHeaderLengthWordAndNullsOmitted() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(34, null);
        cmd.setOpaque(7);
        byte[] frame = RemotingCommandCodec.encodeToBytes(cmd);
        String header = new String(frame, 8, frame.length - 8, StandardCharsets.UTF_8);
        assertEquals("{\"code\":34,\"flag\":0,\"language\":\"JAVA\",\"opaque\":7,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":407}",
            header);
        assertFalse(header.contains("remark"));
        assertFalse(header.contains("extFields"));
        assertEquals(0, frame[4]);
        assertEquals(header.length(), ((frame[5] & 0xFF) << 16) | ((frame[6] & 0xFF) << 8) | (frame[7] & 0xFF));
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void roundTripKeepsEveryField(SerializeType type) throws Exception {
        RemotingCommand cmd = RemotingCommand.createResponseCommand(ResponseCode.SYSTEM_BUSY, "busy \"now\" \u00e9\u4e2d\n");
        cmd.setOpaque(-12345);
        cmd.setLanguage(LanguageCode.GO);
        cmd.setVersion(401);
        cmd.markOnewayRPC();
        cmd.addExtField("topic", "T\u00fcpic");
        cmd.addExtField("queueId", "3");
        cmd.addExtField("quote\"key", "back\\slash");
        cmd.setBody(new byte[] {0, 1, 2, (byte) 0xFF});
        cmd.setSerializeTypeCurrentRPC(type);

        RemotingCommand back = RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(cmd));
        assertEquals(cmd.getCode(), back.getCode());
        assertEquals(cmd.getOpaque(), back.getOpaque());
        assertEquals(LanguageCode.GO, back.getLanguage());
        assertEquals(401, back.getVersion());
        assertEquals(cmd.getFlag(), back.getFlag());
        assertTrue(back.isResponseType());
        assertTrue(back.isOnewayRPC());
        assertEquals(cmd.getRemark(), back.getRemark());
        assertEquals(cmd.getExtFields(), back.getExtFields());
        assertArrayEquals(cmd.getBody(), back.getBody());
        assertEquals(type, back.getSerializeTypeCurrentRPC());
    }

    @Test
    void encodeWritesAtTheWriterIndexOfAnExistingBuffer() throws Exception {
        ByteBuf buf = Unpooled.buffer();
        buf.writeBytes(new byte[] {9, 9, 9});
        RemotingCommand cmd = RemotingCommand.createRequestCommand(10, null);
        cmd.setBody(new byte[1024]);
        RemotingCommandCodec.encode(cmd, buf);
        buf.skipBytes(3);
        assertEquals(buf.readableBytes() - 4, buf.readInt());
        RemotingCommand back = RemotingCommandCodec.decode(buf);
        assertEquals(10, back.getCode());
        assertEquals(1024, back.getBody().length);
        buf.release();
    }

    @Test
    void jsonParsingIsTolerant() throws Exception {
        String json = "{\"opaque\":9,\"unknown\":{\"a\":[1,2,{\"b\":null}]},\"code\":11,\"language\":9,"
            + "\"extFields\":{\"n\":5,\"b\":false,\"s\":\"x\",\"nil\":null},\"flag\":2,\"remark\":null}";
        RemotingCommand cmd = RemotingCommandCodec.decodeFrame(jsonFrame(json, new byte[] {1, 2}));
        assertEquals(11, cmd.getCode());
        assertEquals(9, cmd.getOpaque());
        assertEquals(LanguageCode.GO, cmd.getLanguage());
        assertEquals("5", cmd.getExtFields().get("n"));
        assertEquals("false", cmd.getExtFields().get("b"));
        assertEquals("x", cmd.getExtFields().get("s"));
        assertFalse(cmd.getExtFields().containsKey("nil"));
        assertTrue(cmd.isOnewayRPC());
        assertNull(cmd.getRemark());
        assertArrayEquals(new byte[] {1, 2}, cmd.getBody());
    }

    @Test
    void missingLanguageMeansJava() throws Exception {
        RemotingCommand cmd = RemotingCommandCodec.decodeFrame(jsonFrame("{\"code\":1,\"opaque\":1}", new byte[0]));
        assertEquals(LanguageCode.JAVA, cmd.getLanguage());
        RemotingCommand named = RemotingCommandCodec.decodeFrame(jsonFrame("{\"code\":1,\"language\":\"CPP\"}", new byte[0]));
        assertEquals(LanguageCode.CPP, named.getLanguage());
    }

    @Test
    void malformedJsonIsRejected() {
        for (String bad : new String[] {"{\"code\":", "[1,2]", "garbage", "{\"code\":1,\"extFields\":[1]}", "{\"code\":\"x\"}"}) {
            assertThrows(RemotingCommandException.class,
                () -> RemotingCommandCodec.decodeFrame(jsonFrame(bad, new byte[0])), bad);
        }
    }

    @Test
    void rocketmqZeroLengthStringsDecodeAsNullAndNullEntriesAreSkipped() throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(1, null);
        cmd.setRemark("");
        HashMap<String, String> ext = new HashMap<>();
        ext.put("empty", "");
        ext.put("nullValue", null);
        ext.put(null, "nullKey");
        ext.put("k", "v");
        cmd.setExtFields(ext);
        cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        RemotingCommand back = RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(cmd));
        assertNull(back.getRemark());
        assertEquals(2, back.getExtFields().size());
        assertTrue(back.getExtFields().containsKey("empty"));
        assertNull(back.getExtFields().get("empty"));
        assertEquals("v", back.getExtFields().get("k"));
    }

    @Test
    void rocketmqLengthsLargerThanTheHeaderAreRejected() {
        byte[] remarkTooLong = ROUTE_QUERY_ROCKETMQ.clone();
        remarkTooLong[24] = 0x7F;                                  // remark length
        byte[] mapTooLong = ROUTE_QUERY_ROCKETMQ.clone();
        mapTooLong[28] = 0x12;                                     // extFields length 18 > 17
        byte[] keyTooLong = ROUTE_QUERY_ROCKETMQ.clone();
        keyTooLong[30] = 0x40;                                     // key length 64
        byte[] valueTooLong = ROUTE_QUERY_ROCKETMQ.clone();
        valueTooLong[39] = 0x07;                                   // value length 7
        byte[] negative = ROUTE_QUERY_ROCKETMQ.clone();
        negative[21] = (byte) 0x80;                                // remark length negative
        for (byte[] bad : new byte[][] {remarkTooLong, mapTooLong, keyTooLong, valueTooLong, negative}) {
            assertThrows(RemotingCommandException.class, () -> RemotingCommandCodec.decodeFrame(bad));
        }
    }

    @Test
    void rocketmqHeaderShorterThanFixedPartIsRejected() {
        byte[] frame = bytes(0, 0, 0, 9, 0x01, 0, 0, 5, 0, 1, 0, 1, 2);
        assertThrows(RemotingCommandException.class, () -> RemotingCommandCodec.decodeFrame(frame));
    }

    @Test
    void frameLevelErrorsAreRejected() {
        byte[] headerLongerThanFrame = bytes(0, 0, 0, 6, 0, 0, 0, 10, '{', '}');
        byte[] unknownType = bytes(0, 0, 0, 6, 0x05, 0, 0, 2, '{', '}');
        byte[] noHeaderWord = bytes(0, 0, 0, 2, 0, 0);
        for (byte[] bad : new byte[][] {headerLongerThanFrame, unknownType, noHeaderWord}) {
            assertThrows(RemotingCommandException.class, () -> RemotingCommandCodec.decodeFrame(bad));
        }
    }

    @Test
    void rocketmqRejectsCodesThatDoNotFitAShort() {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(200000, null);
        cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        assertThrows(IllegalArgumentException.class, () -> RemotingCommandCodec.encodeToBytes(cmd));
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void typedHeaderTravelsAsExtFields(SerializeType type) throws Exception {
        SampleHeader h = new SampleHeader();
        h.topic = "TopicA";
        h.queueId = 3;
        h.offset = 1L << 40;
        h.batch = true;
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2, h);
        cmd.setSerializeTypeCurrentRPC(type);
        RemotingCommand back = RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(cmd));
        assertEquals("3", back.getExtFields().get("queueId"));
        assertEquals("true", back.getExtFields().get("batch"));
        assertFalse(back.getExtFields().containsKey("tags"));
        SampleHeader decoded = back.decodeCommandCustomHeader(SampleHeader.class);
        assertEquals("TopicA", decoded.topic);
        assertEquals(Integer.valueOf(3), decoded.queueId);
        assertEquals(1L << 40, decoded.offset);
        assertTrue(decoded.batch);
        assertNull(decoded.tags);
    }

    @Test
    void missingRequiredHeaderFieldIsACommandException() throws Exception {
        RemotingCommand cmd = RemotingCommandCodec.decodeFrame(
            jsonFrame("{\"code\":310,\"extFields\":{\"queueId\":\"1\"}}", new byte[0]));
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> cmd.decodeCommandCustomHeader(SampleHeader.class));
        assertTrue(e.getMessage().contains("topic"), e.getMessage());
    }

    @Test
    void unparsableHeaderNumberIsACommandException() throws Exception {
        RemotingCommand cmd = RemotingCommandCodec.decodeFrame(
            jsonFrame("{\"code\":310,\"extFields\":{\"topic\":\"t\",\"queueId\":\"one\"}}", new byte[0]));
        RemotingCommandException e = assertThrows(RemotingCommandException.class,
            () -> cmd.decodeCommandCustomHeader(SampleHeader.class));
        assertTrue(e.getMessage().contains("queueId"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void decodesFromADirectBuffer(SerializeType type) throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(310, null);
        cmd.addExtField("topic", "T\u00fc");
        cmd.setRemark("r");
        cmd.setBody(new byte[] {5, 6});
        cmd.setSerializeTypeCurrentRPC(type);
        byte[] frame = RemotingCommandCodec.encodeToBytes(cmd);
        ByteBuf direct = Unpooled.directBuffer(frame.length).writeBytes(frame);
        try {
            direct.skipBytes(4);
            RemotingCommand back = RemotingCommandCodec.decode(direct);
            assertEquals("T\u00fc", back.getExtFields().get("topic"));
            assertEquals("r", back.getRemark());
            assertArrayEquals(new byte[] {5, 6}, back.getBody());
        } finally {
            direct.release();
        }
    }

    static byte[] jsonFrame(String json, byte[] body) {
        try {
            byte[] header = json.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bos);
            out.writeInt(4 + header.length + body.length);
            out.writeInt(header.length);
            out.write(header);
            out.write(body);
            return bos.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static class SampleHeader implements CommandCustomHeader {
        @CFNotNull
        private String topic;
        @CFNotNull
        private Integer queueId;
        private long offset;
        private boolean batch;
        @CFNullable
        private String tags;
    }
}
