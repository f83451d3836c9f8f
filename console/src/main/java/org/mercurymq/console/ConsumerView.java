package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/** The Consumers page: groups with TPS and lag; per queue the broker and consumer offsets. */
final class ConsumerView {
    private final DefaultMQAdminExt admin;

    ConsumerView(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /**
     * Groups are found the way the dashboard finds them: every group that subscribed has a retry topic
     * ({@code %RETRY%group}); groups created on the brokers but not used yet come from the masters' subscription
     * groups. The groups every broker has built in are left out. Each row has the group's TPS and total lag, or
     * the error of its stats call.
     */
    List<Map<String, Object>> groups() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String topic : admin.fetchAllTopicList().getTopicList()) {
            if (TopicNames.isRetryTopic(topic)) {
                names.add(topic.substring(TopicNames.RETRY_GROUP_TOPIC_PREFIX.length()));
            }
        }
        names.addAll(subscriptionGroups());
        // the built-in groups (TOOLS_CONSUMER, which mqadmin and this console's own pull consumer use, ...) are not
        // an application's: left out even when their retry topic exists
        names.removeAll(GroupNames.BUILT_IN_SUBSCRIPTION_GROUPS);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String group : names) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", group);
            try {
                ConsumeStats stats = admin.examineConsumeStats(group);
                row.put("consumeTps", stats.getConsumeTps());
                row.put("lag", stats.computeTotalDiff());
                row.put("queues", stats.getOffsetTable().size());
            } catch (Exception e) {
                row.put("error", String.valueOf(e.getMessage()));
            }
            out.add(row);
        }
        return out;
    }

    private Set<String> subscriptionGroups() throws Exception {
        Set<String> out = new TreeSet<>();
        for (BrokerData broker : admin.examineBrokerClusterInfo().getBrokerAddrTable().values()) {
            String master = broker.masterAddr();
            if (master == null) {
                continue;
            }
            try {
                out.addAll(admin.getAllSubscriptionGroup(master, 5_000).getSubscriptionGroupTable().keySet());
            } catch (Exception e) {
                // a broker that does not answer hides only its own groups; their retry topics still list them
            }
        }
        return out;
    }

    /**
     * One group: per queue broker offset, consumer offset, lag; the online clients; its subscription group config
     * on the first master that has it. A group that has consumed nothing yet has no stats: {@code statsError}
     * says so and the rest still shows.
     */
    Map<String, Object> group(String group) throws Exception {
        GroupAdmin.checkGroupName(group);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", group);
        try {
            ConsumeStats stats = admin.examineConsumeStats(group);
            out.put("consumeTps", stats.getConsumeTps());
            out.put("lag", stats.computeTotalDiff());
            out.put("queues", queues(stats));
        } catch (Exception e) {
            out.put("statsError", String.valueOf(e.getMessage()));
            out.put("queues", List.of());
        }
        try {
            ConsumerConnection connection = admin.examineConsumerConnectionInfo(group);
            out.put("clients", clients(connection));
            out.put("consumption", consumption(connection));
        } catch (Exception e) {
            // "no consumer online" is the ordinary answer for an offline group
            out.put("clients", String.valueOf(e.getMessage()));
        }
        out.put("config", config(group));
        out.put("sampledAt", System.currentTimeMillis());
        return out;
    }

    /**
     * What the group page re-reads every few seconds for its lag chart: the time of the reading, total lag, TPS and
     * the per-queue offsets (one consume-stats call, no client or config look-ups).
     */
    Map<String, Object> lag(String group) throws Exception {
        GroupAdmin.checkGroupName(group);
        ConsumeStats stats = admin.examineConsumeStats(group);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", group);
        out.put("sampledAt", System.currentTimeMillis());
        out.put("consumeTps", stats.getConsumeTps());
        out.put("lag", stats.computeTotalDiff());
        out.put("queues", queues(stats));
        return out;
    }

    private static List<Object> queues(ConsumeStats stats) {
        List<Map.Entry<MessageQueue, OffsetWrapper>> entries = new ArrayList<>(stats.getOffsetTable().entrySet());
        entries.sort(Comparator.comparing((Map.Entry<MessageQueue, OffsetWrapper> e) -> e.getKey().getTopic())
            .thenComparing(e -> e.getKey().getBrokerName()).thenComparingInt(e -> e.getKey().getQueueId()));
        List<Object> queues = new ArrayList<>();
        for (Map.Entry<MessageQueue, OffsetWrapper> e : entries) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("topic", e.getKey().getTopic());
            q.put("brokerName", e.getKey().getBrokerName());
            q.put("queueId", e.getKey().getQueueId());
            q.put("brokerOffset", e.getValue().getBrokerOffset());
            q.put("consumerOffset", e.getValue().getConsumerOffset());
            q.put("lag", e.getValue().getBrokerOffset() - e.getValue().getConsumerOffset());
            q.put("lastTimestamp", e.getValue().getLastTimestamp());
            queues.add(q);
        }
        return queues;
    }

    /** The subscription group config from the first master (by broker name) that holds it, or null. */
    private Map<String, Object> config(String group) throws Exception {
        for (BrokerData broker : new TreeMap<>(admin.examineBrokerClusterInfo().getBrokerAddrTable()).values()) {
            String master = broker.masterAddr();
            if (master == null) {
                continue;
            }
            try {
                SubscriptionGroupConfig c = admin.examineSubscriptionGroupConfig(master, group);
                if (c != null) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("broker", broker.getBrokerName());
                    m.put("consumeEnable", c.isConsumeEnable());
                    m.put("consumeBroadcastEnable", c.isConsumeBroadcastEnable());
                    m.put("retryMaxTimes", c.getRetryMaxTimes());
                    m.put("brokerId", c.getBrokerId());
                    m.put("whichBrokerWhenConsumeSlowly", c.getWhichBrokerWhenConsumeSlowly());
                    return m;
                }
            } catch (Exception e) {
                // that broker does not answer: try the next
            }
        }
        return null;
    }

    private static List<Object> clients(ConsumerConnection cc) {
        List<Object> clients = new ArrayList<>();
        for (Connection c : cc.getConnectionSet()) {
            clients.add(ClientConnections.describe(c));
        }
        return clients;
    }

    /**
     * How the online clients consume, as they told the broker in their heartbeats: push or pull, clustering or
     * broadcasting, where a new group starts, and each subscription.
     */
    private static Map<String, Object> consumption(ConsumerConnection cc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("consumeType", cc.getConsumeType() == null ? null : cc.getConsumeType().name());
        out.put("messageModel", cc.getMessageModel() == null ? null : cc.getMessageModel().name());
        out.put("consumeFromWhere", cc.getConsumeFromWhere() == null ? null : cc.getConsumeFromWhere().name());
        List<Object> subscriptions = new ArrayList<>();
        cc.getSubscriptionTable().forEach((topic, sub) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topic", topic);
            row.put("expression", sub.getSubString());
            row.put("type", sub.getExpressionType());
            subscriptions.add(row);
        });
        out.put("subscriptions", subscriptions);
        return out;
    }
}
