package org.mercurymq.remoting.protocol;

import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.mercurymq.remoting.exception.RemotingCommandException;

/**
 * The JSON header (docs/protocol/remoting.md §4): keys written in the official sorted order with nulls omitted;
 * reading tolerates unknown fields, any order, a numeric language and non-string extFields values.
 * Stateless and thread-safe.
 */
final class JsonHeaderCodec {
    private JsonHeaderCodec() {
    }

    /** Writes the header of {@code cmd} at the writer index of {@code out}; returns the bytes written. */
    static int write(RemotingCommand cmd, ByteBuf out) {
        try (JSONWriter w = JSONWriter.ofUTF8()) {
            w.startObject();
            w.writeName("code");
            w.writeColon();
            w.writeInt32(cmd.getCode());
            Map<String, String> ext = cmd.getExtFields();
            if (ext != null) {
                w.writeName("extFields");
                w.writeColon();
                w.startObject();
                for (Map.Entry<String, String> e : ext.entrySet()) {
                    if (e.getKey() == null || e.getValue() == null) {
                        continue;
                    }
                    w.writeName(e.getKey());
                    w.writeColon();
                    w.writeString(e.getValue());
                }
                w.endObject();
            }
            w.writeName("flag");
            w.writeColon();
            w.writeInt32(cmd.getFlag());
            w.writeName("language");
            w.writeColon();
            w.writeString(cmd.getLanguage() == null ? LanguageCode.JAVA.name() : cmd.getLanguage().name());
            w.writeName("opaque");
            w.writeColon();
            w.writeInt32(cmd.getOpaque());
            if (cmd.getRemark() != null) {
                w.writeName("remark");
                w.writeColon();
                w.writeString(cmd.getRemark());
            }
            w.writeName("serializeTypeCurrentRPC");
            w.writeColon();
            w.writeString(SerializeType.JSON.name());
            w.writeName("version");
            w.writeColon();
            w.writeInt32(cmd.getVersion());
            w.endObject();
            return w.flushTo(new ByteBufOutputStream(out));
        } catch (IOException e) {
            throw new IllegalStateException("writing to a ByteBuf cannot fail", e);
        }
    }

    /** Reads a header from {@code length} readable bytes of {@code in} into {@code cmd}. */
    static void read(ByteBuf in, int length, RemotingCommand cmd) throws RemotingCommandException {
        byte[] bytes;
        int offset;
        if (in.hasArray()) {
            bytes = in.array();
            offset = in.arrayOffset() + in.readerIndex();
        } else {
            bytes = new byte[length];
            in.getBytes(in.readerIndex(), bytes);
            offset = 0;
        }
        in.skipBytes(length);
        cmd.setLanguage(LanguageCode.JAVA);
        try (JSONReader r = JSONReader.of(bytes, offset, length, StandardCharsets.UTF_8)) {
            if (!r.nextIfObjectStart()) {
                throw new RemotingCommandException("JSON header is not an object");
            }
            while (!r.nextIfObjectEnd()) {
                if (r.isEnd()) {
                    throw new RemotingCommandException("JSON header is truncated");
                }
                String name = r.readFieldName();
                if (name == null) {
                    throw new RemotingCommandException("JSON header has a malformed field name");
                }
                readField(r, name, cmd);
            }
        } catch (JSONException e) {
            throw new RemotingCommandException("malformed JSON header: " + firstLine(e.getMessage()));
        }
    }

    private static void readField(JSONReader r, String name, RemotingCommand cmd) throws RemotingCommandException {
        if (r.nextIfNull()) {
            return;
        }
        switch (name) {
            case "code":
                cmd.setCode(r.readInt32Value());
                break;
            case "language":
                cmd.setLanguage(readLanguage(r));
                break;
            case "version":
                cmd.setVersion(r.readInt32Value());
                break;
            case "opaque":
                cmd.setOpaque(r.readInt32Value());
                break;
            case "flag":
                cmd.setFlag(r.readInt32Value());
                break;
            case "remark":
                cmd.setRemark(readText(r));
                break;
            case "extFields":
                cmd.setExtFields(readExtFields(r));
                break;
            default:
                r.skipValue();
        }
    }

    private static LanguageCode readLanguage(JSONReader r) {
        if (r.isNumber()) {
            return LanguageCode.valueOf((byte) r.readInt32Value());
        }
        String text = r.readString();
        for (LanguageCode c : LanguageCode.values()) {
            if (c.name().equals(text)) {
                return c;
            }
        }
        return LanguageCode.OTHER;
    }

    private static HashMap<String, String> readExtFields(JSONReader r) throws RemotingCommandException {
        if (!r.nextIfObjectStart()) {
            throw new RemotingCommandException("JSON header extFields is not an object");
        }
        // a send header has 12 to 14 fields: room for them without a resize
        HashMap<String, String> map = new HashMap<>(32);
        while (!r.nextIfObjectEnd()) {
            if (r.isEnd()) {
                throw new RemotingCommandException("JSON header extFields is truncated");
            }
            String key = r.readFieldName();
            if (key == null) {
                throw new RemotingCommandException("JSON header extFields has a malformed key");
            }
            if (r.nextIfNull()) {
                continue;
            }
            map.put(key, readText(r));
        }
        return map;
    }

    /** A string, or any other scalar converted with {@code toString()} as the Java side does. */
    private static String readText(JSONReader r) {
        if (r.isString()) {
            return r.readString();
        }
        Object any = r.readAny();
        return any == null ? null : any.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
