package org.mercurymq.remoting.protocol.body;

import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** GET_CONSUMER_RUNNING_INFO (307) reply built by a consumer client (the broker relays it): properties, subscriptions, per-queue state, per-topic rates, optional jstack. JSON bean; not thread-safe. */
public class ConsumerRunningInfo extends RemotingSerializable {
    public static final String PROP_NAMESERVER_ADDR = "PROP_NAMESERVER_ADDR";
    public static final String PROP_THREADPOOL_CORE_SIZE = "PROP_THREADPOOL_CORE_SIZE";
    public static final String PROP_CONSUME_ORDERLY = "PROP_CONSUMEORDERLY";
    public static final String PROP_CONSUME_TYPE = "PROP_CONSUME_TYPE";
    public static final String PROP_CLIENT_VERSION = "PROP_CLIENT_VERSION";
    public static final String PROP_CONSUMER_START_TIMESTAMP = "PROP_CONSUMER_START_TIMESTAMP";

    private Properties properties = new Properties();
    private TreeSet<SubscriptionData> subscriptionSet = new TreeSet<SubscriptionData>();
    private TreeMap<MessageQueue, ProcessQueueInfo> mqTable = new TreeMap<MessageQueue, ProcessQueueInfo>();
    private TreeMap<String, ConsumeStatus> statusTable = new TreeMap<String, ConsumeStatus>();
    private String jstack;

    public Properties getProperties() {
        return properties;
    }

    public void setProperties(Properties properties) {
        this.properties = properties;
    }

    public TreeSet<SubscriptionData> getSubscriptionSet() {
        return subscriptionSet;
    }

    public void setSubscriptionSet(TreeSet<SubscriptionData> subscriptionSet) {
        this.subscriptionSet = subscriptionSet;
    }

    public TreeMap<MessageQueue, ProcessQueueInfo> getMqTable() {
        return mqTable;
    }

    public void setMqTable(TreeMap<MessageQueue, ProcessQueueInfo> mqTable) {
        this.mqTable = mqTable;
    }

    public TreeMap<String, ConsumeStatus> getStatusTable() {
        return statusTable;
    }

    public void setStatusTable(TreeMap<String, ConsumeStatus> statusTable) {
        this.statusTable = statusTable;
    }

    public String getJstack() {
        return jstack;
    }

    public void setJstack(String jstack) {
        this.jstack = jstack;
    }

    @Override
    public String toJson() {
        SortedMap<String, String> f = new TreeMap<String, String>();
        f.put("jstack", FastjsonStyleJson.value(jstack));
        f.put("mqTable", FastjsonStyleJson.messageQueueMap(mqTable));
        f.put("properties", FastjsonStyleJson.value(properties));
        f.put("statusTable", FastjsonStyleJson.value(statusTable));
        f.put("subscriptionSet", FastjsonStyleJson.value(subscriptionSet));
        return FastjsonStyleJson.object(f);
    }

    @Override
    public byte[] encode() {
        return FastjsonStyleJson.utf8(toJson());
    }
}
