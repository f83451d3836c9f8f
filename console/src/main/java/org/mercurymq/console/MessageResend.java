package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.CMResult;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;

/**
 * Resends a stored message to a consumer group (CONSUME_MESSAGE_DIRECTLY through the broker that stores it): the
 * given client, else the group's online clients in turn until one consumes it, as rocketmq-dashboard does.
 */
final class MessageResend {
    private final DefaultMQAdminExt admin;

    MessageResend(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /** {@code {group, clientId, consumeResult, remark, spentTimeMillis}}; 409 when no consumer of the group is online. */
    Map<String, Object> resend(String topic, String msgId, String group, String clientId) throws Exception {
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        GroupAdmin.checkGroupName(group);
        List<String> clients = new ArrayList<>();
        if (clientId != null && !clientId.isBlank()) {
            clients.add(clientId.trim());
        } else {
            clients.addAll(onlineClients(group));
        }
        Map<String, Object> last = null;
        for (String client : clients) {
            ConsumeMessageDirectlyResult r = admin.consumeMessageDirectly(group, client, topic, msgId);
            last = result(group, client, r);
            if (r.getConsumeResult() == CMResult.CR_SUCCESS) {
                break;
            }
        }
        return last;
    }

    private List<String> onlineClients(String group) throws Exception {
        List<Connection> connections;
        try {
            connections = new ArrayList<>(admin.examineConsumerConnectionInfo(group).getConnectionSet());
        } catch (MQAdminException e) {
            // no consumer online, or the group has never subscribed (no retry topic)
            if (e.getResponseCode() == ResponseCode.CONSUMER_NOT_ONLINE.code()
                || e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST.code()) {
                throw new ApiException(409, "No consumer of group " + group + " is online to take the message.");
            }
            throw e;
        }
        connections.sort(Comparator.comparing(Connection::getClientId));
        List<String> ids = new ArrayList<>();
        for (Connection c : connections) {
            ids.add(c.getClientId());
        }
        if (ids.isEmpty()) {
            throw new ApiException(409, "No consumer of group " + group + " is online to take the message.");
        }
        return ids;
    }

    private static Map<String, Object> result(String group, String clientId, ConsumeMessageDirectlyResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", group);
        m.put("clientId", clientId);
        m.put("consumeResult", String.valueOf(r.getConsumeResult()));
        m.put("remark", r.getRemark());
        m.put("spentTimeMillis", r.getSpentTimeMills());
        return m;
    }
}
