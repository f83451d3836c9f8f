package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicFilterType;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.TopicOffset;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/** The Topics page: list with kinds, route, per-queue offsets, create/update. */
final class TopicView {
    static final int MAX_QUEUES = 1024;

    private final DefaultMQAdminExt admin;

    TopicView(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /** All topics with their kind (NORMAL, RETRY, DLQ, SYSTEM), sorted by name. */
    List<Map<String, Object>> list() throws Exception {
        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        // as in RocketMQ, every cluster and broker name is also a (system) topic
        Set<String> system = new HashSet<>(TopicValidator.SYSTEM_TOPICS);
        system.addAll(cluster.getClusterAddrTable().keySet());
        system.addAll(cluster.getBrokerAddrTable().keySet());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String topic : new TreeSet<>(admin.fetchAllTopicList().getTopicList())) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("topic", topic);
            t.put("kind", kind(topic, system));
            out.add(t);
        }
        return out;
    }

    static String kind(String topic, Set<String> system) {
        if (TopicNames.isRetryTopic(topic)) {
            return "RETRY";
        }
        if (TopicNames.isDLQTopic(topic)) {
            return "DLQ";
        }
        if (system.contains(topic) || topic.startsWith(TopicNames.SYSTEM_TOPIC_PREFIX)
            || topic.startsWith("RMQ_SYS_") || topic.endsWith(TopicNames.REPLY_TOPIC_POSTFIX)) {
            return "SYSTEM";
        }
        return "NORMAL";
    }

    Map<String, Object> route(String topic) throws Exception {
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        List<Object> queues = new ArrayList<>();
        for (QueueData q : route.getQueueDatas()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("brokerName", q.getBrokerName());
            m.put("readQueueNums", q.getReadQueueNums());
            m.put("writeQueueNums", q.getWriteQueueNums());
            m.put("perm", q.getPerm());
            m.put("permText", PermName.perm2String(q.getPerm()));
            queues.add(m);
        }
        List<Object> brokers = new ArrayList<>();
        for (BrokerData b : route.getBrokerDatas()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cluster", b.getCluster());
            m.put("brokerName", b.getBrokerName());
            m.put("brokerAddrs", new java.util.TreeMap<>(b.getBrokerAddrs()));
            brokers.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", topic);
        out.put("queueDatas", queues);
        out.put("brokerDatas", brokers);
        out.put("orderTopicConf", route.getOrderTopicConf());
        return out;
    }

    /**
     * Deletes {@code topic} from every master of {@code clusterName} and from the NameServers, like
     * {@code mqadmin deleteTopic -c}. Retry, dead-letter and system topics are refused (a group's retry and DLQ
     * topics go with the group). Returns the addresses it was deleted from.
     */
    List<String> delete(String clusterName, String topic) throws Exception {
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        ClusterInfo info = admin.examineBrokerClusterInfo();
        Set<String> system = new HashSet<>(TopicValidator.SYSTEM_TOPICS);
        system.addAll(info.getClusterAddrTable().keySet());
        system.addAll(info.getBrokerAddrTable().keySet());
        String kind = kind(topic, system);
        if (!"NORMAL".equals(kind)) {
            throw ApiException.badRequest("The topic " + topic + " is a " + kind + " topic and cannot be deleted here.");
        }
        List<String> masters = ClusterMasters.of(info, clusterName);
        admin.deleteTopicInBroker(new TreeSet<>(masters), topic);
        admin.deleteTopicInNameServer(null, topic, clusterName);
        return masters;
    }

    /** The consumer groups that have consumed from {@code topic} (offsets on its brokers), sorted. */
    Set<String> consumerGroups(String topic) throws Exception {
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        return new TreeSet<>(admin.queryTopicConsumeByWho(topic).getGroupList());
    }

    /** Per queue: broker, queue id, min and max offset, last update time. */
    List<Map<String, Object>> offsets(String topic) throws Exception {
        List<Map.Entry<MessageQueue, TopicOffset>> entries =
            new ArrayList<>(admin.examineTopicStats(topic).getOffsetTable().entrySet());
        entries.sort(Comparator.comparing((Map.Entry<MessageQueue, TopicOffset> e) -> e.getKey().getBrokerName())
            .thenComparingInt(e -> e.getKey().getQueueId()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<MessageQueue, TopicOffset> e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("brokerName", e.getKey().getBrokerName());
            m.put("queueId", e.getKey().getQueueId());
            m.put("minOffset", e.getValue().getMinOffset());
            m.put("maxOffset", e.getValue().getMaxOffset());
            m.put("lastUpdateTimestamp", e.getValue().getLastUpdateTimestamp());
            out.add(m);
        }
        return out;
    }

    /**
     * Creates or updates {@code topic} on every master of {@code clusterName}, like
     * {@code mqadmin updateTopic -c}. Returns the addresses written to.
     */
    List<String> createOrUpdate(String clusterName, String topic, int readQueues, int writeQueues, int perm,
                                boolean order) throws Exception {
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        if (TopicValidator.SYSTEM_TOPICS.contains(topic)) {
            throw ApiException.badRequest("The topic " + topic + " is a system topic and cannot be changed here.");
        }
        if (readQueues < 1 || readQueues > MAX_QUEUES || writeQueues < 1 || writeQueues > MAX_QUEUES) {
            throw ApiException.badRequest("Queue counts must be between 1 and " + MAX_QUEUES + ".");
        }
        if (perm != PermName.PERM_READ && perm != PermName.PERM_WRITE && perm != PermName.PERM_READ_WRITE) {
            throw ApiException.badRequest("perm must be 2 (write), 4 (read) or 6 (read and write).");
        }
        TopicConfig config = new TopicConfig(topic, readQueues, writeQueues, perm, TopicFilterType.SINGLE_TAG, 0, order);
        List<String> written = ClusterMasters.of(admin.examineBrokerClusterInfo(), clusterName);
        for (String master : written) {
            admin.createAndUpdateTopicConfig(master, config);
        }
        return written;
    }
}
