package org.mercurymq.remoting.protocol.body;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * A set of topic names, reply body of 206, 224, 304, 305, 311–313 (docs/protocol/headers.md §6.4):
 * {@code {"brokerAddr":"ip:port","topicList":[…]}} with brokerAddr only for 304. Immutable and thread-safe.
 */
@JSONType(deserializer = TopicList.JsonReader.class)
public final class TopicList extends RemotingSerializable {
    private final Set<String> topicList;
    private final String brokerAddr;

    public TopicList(Collection<String> topicList) {
        this(topicList, null);
    }

    public TopicList(Collection<String> topicList, String brokerAddr) {
        this.topicList = Collections.unmodifiableSet(new TreeSet<>(topicList));
        this.brokerAddr = brokerAddr;
    }

    public static TopicList fromJson(JSONObject json) {
        JSONArray topics = json.getJSONArray("topicList");
        return new TopicList(topics == null ? Collections.<String>emptySet() : topics.toJavaList(String.class),
            json.getString("brokerAddr"));
    }

    /** Sorted, unmodifiable. */
    public Set<String> getTopicList() {
        return topicList;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<TopicList> {
        @Override
        public TopicList readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            return reader.nextIfNull() ? null : fromJson(reader.read(JSONObject.class));
        }
    }
}
