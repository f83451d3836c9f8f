package org.mercurymq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.mercurymq.remoting.exception.RemotingCommandException;

/**
 * The compact binary header (docs/protocol/remoting.md §5): fixed fields, length-prefixed remark and extFields.
 * Zero-length strings read as null; null keys or values are not written; every length is checked
 * against the header length. Stateless and thread-safe.
 */
final class RocketMQHeaderCodec {
    /** code(2) + language(1) + version(2) + opaque(4) + flag(4) + remark length(4) + map length(4). */
    static final int FIXED_LENGTH = 21;

    private RocketMQHeaderCodec() {
    }

    /** Writes the header of {@code cmd} at the writer index of {@code out}; returns the bytes written. */
    static int write(RemotingCommand cmd, ByteBuf out) {
        int code = cmd.getCode();
        if (code < Short.MIN_VALUE || code > Short.MAX_VALUE) {
            throw new IllegalArgumentException("code " + code + " does not fit the ROCKETMQ header (signed 16 bits)");
        }
        int start = out.writerIndex();
        out.writeShort(code);
        out.writeByte(cmd.getLanguage() == null ? LanguageCode.JAVA.getCode() : cmd.getLanguage().getCode());
        out.writeShort(cmd.getVersion());
        out.writeInt(cmd.getOpaque());
        out.writeInt(cmd.getFlag());
        String remark = cmd.getRemark();
        if (remark == null || remark.isEmpty()) {
            out.writeInt(0);
        } else {
            byte[] bytes = remark.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.writeBytes(bytes);
        }
        int mapLengthAt = out.writerIndex();
        out.writeInt(0);
        Map<String, String> ext = cmd.getExtFields();
        if (ext != null && !ext.isEmpty()) {
            int mapStart = out.writerIndex();
            for (Map.Entry<String, String> e : ext.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                // String.getBytes is an intrinsic for Latin-1 strings: faster than encoding char by char into the buffer
                byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
                if (key.length > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("extFields key longer than " + Short.MAX_VALUE + " bytes");
                }
                byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
                out.writeShort(key.length);
                out.writeBytes(key);
                out.writeInt(value.length);
                out.writeBytes(value);
            }
            out.setInt(mapLengthAt, out.writerIndex() - mapStart);
        }
        return out.writerIndex() - start;
    }

    /** Reads a header of {@code length} bytes from {@code in} into {@code cmd}. */
    static void read(ByteBuf in, int length, RemotingCommand cmd) throws RemotingCommandException {
        if (length < FIXED_LENGTH) {
            throw new RemotingCommandException("ROCKETMQ header of " + length + " bytes is shorter than " + FIXED_LENGTH);
        }
        int end = in.readerIndex() + length;
        cmd.setCode(in.readShort());
        cmd.setLanguage(LanguageCode.valueOf(in.readByte()));
        cmd.setVersion(in.readShort());
        cmd.setOpaque(in.readInt());
        cmd.setFlag(in.readInt());
        int remarkLength = in.readInt();
        checkLength("remark", remarkLength, end - in.readerIndex() - 4, length);
        cmd.setRemark(readString(in, remarkLength));
        int mapLength = in.readInt();
        checkLength("extFields", mapLength, end - in.readerIndex(), length);
        if (mapLength > 0) {
            cmd.setExtFields(readMap(in, in.readerIndex() + mapLength, length));
        }
        if (in.readerIndex() != end) {
            throw new RemotingCommandException("ROCKETMQ header has " + (end - in.readerIndex()) + " trailing bytes");
        }
    }

    private static HashMap<String, String> readMap(ByteBuf in, int mapEnd, int headerLength) throws RemotingCommandException {
        HashMap<String, String> map = new HashMap<>();
        while (in.readerIndex() < mapEnd) {
            if (mapEnd - in.readerIndex() < 6) {
                throw new RemotingCommandException("ROCKETMQ header extFields entry is truncated");
            }
            short keyLength = in.readShort();
            checkLength("extFields key", keyLength, mapEnd - in.readerIndex() - 4, headerLength);
            String key = readString(in, keyLength);
            int valueLength = in.readInt();
            checkLength("extFields value", valueLength, mapEnd - in.readerIndex(), headerLength);
            String value = readString(in, valueLength);
            if (key != null) {
                map.put(key, value);
            }
        }
        return map;
    }

    private static void checkLength(String what, int length, int available, int headerLength) throws RemotingCommandException {
        if (length < 0 || length > available) {
            throw new RemotingCommandException("ROCKETMQ header " + what + " length " + length
                + " exceeds the " + headerLength + "-byte header");
        }
    }

    private static String readString(ByteBuf in, int length) {
        if (length == 0) {
            return null;
        }
        String s = in.hasArray()
            ? new String(in.array(), in.arrayOffset() + in.readerIndex(), length, StandardCharsets.UTF_8)
            : in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }
}
