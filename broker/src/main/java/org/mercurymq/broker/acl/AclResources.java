package org.mercurymq.broker.acl;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.mercurymq.common.protocol.heartbeat.ConsumerData;
import org.mercurymq.common.protocol.heartbeat.HeartbeatData;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * The resources (topic name, or {@code %RETRY%<group>} for a group) and permission each request code
 * needs, as a table (docs/security.md). Codes not in the table need no resource, only a valid
 * signature. Stateless, thread-safe.
 */
final class AclResources {
    private static final String RETRY = AclAccount.RETRY_PREFIX;
    private static final Map<Integer, Function<RemotingCommand, Map<String, Integer>>> TABLE = new HashMap<>();

    static {
        TABLE.put(10, r -> send(r, "topic", "group"));                          // SEND_MESSAGE
        TABLE.put(310, r -> send(r, "b", "a"));                                 // SEND_MESSAGE_V2
        TABLE.put(36, r -> need(group(r, "group"), Permission.SUB));            // CONSUMER_SEND_MSG_BACK
        TABLE.put(11, r -> need(ext(r, "topic"), Permission.SUB,               // PULL_MESSAGE
            group(r, "consumerGroup"), Permission.SUB));
        TABLE.put(12, r -> need(ext(r, "topic"), Permission.SUB));              // QUERY_MESSAGE
        TABLE.put(34, AclResources::heartbeat);                                 // HEART_BEAT
        TABLE.put(35, r -> need(group(r, "consumerGroup"), Permission.SUB));    // UNREGISTER_CLIENT
        TABLE.put(38, r -> need(group(r, "consumerGroup"), Permission.SUB));    // GET_CONSUMER_LIST_BY_GROUP
        TABLE.put(15, r -> need(group(r, "consumerGroup"), Permission.SUB,      // UPDATE_CONSUMER_OFFSET
            ext(r, "topic"), Permission.SUB));
    }

    private AclResources() {
    }

    /** Needed permission by resource for this request; empty when the code checks no resource. */
    static Map<String, Integer> of(RemotingCommand request) {
        Function<RemotingCommand, Map<String, Integer>> f = TABLE.get(request.getCode());
        return f == null ? Map.of() : f.apply(request);
    }

    private static Map<String, Integer> send(RemotingCommand r, String topicField, String groupField) {
        String topic = ext(r, topicField);
        if (topic != null && topic.startsWith(RETRY)) {
            return need(group(r, groupField), Permission.SUB);
        }
        return need(topic, Permission.PUB);
    }

    private static Map<String, Integer> heartbeat(RemotingCommand r) {
        Map<String, Integer> m = new LinkedHashMap<>();
        HeartbeatData data = r.getBody() == null ? null : RemotingSerializable.decode(r.getBody(), HeartbeatData.class);
        if (data == null || data.getConsumerDataSet() == null) {
            return m;
        }
        for (ConsumerData c : data.getConsumerDataSet()) {
            if (c.getGroupName() != null) {
                m.put(RETRY + c.getGroupName(), Permission.SUB);
            }
            if (c.getSubscriptionDataSet() != null) {
                for (SubscriptionData s : c.getSubscriptionDataSet()) {
                    if (s.getTopic() != null) {
                        m.put(s.getTopic(), Permission.SUB);
                    }
                }
            }
        }
        return m;
    }

    private static String ext(RemotingCommand r, String field) {
        return r.getExtFields() == null ? null : r.getExtFields().get(field);
    }

    private static String group(RemotingCommand r, String field) {
        String g = ext(r, field);
        return g == null ? null : RETRY + g;
    }

    private static Map<String, Integer> need(Object... resourceAndPerm) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < resourceAndPerm.length; i += 2) {
            if (resourceAndPerm[i] != null) {
                m.put((String) resourceAndPerm[i], (Integer) resourceAndPerm[i + 1]);
            }
        }
        return m;
    }
}
