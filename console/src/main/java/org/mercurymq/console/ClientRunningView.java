package org.mercurymq.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.protocol.body.ConsumeStatus;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.ProcessQueueInfo;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/**
 * The consume state of one online consumer client, as the client itself reports it (GET_CONSUMER_RUNNING_INFO
 * through a broker): its settings, subscriptions, each queue's process queue and per-topic TPS and RT.
 */
final class ClientRunningView {
    private final DefaultMQAdminExt admin;

    ClientRunningView(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    Map<String, Object> runningInfo(String group, String clientId) throws Exception {
        GroupAdmin.checkGroupName(group);
        ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, clientId, false);
        if (info == null) {
            throw new ApiException(409, "The group " + group + " has no broker to ask its client " + clientId + ".");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", group);
        out.put("clientId", clientId);
        Map<String, String> properties = new TreeMap<>();
        info.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        out.put("properties", properties);
        List<Object> subscriptions = new ArrayList<>();
        for (SubscriptionData s : info.getSubscriptionSet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topic", s.getTopic());
            m.put("expression", s.getSubString());
            m.put("type", s.getExpressionType());
            subscriptions.add(m);
        }
        out.put("subscriptions", subscriptions);
        List<Object> queues = new ArrayList<>();
        for (Map.Entry<MessageQueue, ProcessQueueInfo> e : info.getMqTable().entrySet()) {
            ProcessQueueInfo p = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topic", e.getKey().getTopic());
            m.put("brokerName", e.getKey().getBrokerName());
            m.put("queueId", e.getKey().getQueueId());
            m.put("commitOffset", p.getCommitOffset());
            m.put("cachedMsgCount", p.getCachedMsgCount());
            m.put("cachedMsgSizeInMiB", p.getCachedMsgSizeInMiB());
            m.put("locked", p.isLocked());
            m.put("dropped", p.isDroped());
            m.put("lastPullTimestamp", p.getLastPullTimestamp());
            m.put("lastConsumeTimestamp", p.getLastConsumeTimestamp());
            queues.add(m);
        }
        out.put("queues", queues);
        List<Object> status = new ArrayList<>();
        for (Map.Entry<String, ConsumeStatus> e : info.getStatusTable().entrySet()) {
            ConsumeStatus c = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topic", e.getKey());
            m.put("pullTps", c.getPullTPS());
            m.put("pullRt", c.getPullRT());
            m.put("consumeOkTps", c.getConsumeOKTPS());
            m.put("consumeFailedTps", c.getConsumeFailedTPS());
            m.put("consumeRt", c.getConsumeRT());
            m.put("consumeFailedMsgs", c.getConsumeFailedMsgs());
            status.add(m);
        }
        out.put("status", status);
        return out;
    }
}
