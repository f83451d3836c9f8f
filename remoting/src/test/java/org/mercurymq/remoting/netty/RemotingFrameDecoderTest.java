package org.mercurymq.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;
import org.mercurymq.remoting.protocol.SerializeType;

class RemotingFrameDecoderTest {

    private static EmbeddedChannel channel(int maxFrame) {
        return new EmbeddedChannel(new RemotingFrameDecoder(maxFrame), new RemotingCommandEncoder());
    }

    @Test
    void decodesFramesSplitAndCoalesced() {
        EmbeddedChannel ch = channel(RemotingFrameDecoder.DEFAULT_FRAME_MAX_LENGTH);
        RemotingCommand a = RemotingCommand.createRequestCommand(1, null);
        RemotingCommand b = RemotingCommand.createRequestCommand(2, null);
        b.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        b.setBody("hello".getBytes(StandardCharsets.UTF_8));
        byte[] fa = RemotingCommandCodec.encodeToBytes(a);
        byte[] fb = RemotingCommandCodec.encodeToBytes(b);
        ByteBuf all = Unpooled.buffer().writeBytes(fa).writeBytes(fb);
        ch.writeInbound(all.readRetainedSlice(3));
        assertNull(ch.readInbound());
        ch.writeInbound(all.readRetainedSlice(fa.length + 2));
        RemotingCommand ra = ch.readInbound();
        assertEquals(1, ra.getCode());
        ch.writeInbound(all.readRetainedSlice(all.readableBytes()));
        RemotingCommand rb = ch.readInbound();
        assertEquals(2, rb.getCode());
        assertEquals(SerializeType.ROCKETMQ, rb.getSerializeTypeCurrentRPC());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), rb.getBody());
        assertTrue(ch.isOpen());
        all.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void encoderWritesOneFrame() {
        EmbeddedChannel ch = channel(RemotingFrameDecoder.DEFAULT_FRAME_MAX_LENGTH);
        RemotingCommand cmd = RemotingCommand.createRequestCommand(105, null);
        cmd.addExtField("topic", "TBW102");
        assertTrue(ch.writeOutbound(cmd));
        ByteBuf out = ch.readOutbound();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        assertArrayEquals(RemotingCommandCodec.encodeToBytes(cmd), bytes);
        ch.finishAndReleaseAll();
    }

    @Test
    void oversizeFrameClosesTheChannel() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.buffer().writeInt(1021).writeInt(2).writeBytes(new byte[100]));
        assertFalse(ch.isOpen());
        assertNull(ch.readInbound());
    }

    @Test
    void frameExactlyAtTheLimitIsAccepted() {
        EmbeddedChannel ch = channel(64);
        RemotingCommand cmd = RemotingCommand.createRequestCommand(1, null);
        cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        cmd.setBody(new byte[64 - 4 - 4 - 21]);
        byte[] frame = RemotingCommandCodec.encodeToBytes(cmd);
        assertEquals(64, frame.length);
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        RemotingCommand back = ch.readInbound();
        assertEquals(1, back.getCode());
        assertTrue(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void negativeLengthClosesTheChannel() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.buffer().writeInt(-5).writeInt(0));
        assertFalse(ch.isOpen());
    }

    @Test
    void headerLongerThanFrameClosesTheChannel() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.buffer().writeInt(8).writeInt(100).writeInt(0));
        assertFalse(ch.isOpen());
    }

    @Test
    void malformedJsonClosesTheChannel() {
        EmbeddedChannel ch = channel(1024);
        byte[] header = "{\"code\":1,".getBytes(StandardCharsets.UTF_8);
        ch.writeInbound(Unpooled.buffer().writeInt(4 + header.length).writeInt(header.length).writeBytes(header));
        assertFalse(ch.isOpen());
    }

    @Test
    void unknownSerializeTypeClosesTheChannel() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.buffer().writeInt(6).writeInt(0x07000002).writeByte('{').writeByte('}'));
        assertFalse(ch.isOpen());
    }

    @Test
    void badBinaryHeaderClosesTheChannel() {
        EmbeddedChannel ch = channel(1024);
        ByteBuf header = Unpooled.buffer().writeShort(1).writeByte(0).writeShort(407).writeInt(0).writeInt(0)
            .writeInt(500).writeInt(0);
        ch.writeInbound(Unpooled.buffer().writeInt(4 + header.readableBytes()).writeInt(0x01000000 | header.readableBytes())
            .writeBytes(header));
        header.release();
        assertFalse(ch.isOpen());
    }

    @Test
    void frameWithoutHeaderWordClosesTheChannel() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.buffer().writeInt(2).writeShort(0));
        assertFalse(ch.isOpen());
    }

    @Test
    void bytesAfterABadFrameAreDiscarded() {
        EmbeddedChannel ch = channel(1024);
        byte[] good = RemotingCommandCodec.encodeToBytes(RemotingCommand.createRequestCommand(1, null));
        ch.writeInbound(Unpooled.buffer().writeInt(6).writeInt(0x09000002).writeShort(0).writeBytes(good));
        assertNull(ch.readInbound());
        assertFalse(ch.isOpen());
    }

    @Test
    void frameMaxLengthSystemPropertyIsHonoured() {
        String old = System.getProperty(RemotingFrameDecoder.FRAME_MAX_LENGTH_PROPERTY);
        try {
            System.setProperty(RemotingFrameDecoder.FRAME_MAX_LENGTH_PROPERTY, "4096");
            assertEquals(4096, RemotingFrameDecoder.defaultFrameMaxLength());
            assertEquals(4096, NettyServerConfig.builder().build().getFrameMaxLength());
        } finally {
            if (old == null) {
                System.clearProperty(RemotingFrameDecoder.FRAME_MAX_LENGTH_PROPERTY);
            } else {
                System.setProperty(RemotingFrameDecoder.FRAME_MAX_LENGTH_PROPERTY, old);
            }
        }
        assertEquals(16 * 1024 * 1024, RemotingFrameDecoder.defaultFrameMaxLength());
    }
}
