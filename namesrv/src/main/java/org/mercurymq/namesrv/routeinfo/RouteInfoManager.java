package org.mercurymq.namesrv.routeinfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicSysFlag;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.body.TopicList;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's route table: clusters → broker names, broker name → addresses, topic → queue data per
 * broker name, live broker addresses with their last registration, data version and connection, and filter
 * servers. Implements the rules of docs/protocol/behaviour.md §2.
 *
 * <p>Thread-safe. Concurrency: copy-on-write. The route tables are one immutable {@link RouteTables} snapshot
 * behind a volatile field; writers (registration, expiry, admin changes) take {@link #writeLock}, copy only the
 * tables they change and publish a new snapshot. Readers (route lookups, cluster info, topic lists) do one
 * volatile read and never block. A ReadWriteLock would make every lookup from thousands of clients wait while
 * a broker with many topics registers; here lookups cannot queue behind writers at all. Writes are rare (a
 * broker re-registers every 30 s and the tables are only copied when its data version changed), so the
 * copying costs little. The liveness table is a separate concurrent map: an unchanged periodic registration
 * only replaces one entry in it and copies nothing.
 */
public final class RouteInfoManager {
    private static final Logger LOG = LoggerFactory.getLogger(RouteInfoManager.class);

    private final LongSupplier clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile RouteTables tables = RouteTables.EMPTY;
    /** brokerAddr → live info; modified only under {@link #writeLock}, read without it. */
    private final Map<String, BrokerLiveInfo> brokerLiveTable = new ConcurrentHashMap<>();

    /** @param clock current time in ms; injected so expiry is testable */
    public RouteInfoManager(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Registers (or re-registers) one broker address. A master's topics replace the queue data of its broker
     * name for every topic it lists when its data version changed or it is new; topics it does not list are
     * kept. A slave only adds its address.
     */
    public RegisterBrokerResult registerBroker(String clusterName, String brokerAddr, String brokerName, long brokerId,
                                               String haServerAddr, TopicConfigSerializeWrapper topicConfigWrapper,
                                               List<String> filterServerList, RemotingChannel channel) {
        writeLock.lock();
        try {
            RouteTables.Editor edit = tables.edit();
            Set<String> names = edit.readClusters().get(clusterName);
            if (names == null || !names.contains(brokerName)) {
                Set<String> copy = names == null ? new HashSet<>() : new HashSet<>(names);
                copy.add(brokerName);
                edit.clusters().put(clusterName, Set.copyOf(copy));
            }

            BrokerData brokerData = edit.readBrokers().get(brokerName);
            boolean registerFirst = brokerData == null;
            BrokerData updated = brokerData == null
                ? new BrokerData(clusterName, brokerName, Map.of()) : brokerData;
            // same address under another id of this broker name: a slave switched to master or vice versa
            for (Map.Entry<Long, String> e : updated.getBrokerAddrs().entrySet()) {
                if (brokerAddr.equals(e.getValue()) && e.getKey() != brokerId) {
                    LOG.info("broker {} address {} moves from id {} to id {}", LogEscape.of(brokerName),
                        LogEscape.of(brokerAddr), e.getKey(), brokerId);
                    updated = updated.withoutId(e.getKey());
                    break;
                }
            }
            String oldAddr = updated.getBrokerAddrs().get(brokerId);
            registerFirst |= oldAddr == null;
            if (!brokerAddr.equals(oldAddr) || updated != brokerData) {
                edit.brokers().put(brokerName, updated.withAddr(brokerId, brokerAddr));
            }

            DataVersion dataVersion = topicConfigWrapper == null ? new DataVersion(0, 0) : topicConfigWrapper.getDataVersion();
            if (topicConfigWrapper != null && brokerId == BrokerConstants.MASTER_ID
                && (registerFirst || isBrokerTopicConfigChanged(brokerAddr, dataVersion))) {
                for (TopicConfig topic : topicConfigWrapper.getTopicConfigTable().values()) {
                    putQueueData(edit, brokerName, topic);
                }
            }

            BrokerLiveInfo previous = brokerLiveTable.put(brokerAddr,
                new BrokerLiveInfo(clock.getAsLong(), dataVersion, channel, haServerAddr));
            if (previous == null) {
                LOG.info("new broker registered: {} {} id={} cluster={} haServer={}", LogEscape.of(brokerName),
                    LogEscape.of(brokerAddr), brokerId,
                    LogEscape.of(clusterName), LogEscape.of(haServerAddr));
            }

            List<String> currentFilters = edit.readFilters().get(brokerAddr);
            if (filterServerList == null || filterServerList.isEmpty()) {
                if (currentFilters != null) {
                    edit.filters().remove(brokerAddr);
                }
            } else if (!filterServerList.equals(currentFilters)) {
                edit.filters().put(brokerAddr, List.copyOf(filterServerList));
            }

            tables = edit.build();

            if (brokerId != BrokerConstants.MASTER_ID) {
                String masterAddr = tables.brokerAddrTable.get(brokerName).masterAddr();
                BrokerLiveInfo master = masterAddr == null ? null : brokerLiveTable.get(masterAddr);
                if (master != null) {
                    return new RegisterBrokerResult(masterAddr, master.haServerAddr());
                }
            }
            return RegisterBrokerResult.NONE;
        } finally {
            writeLock.unlock();
        }
    }

    private static void putQueueData(RouteTables.Editor edit, String brokerName, TopicConfig topic) {
        QueueData queueData = QueueData.of(brokerName, topic);
        Map<String, QueueData> current = edit.readTopics().get(topic.getTopicName());
        if (current != null && queueData.equals(current.get(brokerName))) {
            return;
        }
        Map<String, QueueData> copy = current == null ? new HashMap<>() : new HashMap<>(current);
        QueueData old = copy.put(brokerName, queueData);
        edit.topics().put(topic.getTopicName(), Map.copyOf(copy));
        if (old == null) {
            LOG.info("new topic route: {} {}", LogEscape.of(topic.getTopicName()), LogEscape.of(queueData));
        } else {
            LOG.info("topic route changed: {} from {} to {}", LogEscape.of(topic.getTopicName()), LogEscape.of(old),
                LogEscape.of(queueData));
        }
    }

    /** UNREGISTER_BROKER: drops one id of a broker name (and the name with its topics when no address is left). */
    public void unregisterBroker(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        writeLock.lock();
        try {
            RouteTables.Editor edit = tables.edit();
            BrokerLiveInfo live = brokerLiveTable.remove(brokerAddr);
            if (edit.readFilters().containsKey(brokerAddr)) {
                edit.filters().remove(brokerAddr);
            }
            BrokerData brokerData = edit.readBrokers().get(brokerName);
            if (brokerData != null && brokerData.getBrokerAddrs().containsKey(brokerId)) {
                BrokerData rest = brokerData.withoutId(brokerId);
                if (rest.getBrokerAddrs().isEmpty()) {
                    removeBrokerName(edit, brokerName);
                } else {
                    edit.brokers().put(brokerName, rest);
                }
            }
            tables = edit.build();
            LOG.info("broker unregistered: {} {} id={} cluster={} wasLive={}", LogEscape.of(brokerName),
                LogEscape.of(brokerAddr), brokerId,
                LogEscape.of(clusterName), live != null);
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes a broker name entirely: its BrokerData, cluster membership and queue data in every topic. */
    private static void removeBrokerName(RouteTables.Editor edit, String brokerName) {
        edit.brokers().remove(brokerName);
        for (Map.Entry<String, Set<String>> e : new ArrayList<>(edit.readClusters().entrySet())) {
            if (e.getValue().contains(brokerName)) {
                Set<String> rest = new HashSet<>(e.getValue());
                rest.remove(brokerName);
                if (rest.isEmpty()) {
                    edit.clusters().remove(e.getKey());
                    LOG.info("cluster {} removed: no broker left", LogEscape.of(e.getKey()));
                } else {
                    edit.clusters().put(e.getKey(), Set.copyOf(rest));
                }
            }
        }
        for (Map.Entry<String, Map<String, QueueData>> e : new ArrayList<>(edit.readTopics().entrySet())) {
            if (e.getValue().containsKey(brokerName)) {
                Map<String, QueueData> rest = new HashMap<>(e.getValue());
                rest.remove(brokerName);
                if (rest.isEmpty()) {
                    edit.topics().remove(e.getKey());
                    LOG.info("topic {} removed: its last broker {} is gone", LogEscape.of(e.getKey()),
                        LogEscape.of(brokerName));
                } else {
                    edit.topics().put(e.getKey(), Map.copyOf(rest));
                }
            }
        }
        LOG.info("broker name {} removed: no address left", LogEscape.of(brokerName));
    }

    /** Removes one broker address wherever it appears (expiry, connection close). Caller holds the lock. */
    private void removeBrokerAddr(RouteTables.Editor edit, String brokerAddr) {
        brokerLiveTable.remove(brokerAddr);
        if (edit.readFilters().containsKey(brokerAddr)) {
            edit.filters().remove(brokerAddr);
        }
        for (BrokerData brokerData : new ArrayList<>(edit.readBrokers().values())) {
            if (brokerData.getBrokerAddrs().containsValue(brokerAddr)) {
                BrokerData rest = brokerData.withoutAddr(brokerAddr);
                LOG.info("broker address removed: {} {}", LogEscape.of(brokerData.getBrokerName()),
                    LogEscape.of(brokerAddr));
                if (rest.getBrokerAddrs().isEmpty()) {
                    removeBrokerName(edit, brokerData.getBrokerName());
                } else {
                    edit.brokers().put(brokerData.getBrokerName(), rest);
                }
            }
        }
    }

    /** A connection closed, failed or went idle: every broker address registered over it is removed. */
    public void onChannelDestroy(RemotingChannel channel) {
        writeLock.lock();
        try {
            List<String> addrs = new ArrayList<>();
            for (Map.Entry<String, BrokerLiveInfo> e : brokerLiveTable.entrySet()) {
                if (e.getValue().channel() != null && e.getValue().channel().equals(channel)) {
                    addrs.add(e.getKey());
                }
            }
            if (addrs.isEmpty()) {
                return;
            }
            RouteTables.Editor edit = tables.edit();
            for (String addr : addrs) {
                LOG.info("connection {} closed: removing broker {}", channel.remoteAddress(), LogEscape.of(addr));
                removeBrokerAddr(edit, addr);
            }
            tables = edit.build();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Drops every broker whose last registration is older than {@code expiredMillis}, closing its connection.
     * Returns what was dropped, for the caller to log.
     */
    public List<ExpiredBroker> scanNotActiveBroker(long expiredMillis) {
        List<ExpiredBroker> expired = new ArrayList<>();
        List<RemotingChannel> toClose = new ArrayList<>();
        writeLock.lock();
        try {
            long now = clock.getAsLong();
            RouteTables.Editor edit = null;
            for (Map.Entry<String, BrokerLiveInfo> e : new ArrayList<>(brokerLiveTable.entrySet())) {
                long silent = now - e.getValue().lastUpdateTimestamp();
                if (silent > expiredMillis) {
                    if (edit == null) {
                        edit = tables.edit();
                    }
                    removeBrokerAddr(edit, e.getKey());
                    expired.add(new ExpiredBroker(e.getKey(), silent));
                    if (e.getValue().channel() != null) {
                        toClose.add(e.getValue().channel());
                    }
                }
            }
            if (edit != null) {
                tables = edit.build();
            }
        } finally {
            writeLock.unlock();
        }
        // close outside the lock: close listeners call back into onChannelDestroy
        for (RemotingChannel channel : toClose) {
            channel.close();
        }
        return expired;
    }

    /** True when the broker is unknown or its stored data version differs from {@code dataVersion}. */
    public boolean isBrokerTopicConfigChanged(String brokerAddr, DataVersion dataVersion) {
        DataVersion known = queryBrokerTopicConfig(brokerAddr);
        return known == null || !known.equals(dataVersion);
    }

    /** The data version of the broker's last registration, or null if it is not live. */
    public DataVersion queryBrokerTopicConfig(String brokerAddr) {
        BrokerLiveInfo live = brokerLiveTable.get(brokerAddr);
        return live == null ? null : live.dataVersion();
    }

    /** Counts as a sign of life (QUERY_DATA_VERSION with unchanged data). */
    public void updateBrokerInfoUpdateTimestamp(String brokerAddr) {
        writeLock.lock();
        try {
            brokerLiveTable.computeIfPresent(brokerAddr, (k, v) -> v.refreshed(clock.getAsLong()));
        } finally {
            writeLock.unlock();
        }
    }

    /** Live info of a broker address, or null. */
    public BrokerLiveInfo brokerLiveInfo(String brokerAddr) {
        return brokerLiveTable.get(brokerAddr);
    }

    /**
     * The route of a topic: its queue data and the BrokerData of those broker names, or null when the topic is
     * unknown or none of its broker names has a BrokerData.
     */
    public TopicRouteData pickupTopicRouteData(String topic) {
        RouteTables t = tables;
        Map<String, QueueData> queues = t.topicQueueTable.get(topic);
        if (queues == null || queues.isEmpty()) {
            return null;
        }
        List<QueueData> queueDatas = new ArrayList<>(new TreeMap<>(queues).values());
        List<BrokerData> brokerDatas = new ArrayList<>();
        Map<String, List<String>> filters = new HashMap<>();
        for (QueueData q : queueDatas) {
            BrokerData bd = t.brokerAddrTable.get(q.getBrokerName());
            if (bd == null) {
                continue;
            }
            brokerDatas.add(bd);
            for (String addr : bd.getBrokerAddrs().values()) {
                List<String> f = t.filterServerTable.get(addr);
                if (f != null) {
                    filters.put(addr, f);
                }
            }
        }
        if (brokerDatas.isEmpty()) {
            return null;
        }
        return new TopicRouteData(null, queueDatas, brokerDatas, filters);
    }

    public ClusterInfo getAllClusterInfo() {
        RouteTables t = tables;
        return new ClusterInfo(t.brokerAddrTable, t.clusterAddrTable);
    }

    public TopicList getAllTopicList() {
        return new TopicList(tables.topicQueueTable.keySet());
    }

    /** Topics served by any broker name of the cluster. */
    public TopicList getTopicsByCluster(String cluster) {
        RouteTables t = tables;
        Set<String> names = t.clusterAddrTable.getOrDefault(cluster, Set.of());
        Set<String> topics = new TreeSet<>();
        for (Map.Entry<String, Map<String, QueueData>> e : t.topicQueueTable.entrySet()) {
            for (String brokerName : e.getValue().keySet()) {
                if (names.contains(brokerName)) {
                    topics.add(e.getKey());
                    break;
                }
            }
        }
        return new TopicList(topics);
    }

    /** Cluster names and broker names (the broker's own system topics) plus one broker address to ask for more. */
    public TopicList getSystemTopicList() {
        RouteTables t = tables;
        Set<String> topics = new TreeSet<>();
        for (Map.Entry<String, Set<String>> e : t.clusterAddrTable.entrySet()) {
            topics.add(e.getKey());
            topics.addAll(e.getValue());
        }
        String brokerAddr = null;
        for (BrokerData bd : new TreeMap<>(t.brokerAddrTable).values()) {
            if (!bd.getBrokerAddrs().isEmpty()) {
                brokerAddr = bd.getBrokerAddrs().values().iterator().next();
                break;
            }
        }
        return new TopicList(topics, brokerAddr);
    }

    /** 311: topics whose (first) queue data carries the unit flag. */
    public TopicList getUnitTopics() {
        return topicsWhoseFirstQueueData(flag -> TopicSysFlag.hasUnitFlag(flag));
    }

    /** 312: topics with the unit-sub flag. */
    public TopicList getHasUnitSubTopicList() {
        return topicsWhoseFirstQueueData(flag -> TopicSysFlag.hasUnitSubFlag(flag));
    }

    /** 313: topics with the unit-sub flag but not the unit flag. */
    public TopicList getHasUnitSubUnUnitTopicList() {
        return topicsWhoseFirstQueueData(flag -> !TopicSysFlag.hasUnitFlag(flag) && TopicSysFlag.hasUnitSubFlag(flag));
    }

    private TopicList topicsWhoseFirstQueueData(java.util.function.IntPredicate test) {
        Set<String> topics = new TreeSet<>();
        for (Map.Entry<String, Map<String, QueueData>> e : tables.topicQueueTable.entrySet()) {
            Iterator<QueueData> first = new TreeMap<>(e.getValue()).values().iterator();
            if (first.hasNext() && test.test(first.next().getTopicSysFlag())) {
                topics.add(e.getKey());
            }
        }
        return new TopicList(topics);
    }

    /** Clears the write bit of every queue data of the broker name; returns how many were found. */
    public int wipeWritePermOfBroker(String brokerName) {
        return operateWritePerm(brokerName, perm -> perm & ~PermName.PERM_WRITE);
    }

    /** Sets the perm of every queue data of the broker name to READ|WRITE; returns how many were found. */
    public int addWritePermOfBroker(String brokerName) {
        return operateWritePerm(brokerName, perm -> PermName.PERM_READ_WRITE);
    }

    private int operateWritePerm(String brokerName, java.util.function.IntUnaryOperator change) {
        writeLock.lock();
        try {
            RouteTables.Editor edit = tables.edit();
            int count = 0;
            for (Map.Entry<String, Map<String, QueueData>> e : tables.topicQueueTable.entrySet()) {
                QueueData q = e.getValue().get(brokerName);
                if (q == null) {
                    continue;
                }
                count++;
                int perm = change.applyAsInt(q.getPerm());
                if (perm != q.getPerm()) {
                    Map<String, QueueData> copy = new HashMap<>(e.getValue());
                    copy.put(brokerName, q.withPerm(perm));
                    edit.topics().put(e.getKey(), Map.copyOf(copy));
                }
            }
            tables = edit.build();
            LOG.info("write perm of broker {} changed on {} topics", LogEscape.of(brokerName), count);
            return count;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Deletes a topic's route; with a cluster name only the queue data of that cluster's broker names are
     * removed (the topic disappears when none is left).
     */
    public void deleteTopic(String topic, String clusterName) {
        writeLock.lock();
        try {
            RouteTables.Editor edit = tables.edit();
            Map<String, QueueData> queues = edit.readTopics().get(topic);
            if (queues == null) {
                return;
            }
            if (clusterName == null || clusterName.isBlank()) {
                edit.topics().remove(topic);
            } else {
                Set<String> names = edit.readClusters().getOrDefault(clusterName, Set.of());
                Map<String, QueueData> rest = new HashMap<>(queues);
                rest.keySet().removeAll(names);
                if (rest.isEmpty()) {
                    edit.topics().remove(topic);
                } else if (rest.size() != queues.size()) {
                    edit.topics().put(topic, Map.copyOf(rest));
                }
            }
            tables = edit.build();
            LOG.info("topic {} deleted from name server (cluster {})", LogEscape.of(topic),
                LogEscape.of(clusterName == null ? "*" : clusterName));
        } finally {
            writeLock.unlock();
        }
    }
}
