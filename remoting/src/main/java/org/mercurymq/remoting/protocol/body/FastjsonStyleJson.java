package org.mercurymq.remoting.protocol.body;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * Writes bodies whose maps are keyed by {@link MessageQueue} the way fastjson 1.x does (docs/protocol/headers.md §9
 * quirk 2): the key is a JSON <em>object</em>, {@code {{"brokerName":"b","queueId":0,"topic":"T"}:5}}. That is
 * not standard JSON, but it is what the official 4.9.x tools parse for ConsumeStats, TopicStatsTable,
 * ResetOffsetBody, GetConsumerStatusBody and ConsumerRunningInfo. Other values are written by
 * {@link RemotingSerializable#toJson(Object)} (sorted keys, nulls omitted). Reading accepts such object keys
 * and also keys that are strings holding the queue object. Stateless and thread-safe.
 */
public final class FastjsonStyleJson {
    private FastjsonStyleJson() {
    }

    /** {@code {"brokerName":…,"queueId":…,"topic":…}} (fields sorted, null names omitted). */
    public static String messageQueue(MessageQueue mq) {
        StringBuilder sb = new StringBuilder(64).append('{');
        boolean first = true;
        if (mq.getBrokerName() != null) {
            sb.append("\"brokerName\":").append(JSON.toJSONString(mq.getBrokerName()));
            first = false;
        }
        sb.append(first ? "" : ",").append("\"queueId\":").append(mq.getQueueId());
        if (mq.getTopic() != null) {
            sb.append(",\"topic\":").append(JSON.toJSONString(mq.getTopic()));
        }
        return sb.append('}').toString();
    }

    /** A map with queue keys written as objects, in queue order; entries with a null value are omitted. */
    public static String messageQueueMap(Map<MessageQueue, ?> map) {
        if (map == null) {
            return null;
        }
        List<MessageQueue> keys = new ArrayList<MessageQueue>(map.keySet());
        Collections.sort(keys);
        StringBuilder sb = new StringBuilder(64 + keys.size() * 80).append('{');
        boolean first = true;
        for (MessageQueue mq : keys) {
            Object v = map.get(mq);
            if (v == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(messageQueue(mq)).append(':').append(value(v));
        }
        return sb.append('}').toString();
    }

    /** A map with string keys whose values are queue-keyed maps (GetConsumerStatusBody.consumerTable). */
    public static String nestedMessageQueueMap(Map<String, ? extends Map<MessageQueue, ?>> map) {
        if (map == null) {
            return null;
        }
        SortedMap<String, String> fields = new TreeMap<String, String>();
        for (Map.Entry<String, ? extends Map<MessageQueue, ?>> e : map.entrySet()) {
            fields.put(e.getKey(), messageQueueMap(e.getValue()));
        }
        return object(fields);
    }

    /** Any other value, as the official processes write it. */
    public static String value(Object v) {
        return v == null ? null : RemotingSerializable.toJson(v);
    }

    /** An object from field name → raw JSON text, keys sorted, null values omitted. */
    public static String object(SortedMap<String, String> rawFields) {
        StringBuilder sb = new StringBuilder().append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : rawFields.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(JSON.toJSONString(e.getKey())).append(':').append(e.getValue());
        }
        return sb.append('}').toString();
    }

    /** Parses a whole JSON text that may contain object keys; null for null/blank input. */
    public static JSONObject parse(String json) {
        return JSON.parseObject(json, JSONReader.Feature.AllowUnQuotedFieldNames);
    }

    /** Reads a queue → number map whose keys are queue objects or strings holding them; other keys are skipped. */
    public static Map<MessageQueue, Long> readLongMap(Object raw) {
        Map<MessageQueue, Long> out = new TreeMap<MessageQueue, Long>();
        if (!(raw instanceof Map)) {
            return out;
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
            MessageQueue mq = toQueue(e.getKey());
            if (mq != null && e.getValue() != null) {
                out.put(mq, Long.parseLong(e.getValue().toString()));
            }
        }
        return out;
    }

    /** A queue from a parsed key: a JSON object, a map, or a string holding the object; null otherwise. */
    public static MessageQueue toQueue(Object key) {
        JSONObject o;
        if (key instanceof JSONObject) {
            o = (JSONObject) key;
        } else if (key instanceof Map) {
            o = new JSONObject((Map<?, ?>) key);
        } else if (key instanceof String && ((String) key).trim().startsWith("{")) {
            o = JSON.parseObject((String) key);
        } else {
            return null;
        }
        return new MessageQueue(o.getString("topic"), o.getString("brokerName"), o.getIntValue("queueId"));
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
