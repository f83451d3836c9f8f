package org.mercurymq.remoting.protocol.body;

import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.route.BrokerData;

/**
 * Reply body of GET_BROKER_CLUSTER_INFO (docs/protocol/headers.md §6.3): brokerName → BrokerData and cluster → broker
 * names. Always written with unquoted numeric keys, as the 4.9.7 name server does; read in either form.
 * Immutable and thread-safe.
 */
@JSONType(deserializer = ClusterInfo.JsonReader.class)
public final class ClusterInfo extends RemotingSerializable {
    private final Map<String, BrokerData> brokerAddrTable;
    private final Map<String, Set<String>> clusterAddrTable;

    public ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, ? extends Collection<String>> clusterAddrTable) {
        this.brokerAddrTable = Collections.unmodifiableMap(new TreeMap<>(brokerAddrTable));
        TreeMap<String, Set<String>> clusters = new TreeMap<>();
        for (Map.Entry<String, ? extends Collection<String>> e : clusterAddrTable.entrySet()) {
            clusters.put(e.getKey(), Collections.unmodifiableSet(new TreeSet<>(e.getValue())));
        }
        this.clusterAddrTable = Collections.unmodifiableMap(clusters);
    }

    public static ClusterInfo fromJson(JSONObject json) {
        Map<String, BrokerData> brokers = new TreeMap<>();
        JSONObject b = json.getJSONObject("brokerAddrTable");
        if (b != null) {
            for (String name : b.keySet()) {
                brokers.put(name, BrokerData.fromJson(b.getJSONObject(name)));
            }
        }
        Map<String, Set<String>> clusters = new TreeMap<>();
        JSONObject c = json.getJSONObject("clusterAddrTable");
        if (c != null) {
            for (String name : c.keySet()) {
                clusters.put(name, new TreeSet<>(c.getJSONArray(name).toJavaList(String.class)));
            }
        }
        return new ClusterInfo(brokers, clusters);
    }

    public Map<String, BrokerData> getBrokerAddrTable() {
        return brokerAddrTable;
    }

    public Map<String, Set<String>> getClusterAddrTable() {
        return clusterAddrTable;
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<ClusterInfo> {
        @Override
        public ClusterInfo readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            return reader.nextIfNull() ? null : fromJson(reader.read(JSONObject.class));
        }
    }
}
