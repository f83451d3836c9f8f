package org.mercurymq.remoting.protocol.route;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * The route of one topic, reply body of GET_ROUTEINFO_BY_TOPIC (docs/protocol/headers.md §6.2). JSON keys: brokerDatas,
 * filterServerTable, orderTopicConf (omitted when null), queueDatas.
 * {@link #encode(boolean)} writes either the standard form (quoted numeric keys, 4.9.4+ clients) or the
 * fastjson-default form (unquoted). Immutable and thread-safe.
 */
@JSONType(deserializer = TopicRouteData.JsonReader.class)
public final class TopicRouteData extends RemotingSerializable {
    private final String orderTopicConf;
    private final List<QueueData> queueDatas;
    private final List<BrokerData> brokerDatas;
    private final Map<String, List<String>> filterServerTable;

    public TopicRouteData(String orderTopicConf, List<QueueData> queueDatas, List<BrokerData> brokerDatas,
                          Map<String, List<String>> filterServerTable) {
        this.orderTopicConf = orderTopicConf;
        this.queueDatas = Collections.unmodifiableList(new ArrayList<>(queueDatas));
        this.brokerDatas = Collections.unmodifiableList(new ArrayList<>(brokerDatas));
        TreeMap<String, List<String>> filters = new TreeMap<>();
        if (filterServerTable != null) {
            for (Map.Entry<String, List<String>> e : filterServerTable.entrySet()) {
                filters.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
            }
        }
        this.filterServerTable = Collections.unmodifiableMap(filters);
    }

    public TopicRouteData withOrderTopicConf(String conf) {
        return new TopicRouteData(conf, queueDatas, brokerDatas, filterServerTable);
    }

    /** JSON bytes; {@code standardJson} quotes numeric keys as a 4.9.4+ name server does for new clients. */
    public byte[] encode(boolean standardJson) {
        return standardJson ? encodeStandard(this) : encode(this);
    }

    public static TopicRouteData fromJson(JSONObject json) {
        List<QueueData> queues = new ArrayList<>();
        JSONArray qa = json.getJSONArray("queueDatas");
        if (qa != null) {
            for (int i = 0; i < qa.size(); i++) {
                queues.add(QueueData.fromJson(qa.getJSONObject(i)));
            }
        }
        List<BrokerData> brokers = new ArrayList<>();
        JSONArray ba = json.getJSONArray("brokerDatas");
        if (ba != null) {
            for (int i = 0; i < ba.size(); i++) {
                brokers.add(BrokerData.fromJson(ba.getJSONObject(i)));
            }
        }
        Map<String, List<String>> filters = new TreeMap<>();
        JSONObject fa = json.getJSONObject("filterServerTable");
        if (fa != null) {
            for (String addr : fa.keySet()) {
                filters.put(addr, fa.getJSONArray(addr).toJavaList(String.class));
            }
        }
        return new TopicRouteData(json.getString("orderTopicConf"), queues, brokers, filters);
    }

    public String getOrderTopicConf() {
        return orderTopicConf;
    }

    public List<QueueData> getQueueDatas() {
        return queueDatas;
    }

    public List<BrokerData> getBrokerDatas() {
        return brokerDatas;
    }

    public Map<String, List<String>> getFilterServerTable() {
        return filterServerTable;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TopicRouteData)) {
            return false;
        }
        TopicRouteData that = (TopicRouteData) o;
        return Objects.equals(orderTopicConf, that.orderTopicConf) && queueDatas.equals(that.queueDatas)
            && brokerDatas.equals(that.brokerDatas) && filterServerTable.equals(that.filterServerTable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderTopicConf, queueDatas, brokerDatas, filterServerTable);
    }

    @Override
    public String toString() {
        return "TopicRouteData [orderTopicConf=" + orderTopicConf + ", queueDatas=" + queueDatas + ", brokerDatas="
            + brokerDatas + ", filterServerTable=" + filterServerTable + "]";
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<TopicRouteData> {
        @Override
        public TopicRouteData readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            return reader.nextIfNull() ? null : fromJson(reader.read(JSONObject.class));
        }
    }
}
