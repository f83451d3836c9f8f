package org.mercurymq.client.impl.body;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;

/**
 * Maps keyed by {@link MessageQueue} in the form the official Java processes write them: each key is
 * a JSON object, {@code {{"brokerName":"b","queueId":0,"topic":"T"}:5}} (not standard JSON, headers.md
 * §9 quirk 2). Reading also accepts keys that are strings holding that object. Stateless.
 */
public final class MessageQueueJson {
    private MessageQueueJson() {
    }

    /** The key object text: {@code {"brokerName":…,"queueId":…,"topic":…}}. */
    public static String key(MessageQueue mq) {
        JSONObject o = new JSONObject();
        o.put("brokerName", mq.getBrokerName());
        o.put("queueId", mq.getQueueId());
        o.put("topic", mq.getTopic());
        return JSON.toJSONString(o);
    }

    /** {@code {<mq>:<json value>,…}} with keys in queue order; values are written with fastjson. */
    public static String writeMap(Map<MessageQueue, ?> map) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<MessageQueue, ?> e : new TreeMap<MessageQueue, Object>(map).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(key(e.getKey())).append(':').append(JSON.toJSONString(e.getValue()));
        }
        return sb.append('}').toString();
    }

    /** Parses a whole JSON text (which may contain object keys). */
    public static JSONObject parse(String json) {
        return JSON.parseObject(json, JSONReader.Feature.AllowUnQuotedFieldNames);
    }

    /** Reads a map whose keys are queue objects or strings holding them. */
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

    static MessageQueue toQueue(Object key) {
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
}
