package org.mercurymq.client.impl.body;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;

/**
 * GET_CONSUMER_RUNNING_INFO (307) reply body: a consumer's settings, subscriptions and per-queue state.
 * Queue-keyed maps use the object-key form the official tools read. Not thread-safe.
 */
public class ConsumerRunningInfo {
    public static final String PROP_NAMESERVER_ADDR = "PROP_NAMESERVER_ADDR";
    public static final String PROP_THREADPOOL_CORE_SIZE = "PROP_THREADPOOL_CORE_SIZE";
    public static final String PROP_CONSUME_ORDERLY = "PROP_CONSUMEORDERLY";
    public static final String PROP_CONSUME_TYPE = "PROP_CONSUME_TYPE";
    public static final String PROP_CLIENT_VERSION = "PROP_CLIENT_VERSION";
    public static final String PROP_CONSUMER_START_TIMESTAMP = "PROP_CONSUMER_START_TIMESTAMP";

    private final TreeMap<String, String> properties = new TreeMap<String, String>();
    private final TreeSet<SubscriptionData> subscriptionSet = new TreeSet<SubscriptionData>();
    private final TreeMap<MessageQueue, ProcessQueueInfo> mqTable = new TreeMap<MessageQueue, ProcessQueueInfo>();
    private String jstack;

    public Map<String, String> getProperties() {
        return properties;
    }

    public TreeSet<SubscriptionData> getSubscriptionSet() {
        return subscriptionSet;
    }

    public TreeMap<MessageQueue, ProcessQueueInfo> getMqTable() {
        return mqTable;
    }

    public String getJstack() {
        return jstack;
    }

    public void setJstack(String jstack) {
        this.jstack = jstack;
    }

    public byte[] encode() {
        StringBuilder sb = new StringBuilder("{");
        if (jstack != null) {
            sb.append("\"jstack\":").append(JSON.toJSONString(jstack)).append(',');
        }
        sb.append("\"mqTable\":").append(MessageQueueJson.writeMap(mqTable))
            .append(",\"properties\":").append(JSON.toJSONString(properties, JSONWriter.Feature.MapSortField))
            .append(",\"statusTable\":{}")
            .append(",\"subscriptionSet\":").append(JSON.toJSONString(subscriptionSet))
            .append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
