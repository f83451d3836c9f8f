package org.mercurymq.remoting.protocol.body;

import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * A broker's topic table with its version, JSON {@code {"dataVersion":…,"topicConfigTable":{"<topic>":TopicConfig}}}
 * (topics.json, GET_ALL_TOPIC_CONFIG reply, inside RegisterBrokerBody). Immutable and thread-safe.
 */
@JSONType(deserializer = TopicConfigSerializeWrapper.JsonReader.class)
public final class TopicConfigSerializeWrapper extends RemotingSerializable {
    private final Map<String, TopicConfig> topicConfigTable;
    private final DataVersion dataVersion;

    public TopicConfigSerializeWrapper(Map<String, TopicConfig> topicConfigTable, DataVersion dataVersion) {
        this.topicConfigTable = Collections.unmodifiableMap(new TreeMap<>(topicConfigTable));
        this.dataVersion = Objects.requireNonNull(dataVersion, "dataVersion");
    }

    /** No topics, version {timestamp 0, counter 0}: what a body-less registration stands for. */
    public static TopicConfigSerializeWrapper empty() {
        return new TopicConfigSerializeWrapper(Collections.<String, TopicConfig>emptyMap(), new DataVersion(0, 0));
    }

    public static TopicConfigSerializeWrapper fromJson(JSONObject json) {
        Map<String, TopicConfig> topics = new TreeMap<>();
        JSONObject t = json.getJSONObject("topicConfigTable");
        if (t != null) {
            for (String name : t.keySet()) {
                JSONObject topic = t.getJSONObject(name);
                if (topic == null) {
                    throw new IllegalArgumentException("topicConfigTable entry [" + name + "] is null");
                }
                topics.put(name, TopicConfig.fromJson(topic));
            }
        }
        JSONObject v = json.getJSONObject("dataVersion");
        return new TopicConfigSerializeWrapper(topics, v == null ? new DataVersion(0, 0) : DataVersion.fromJson(v));
    }

    public Map<String, TopicConfig> getTopicConfigTable() {
        return topicConfigTable;
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<TopicConfigSerializeWrapper> {
        @Override
        public TopicConfigSerializeWrapper readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            return reader.nextIfNull() ? null : fromJson(reader.read(JSONObject.class));
        }
    }
}
