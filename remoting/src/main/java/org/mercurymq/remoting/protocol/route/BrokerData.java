package org.mercurymq.remoting.protocol.route;

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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * The addresses of one broker name: brokerId → {@code ip:port} (0 = master). JSON keys: brokerAddrs,
 * brokerName, cluster; the brokerAddrs keys are numbers, written unquoted or quoted by the caller's choice
 * of writer and read in either form (docs/protocol/headers.md §9 quirk 3). Immutable and thread-safe.
 */
@JSONType(deserializer = BrokerData.JsonReader.class)
public final class BrokerData extends RemotingSerializable implements Comparable<BrokerData> {
    private final String cluster;
    private final String brokerName;
    private final SortedMap<Long, String> brokerAddrs;

    public BrokerData(String cluster, String brokerName, Map<Long, String> brokerAddrs) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.brokerAddrs = Collections.unmodifiableSortedMap(
            brokerAddrs == null ? new TreeMap<Long, String>() : new TreeMap<>(brokerAddrs));
    }

    /** A copy holding {@code brokerId → addr} in addition (replacing that id's previous address). */
    public BrokerData withAddr(long brokerId, String addr) {
        TreeMap<Long, String> copy = new TreeMap<>(brokerAddrs);
        copy.put(brokerId, addr);
        return new BrokerData(cluster, brokerName, copy);
    }

    /** A copy without the given id. */
    public BrokerData withoutId(long brokerId) {
        TreeMap<Long, String> copy = new TreeMap<>(brokerAddrs);
        copy.remove(brokerId);
        return new BrokerData(cluster, brokerName, copy);
    }

    /** A copy without every id whose address is {@code addr}. */
    public BrokerData withoutAddr(String addr) {
        TreeMap<Long, String> copy = new TreeMap<>(brokerAddrs);
        copy.values().removeIf(addr::equals);
        return new BrokerData(cluster, brokerName, copy);
    }

    /** The master's address if there is one, else a random slave's; null when there are no addresses. */
    public String selectBrokerAddr() {
        String master = brokerAddrs.get(BrokerConstants.MASTER_ID);
        if (master != null || brokerAddrs.isEmpty()) {
            return master;
        }
        List<String> addrs = new ArrayList<>(brokerAddrs.values());
        return addrs.get(ThreadLocalRandom.current().nextInt(addrs.size()));
    }

    /** The master's address (id 0) or null. */
    public String masterAddr() {
        return brokerAddrs.get(BrokerConstants.MASTER_ID);
    }

    public static BrokerData fromJson(JSONObject json) {
        TreeMap<Long, String> addrs = new TreeMap<>();
        JSONObject raw = json.getJSONObject("brokerAddrs");
        if (raw != null) {
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                // keys arrive as "0" or, from the unquoted form, possibly as numbers
                addrs.put(Long.parseLong(String.valueOf(e.getKey()).trim()), e.getValue() == null ? null : e.getValue().toString());
            }
        }
        return new BrokerData(json.getString("cluster"), json.getString("brokerName"), addrs);
    }

    public String getCluster() {
        return cluster;
    }

    public String getBrokerName() {
        return brokerName;
    }

    /** Sorted by id, unmodifiable. */
    public Map<Long, String> getBrokerAddrs() {
        return brokerAddrs;
    }

    @Override
    public int compareTo(BrokerData o) {
        return brokerName.compareTo(o.brokerName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BrokerData)) {
            return false;
        }
        BrokerData that = (BrokerData) o;
        return Objects.equals(cluster, that.cluster) && Objects.equals(brokerName, that.brokerName)
            && brokerAddrs.equals(that.brokerAddrs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cluster, brokerName, brokerAddrs);
    }

    @Override
    public String toString() {
        return "BrokerData [brokerName=" + brokerName + ", brokerAddrs=" + brokerAddrs + ", cluster=" + cluster + "]";
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<BrokerData> {
        @Override
        public BrokerData readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            return reader.nextIfNull() ? null : fromJson(reader.read(JSONObject.class));
        }
    }
}
