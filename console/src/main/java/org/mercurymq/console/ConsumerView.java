package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/** The Consumers page: groups with TPS and lag; per queue the broker and consumer offsets. */
final class ConsumerView {
    private final DefaultMQAdminExt admin;

    ConsumerView(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /**
     * Groups are found the way the dashboard finds them: every group that subscribed has a retry topic
     * ({@code %RETRY%group}). Each row has the group's TPS and total lag, or the error of its stats call.
     */
    List<Map<String, Object>> groups() throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String topic : new TreeSet<>(admin.fetchAllTopicList().getTopicList())) {
            if (!TopicNames.isRetryTopic(topic)) {
                continue;
            }
            String group = topic.substring(TopicNames.RETRY_GROUP_TOPIC_PREFIX.length());
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

    /** One group: per queue broker offset, consumer offset, lag; and the online clients. */
    Map<String, Object> group(String group) throws Exception {
        ConsumeStats stats = admin.examineConsumeStats(group);
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", group);
        out.put("consumeTps", stats.getConsumeTps());
        out.put("lag", stats.computeTotalDiff());
        out.put("queues", queues);
        out.put("clients", clients(group));
        return out;
    }

    private Object clients(String group) {
        try {
            ConsumerConnection cc = admin.examineConsumerConnectionInfo(group);
            List<Object> clients = new ArrayList<>();
            for (Connection c : cc.getConnectionSet()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("clientId", c.getClientId());
                m.put("clientAddr", c.getClientAddr());
                m.put("language", String.valueOf(c.getLanguage()));
                m.put("version", c.getVersion());
                clients.add(m);
            }
            return clients;
        } catch (Exception e) {
            // "no consumer online" is the ordinary answer for an offline group
            return String.valueOf(e.getMessage());
        }
    }
}
