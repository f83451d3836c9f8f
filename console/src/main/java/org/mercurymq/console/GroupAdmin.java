package org.mercurymq.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;
import org.mercurymq.tools.admin.RollbackStats;

/**
 * The write actions on a consumer group: reset its offsets by time, create/update its subscription group on every
 * master of a cluster, delete it from a cluster (like {@code mqadmin resetOffsetByTime}, {@code updateSubGroup -c}
 * and {@code deleteSubGroup -c}).
 */
final class GroupAdmin {
    static final int GROUP_MAX_LENGTH = 255;

    private final DefaultMQAdminExt admin;

    GroupAdmin(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /** 400 unless {@code group} is a legal group name ({@code ^[%|a-zA-Z0-9_-]+$}, at most 255 characters). */
    static void checkGroupName(String group) {
        if (group.length() > GROUP_MAX_LENGTH || TopicValidator.isTopicOrGroupIllegal(group)) {
            throw ApiException.badRequest("Illegal group name " + group
                + ": at most 255 of the characters a-z A-Z 0-9 _ - % |");
        }
    }

    private static void checkNotBuiltIn(String group) {
        if (GroupNames.BUILT_IN_SUBSCRIPTION_GROUPS.contains(group)) {
            throw ApiException.badRequest("The group " + group + " is built into every broker and cannot be changed here.");
        }
    }

    /**
     * Moves {@code group}'s offsets on {@code topic} to the first message stored at or after {@code timestamp}
     * (forced: also forwards). With consumers online the brokers do it and tell the clients; with none online
     * the offsets are committed directly, as {@code mqadmin resetOffsetByTime} does.
     */
    Map<String, Object> resetOffsetByTime(String group, String topic, long timestamp) throws Exception {
        checkGroupName(group);
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        if (timestamp < 0) {
            throw ApiException.badRequest("timestamp must be milliseconds since the epoch, not " + timestamp);
        }
        List<Map<String, Object>> queues = new ArrayList<>();
        String how;
        try {
            for (Map.Entry<MessageQueue, Long> e : admin.resetOffsetByTimestamp(topic, group, timestamp, true).entrySet()) {
                queues.add(queue(e.getKey().getBrokerName(), e.getKey().getQueueId(), e.getValue()));
            }
            how = "brokers (consumers online were told)";
        } catch (MQAdminException e) {
            if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE.code()) {
                throw e;
            }
            try {
                for (RollbackStats r : admin.resetOffsetByTimestampOld(group, topic, timestamp, true)) {
                    queues.add(queue(r.getBrokerName(), (int) r.getQueueId(), r.getRollbackOffset()));
                }
            } catch (MQAdminException none) {
                if (none.getResponseCode() == ResponseCode.CONSUMER_NOT_ONLINE.code()) {
                    throw new ApiException(409, "The group " + group + " has no consumer online and no offset on "
                        + topic + ": nothing to reset.");
                }
                throw none;
            }
            how = "committed offsets (no consumer online)";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", group);
        out.put("topic", topic);
        out.put("timestamp", timestamp);
        out.put("via", how);
        out.put("queues", queues);
        return out;
    }

    private static Map<String, Object> queue(String brokerName, int queueId, long offset) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("brokerName", brokerName);
        q.put("queueId", queueId);
        q.put("offset", offset);
        return q;
    }

    /** Writes {@code config} to every master of {@code clusterName}; returns their addresses. */
    List<String> createOrUpdate(String clusterName, SubscriptionGroupConfig config) throws Exception {
        checkGroupName(config.getGroupName());
        checkNotBuiltIn(config.getGroupName());
        if (config.getRetryMaxTimes() < 0) {
            throw ApiException.badRequest("retryMaxTimes must be 0 or more.");
        }
        if (config.getBrokerId() < 0 || config.getWhichBrokerWhenConsumeSlowly() < 0) {
            throw ApiException.badRequest("brokerId and whichBrokerWhenConsumeSlowly must be 0 or more.");
        }
        List<String> masters = ClusterMasters.of(admin.examineBrokerClusterInfo(), clusterName);
        for (String master : masters) {
            admin.createAndUpdateSubscriptionGroupConfig(master, config);
        }
        return masters;
    }

    /**
     * Removes the subscription group and its offsets from every master of {@code clusterName}, then its retry and
     * dead-letter topics from those brokers and the NameServers (so it leaves the group list).
     */
    List<String> delete(String clusterName, String group) throws Exception {
        checkGroupName(group);
        checkNotBuiltIn(group);
        List<String> masters = ClusterMasters.of(admin.examineBrokerClusterInfo(), clusterName);
        for (String master : masters) {
            admin.deleteSubscriptionGroup(master, group, true);
        }
        for (String topic : List.of(TopicNames.getRetryTopic(group), TopicNames.getDLQTopic(group))) {
            admin.deleteTopicInBroker(new TreeSet<>(masters), topic);
            admin.deleteTopicInNameServer(null, topic, clusterName);
        }
        return masters;
    }
}
