package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;

/** The Producers page: the online producers of a producer group for a topic, and which groups are online. */
final class ProducerView {
    private final DefaultMQAdminExt admin;

    ProducerView(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /**
     * The connections of {@code group} on the brokers of {@code topic} (client id, address, language, version),
     * sorted by client id; empty when none is online.
     */
    List<Map<String, Object>> connections(String group, String topic) throws Exception {
        GroupAdmin.checkGroupName(group);
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        List<Connection> found;
        try {
            found = new ArrayList<>(admin.examineProducerConnectionInfo(group, topic).getConnectionSet());
        } catch (MQAdminException e) {
            if (noneOnline(e)) {
                return List.of();
            }
            throw e;
        }
        found.sort(Comparator.comparing(Connection::getClientId));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Connection c : found) {
            out.add(ClientConnections.describe(c));
        }
        return out;
    }

    /**
     * How "no producer of that group online" comes back: a broker that never saw the group answers SYSTEM_ERROR
     * "the producer group[...] not exist" (RocketMQ's wording), and the admin API says "no connection of producer
     * group ..." when the brokers answered with empty sets.
     */
    private static boolean noneOnline(MQAdminException e) {
        if (e.getResponseCode() != ResponseCode.SYSTEM_ERROR.code()) {
            return false;
        }
        String remark = String.valueOf(e.getErrorMessage());
        return e.getServerAddr() == null || remark.contains("not exist");
    }

    /** The producer groups connected to any master (GET_ALL_PRODUCER_INFO), sorted; a broker that fails is skipped. */
    Set<String> onlineGroups() throws Exception {
        Set<String> out = new TreeSet<>();
        for (BrokerData broker : admin.examineBrokerClusterInfo().getBrokerAddrTable().values()) {
            String master = broker.masterAddr();
            if (master == null) {
                continue;
            }
            try {
                out.addAll(admin.getAllProducerInfo(master).getData().keySet());
            } catch (Exception e) {
                // that broker's producers are missing from the hint list; a lookup by group still asks it
            }
        }
        return out;
    }
}
