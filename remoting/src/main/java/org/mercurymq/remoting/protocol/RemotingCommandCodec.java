package org.mercurymq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.mercurymq.remoting.exception.RemotingCommandException;

/**
 * Frame codec (docs/protocol/remoting.md §2): {@code length(4) | serializeType(1) headerLength(3) | header | body}.
 * Encoding writes straight into the target buffer; decoding validates every length before use and
 * reports bad input as {@link RemotingCommandException}. Stateless and thread-safe.
 */
public final class RemotingCommandCodec {
    /** Largest header length the 24-bit field can carry. */
    public static final int MAX_HEADER_LENGTH = 0xFFFFFF;

    private RemotingCommandCodec() {
    }

    /** The header-length word: serialize type in the top byte, header length in the low 24 bits. */
    public static int headerLengthWord(int headerLength, SerializeType type) {
        return (type.getCode() << 24) | (headerLength & MAX_HEADER_LENGTH);
    }

    public static int headerLength(int headerLengthWord) {
        return headerLengthWord & MAX_HEADER_LENGTH;
    }

    /** The serialize type byte of a header-length word (unchecked). */
    public static byte serializeTypeCode(int headerLengthWord) {
        return (byte) (headerLengthWord >>> 24);
    }

    /** A rough size of the encoded frame, for allocating the output buffer once. */
    public static int estimateFrameLength(RemotingCommand cmd) {
        int size = 8 + 160 + (cmd.getBody() == null ? 0 : cmd.getBody().length);
        if (cmd.getRemark() != null) {
            size += cmd.getRemark().length();
        }
        if (cmd.getExtFields() != null) {
            size += cmd.getExtFields().size() * 32;
        }
        return size;
    }

    /**
     * Writes the whole frame of {@code cmd} (including the 4-byte length) to {@code out}, in the
     * command's {@code serializeTypeCurrentRPC}. Copies the typed header into extFields first. A
     * {@link BodyRegion} body is not written, only counted in the length: the caller sends its buffers next.
     */
    public static void encode(RemotingCommand cmd, ByteBuf out) {
        cmd.makeCustomHeaderToNet();
        SerializeType type = cmd.getSerializeTypeCurrentRPC() == null ? SerializeType.JSON : cmd.getSerializeTypeCurrentRPC();
        int start = out.writerIndex();
        out.writeLong(0L);
        int headerLength = type == SerializeType.ROCKETMQ
            ? RocketMQHeaderCodec.write(cmd, out)
            : JsonHeaderCodec.write(cmd, out);
        if (headerLength > MAX_HEADER_LENGTH) {
            out.writerIndex(start);
            throw new IllegalArgumentException("header of " + headerLength + " bytes exceeds " + MAX_HEADER_LENGTH);
        }
        byte[] body = cmd.getBody();
        if (body != null) {
            out.writeBytes(body);
        }
        BodyRegion region = cmd.getBodyRegion();
        // a region's bytes follow the header in their own buffers (RemotingCommandEncoder); the length counts them
        out.setInt(start, out.writerIndex() - start - 4 + (region == null ? 0 : region.length()));
        out.setInt(start + 4, headerLengthWord(headerLength, type));
    }

    /** Convenience for tests and tools: the frame as a byte array. */
    public static byte[] encodeToBytes(RemotingCommand cmd) {
        ByteBuf buf = Unpooled.buffer(estimateFrameLength(cmd));
        try {
            encode(cmd, buf);
            if (cmd.getBodyRegion() != null) {
                for (ByteBuffer b : cmd.getBodyRegion().buffers()) {
                    buf.writeBytes(b);
                }
            }
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    /**
     * Decodes one frame whose 4-byte length prefix has already been removed: all readable bytes of
     * {@code frame} are the header-length word, the header and the body. Consumes the bytes.
     */
    public static RemotingCommand decode(ByteBuf frame) throws RemotingCommandException {
        int frameLength = frame.readableBytes();
        if (frameLength < 4) {
            throw new RemotingCommandException("frame of " + frameLength + " bytes has no header-length word");
        }
        int word = frame.readInt();
        int headerLength = headerLength(word);
        if (headerLength > frameLength - 4) {
            throw new RemotingCommandException("header length " + headerLength + " exceeds the frame length " + frameLength);
        }
        SerializeType type = SerializeType.valueOf(serializeTypeCode(word));
        if (type == null) {
            throw new RemotingCommandException("unknown serialize type " + (serializeTypeCode(word) & 0xFF));
        }
        ByteBuf header = frame.readSlice(headerLength);
        if (!header.hasArray()) {
            // one copy of the (small) header lets both parsers work on a byte array
            byte[] copy = new byte[headerLength];
            header.getBytes(header.readerIndex(), copy);
            header = Unpooled.wrappedBuffer(copy);
        }
        RemotingCommand cmd = new RemotingCommand();
        if (type == SerializeType.ROCKETMQ) {
            RocketMQHeaderCodec.read(header, headerLength, cmd);
        } else {
            JsonHeaderCodec.read(header, headerLength, cmd);
        }
        cmd.setSerializeTypeCurrentRPC(type);
        int bodyLength = frame.readableBytes();
        if (bodyLength > 0) {
            byte[] body = new byte[bodyLength];
            frame.readBytes(body);
            cmd.setBody(body);
        }
        return cmd;
    }

    /** Decodes a whole frame including its length prefix, checking the prefix matches. */
    public static RemotingCommand decodeFrame(byte[] frame) throws RemotingCommandException {
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        if (buf.readableBytes() < 4) {
            throw new RemotingCommandException("frame of " + frame.length + " bytes has no length");
        }
        int length = buf.readInt();
        if (length != buf.readableBytes()) {
            throw new RemotingCommandException("frame length " + length + " but " + buf.readableBytes() + " bytes follow");
        }
        return decode(buf);
    }
}
