package org.mercurymq.remoting.protocol.body;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * Body of REGISTER_BROKER (docs/protocol/headers.md §6.5), in two encodings: JSON
 * {@code {"filterServerList":[…],"topicConfigSerializeWrapper":{…}}} and the compressed form
 * (zlib, level 9) of
 * <pre>
 * int len | DataVersion JSON | int N | N × (int len | "name read write perm filterType") | int len | filter list JSON
 * </pre>
 * (big-endian ints). The compressed form loses topicSysFlag and order. Immutable and thread-safe.
 */
@JSONType(deserializer = RegisterBrokerBody.JsonReader.class)
public final class RegisterBrokerBody extends RemotingSerializable {
    /** Refuse to inflate more than this: a register body of 100k topics is ~5 MB. */
    static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

    private final TopicConfigSerializeWrapper topicConfigSerializeWrapper;
    private final List<String> filterServerList;

    public RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList) {
        this.topicConfigSerializeWrapper = topicConfigSerializeWrapper == null
            ? TopicConfigSerializeWrapper.empty() : topicConfigSerializeWrapper;
        this.filterServerList = filterServerList == null
            ? Collections.<String>emptyList() : Collections.unmodifiableList(new ArrayList<>(filterServerList));
    }

    /** The body bytes in the chosen encoding. */
    public byte[] encode(boolean compress) {
        return compress ? encodeCompressed() : encode();
    }

    /**
     * Reads either encoding. Throws IllegalArgumentException with a readable message for malformed bytes;
     * a null or empty body stands for no topics and version {0, 0}.
     */
    public static RegisterBrokerBody decode(byte[] data, boolean compressed) {
        if (data == null || data.length == 0) {
            return new RegisterBrokerBody(null, null);
        }
        if (compressed) {
            return decodeCompressed(data);
        }
        try {
            return fromJson(JSON.parseObject(new String(data, StandardCharsets.UTF_8)));
        } catch (JSONException | ClassCastException e) {
            throw new IllegalArgumentException("register body is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static RegisterBrokerBody fromJson(JSONObject json) {
        if (json == null) {
            throw new IllegalArgumentException("register body is not a JSON object");
        }
        JSONObject wrapper = json.getJSONObject("topicConfigSerializeWrapper");
        JSONArray filters = json.getJSONArray("filterServerList");
        return new RegisterBrokerBody(wrapper == null ? null : TopicConfigSerializeWrapper.fromJson(wrapper),
            filters == null ? null : filters.toJavaList(String.class));
    }

    private byte[] encodeCompressed() {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(plain)) {
            writeChunk(out, topicConfigSerializeWrapper.getDataVersion().toJson());
            Map<String, TopicConfig> topics = topicConfigSerializeWrapper.getTopicConfigTable();
            out.writeInt(topics.size());
            for (TopicConfig topic : topics.values()) {
                writeChunk(out, topic.encode());
            }
            writeChunk(out, JSON.toJSONString(filterServerList));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(plain.toByteArray());
            deflater.finish();
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(plain.size() / 4 + 64);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                zipped.write(buf, 0, deflater.deflate(buf));
            }
            return zipped.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void writeChunk(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static RegisterBrokerBody decodeCompressed(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(inflate(data));
        try {
            DataVersion version = DataVersion.fromJson(JSON.parseObject(readChunk(in)));
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 4) {
                throw new IllegalArgumentException("compressed register body claims " + count + " topics");
            }
            Map<String, TopicConfig> topics = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                TopicConfig topic = TopicConfig.decode(readChunk(in));
                topics.put(topic.getTopicName(), topic);
            }
            List<String> filters = JSON.parseArray(readChunk(in), String.class);
            return new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics, version), filters);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("compressed register body is truncated", e);
        } catch (JSONException e) {
            throw new IllegalArgumentException("compressed register body holds bad JSON: " + e.getMessage(), e);
        }
    }

    private static String readChunk(ByteBuffer in) {
        int len = in.getInt();
        if (len < 0 || len > in.remaining()) {
            throw new IllegalArgumentException("compressed register body has a chunk of " + len + " bytes with "
                + in.remaining() + " left");
        }
        byte[] bytes = new byte[len];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("compressed register body is truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new IllegalArgumentException("compressed register body inflates beyond " + MAX_INFLATED_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("compressed register body is not a zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    public TopicConfigSerializeWrapper getTopicConfigSerializeWrapper() {
        return topicConfigSerializeWrapper;
    }

    public List<String> getFilterServerList() {
        return filterServerList;
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<RegisterBrokerBody> {
        @Override
        public RegisterBrokerBody readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            return reader.nextIfNull() ? null : fromJson(reader.read(JSONObject.class));
        }
    }
}
