package org.mercurymq.client.impl.factory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.mercurymq.client.impl.FindBrokerResult;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.PermName;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * The routes a client instance knows and the broker addresses learnt from them (name → id → address),
 * plus each broker's version from its heartbeat replies. Answers "which address for this broker".
 * Thread-safe.
 */
public class TopicRouteCache {
    private final ConcurrentHashMap<String, TopicRouteData> topicRouteTable = new ConcurrentHashMap<String, TopicRouteData>();
    private final ConcurrentHashMap<String, Map<Long, String>> brokerAddrTable = new ConcurrentHashMap<String, Map<Long, String>>();
    private final ConcurrentHashMap<String, Map<String, Integer>> brokerVersionTable =
        new ConcurrentHashMap<String, Map<String, Integer>>();

    public TopicRouteData get(String topic) {
        return topicRouteTable.get(topic);
    }

    public Set<String> topics() {
        return new HashSet<String>(topicRouteTable.keySet());
    }

    /** Stores the route and merges its broker addresses (the latest route's addresses win per name). */
    public void put(String topic, TopicRouteData route) {
        for (BrokerData bd : route.getBrokerDatas()) {
            brokerAddrTable.put(bd.getBrokerName(), Collections.unmodifiableMap(new TreeMap<Long, String>(bd.getBrokerAddrs())));
        }
        topicRouteTable.put(topic, route);
    }

    /** Snapshot: broker name → (id → address). */
    public Map<String, Map<Long, String>> brokerAddrTable() {
        return new HashMap<String, Map<Long, String>>(brokerAddrTable);
    }

    /** Drops addresses no route mentions any more; returns what was removed, for logging. */
    public List<String> cleanOfflineBrokers() {
        Set<String> live = new HashSet<String>();
        for (TopicRouteData r : topicRouteTable.values()) {
            for (BrokerData bd : r.getBrokerDatas()) {
                live.addAll(bd.getBrokerAddrs().values());
            }
        }
        List<String> removed = new ArrayList<String>();
        for (Map.Entry<String, Map<Long, String>> e : brokerAddrTable.entrySet()) {
            Map<Long, String> kept = new TreeMap<Long, String>();
            for (Map.Entry<Long, String> a : e.getValue().entrySet()) {
                if (live.contains(a.getValue())) {
                    kept.put(a.getKey(), a.getValue());
                } else {
                    removed.add(e.getKey() + ":" + a.getKey() + "=" + a.getValue());
                }
            }
            if (kept.isEmpty()) {
                brokerAddrTable.remove(e.getKey(), e.getValue());
            } else if (kept.size() != e.getValue().size()) {
                brokerAddrTable.replace(e.getKey(), e.getValue(), Collections.unmodifiableMap(kept));
            }
        }
        return removed;
    }

    /** The master address of a broker name, or null. */
    public String findBrokerAddressInPublish(String brokerName) {
        Map<Long, String> addrs = brokerAddrTable.get(brokerName);
        return addrs == null ? null : addrs.get(BrokerConstants.MASTER_ID);
    }

    /**
     * The address to pull from: {@code brokerId} if known; else (for a slave id) the next id; else, unless
     * {@code onlyThisBroker}, any address of the broker name.
     */
    public FindBrokerResult findBrokerAddressInSubscribe(String brokerName, long brokerId, boolean onlyThisBroker) {
        Map<Long, String> addrs = brokerAddrTable.get(brokerName);
        if (addrs == null || addrs.isEmpty()) {
            return null;
        }
        String addr = addrs.get(brokerId);
        boolean slave = brokerId != BrokerConstants.MASTER_ID;
        if (addr == null && slave) {
            addr = addrs.get(brokerId + 1);
        }
        if (addr == null && !onlyThisBroker) {
            Map.Entry<Long, String> any = addrs.entrySet().iterator().next();
            addr = any.getValue();
            slave = any.getKey() != BrokerConstants.MASTER_ID;
        }
        return addr == null ? null : new FindBrokerResult(addr, slave, findBrokerVersion(brokerName, addr));
    }

    /** The master if present, else any address of the broker name. */
    public FindBrokerResult findBrokerAddressInAdmin(String brokerName) {
        Map<Long, String> addrs = brokerAddrTable.get(brokerName);
        if (addrs == null || addrs.isEmpty()) {
            return null;
        }
        String master = addrs.get(BrokerConstants.MASTER_ID);
        if (master != null) {
            return new FindBrokerResult(master, false, findBrokerVersion(brokerName, master));
        }
        Map.Entry<Long, String> any = addrs.entrySet().iterator().next();
        return new FindBrokerResult(any.getValue(), true, findBrokerVersion(brokerName, any.getValue()));
    }

    /** An address of a random broker serving the topic (its master if it has one), or null. */
    public String findBrokerAddrByTopic(String topic) {
        TopicRouteData route = topicRouteTable.get(topic);
        if (route == null || route.getBrokerDatas().isEmpty()) {
            return null;
        }
        List<BrokerData> brokers = route.getBrokerDatas();
        BrokerData bd = brokers.get(ThreadLocalRandom.current().nextInt(brokers.size()));
        return bd.selectBrokerAddr();
    }

    public void recordBrokerVersion(String brokerName, String addr, int version) {
        Map<String, Integer> m = brokerVersionTable.get(brokerName);
        if (m == null) {
            brokerVersionTable.putIfAbsent(brokerName, new ConcurrentHashMap<String, Integer>());
            m = brokerVersionTable.get(brokerName);
        }
        m.put(addr, version);
    }

    /** The version the broker reported in its last heartbeat reply, or 0. */
    public int findBrokerVersion(String brokerName, String addr) {
        Map<String, Integer> m = brokerVersionTable.get(brokerName);
        Integer v = m == null ? null : m.get(addr);
        return v == null ? 0 : v;
    }

    /** Every readable queue of the route: queues 0…readQueueNums−1 per readable QueueData. */
    public static Set<MessageQueue> subscribeQueues(String topic, TopicRouteData route) {
        Set<MessageQueue> out = new HashSet<MessageQueue>();
        for (QueueData qd : route.getQueueDatas()) {
            if (PermName.isReadable(qd.getPerm())) {
                for (int i = 0; i < qd.getReadQueueNums(); i++) {
                    out.add(new MessageQueue(topic, qd.getBrokerName(), i));
                }
            }
        }
        return out;
    }
}
