package org.mercurymq.tools.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * Moves a group's offsets on a topic back (or forward) to a point in time. With consumers online the brokers do
 * it (INVOKE_BROKER_TO_RESET_OFFSET, which also tells the clients); with none online the offsets are looked up
 * by time and committed directly, queue by queue. Thread-safe.
 */
final class OffsetReset {
    private final NamesrvAdminApi namesrv;
    private final BrokerAdminApi broker;

    OffsetReset(NamesrvAdminApi namesrv, BrokerAdminApi broker) {
        this.namesrv = namesrv;
        this.broker = broker;
    }

    /** Through the brokers; CONSUMER_NOT_ONLINE when the group has no live consumer. */
    Map<MessageQueue, Long> viaBrokers(String topic, String group, long timestamp, boolean force)
        throws RemotingException, MQAdminException, InterruptedException {
        TopicRouteData route = namesrv.topicRoute(topic);
        Map<MessageQueue, Long> result = new TreeMap<>();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr != null) {
                result.putAll(broker.resetOffset(addr, topic, group, timestamp, force));
            }
        }
        return result;
    }

    /** By committing offsets: for every queue the group has an offset on, the first offset at or after the time. */
    List<RollbackStats> byCommit(ConsumeStats stats, String group, String topic, long timestamp, boolean force)
        throws RemotingException, MQAdminException, InterruptedException {
        TopicRouteData route = namesrv.topicRoute(topic);
        List<RollbackStats> out = new ArrayList<>();
        for (Map.Entry<MessageQueue, OffsetWrapper> e : new TreeMap<>(stats.getOffsetTable()).entrySet()) {
            MessageQueue mq = e.getKey();
            if (!topic.equals(mq.getTopic())) {
                continue;
            }
            String addr = masterOf(route, mq.getBrokerName());
            if (addr == null) {
                continue;
            }
            OffsetWrapper w = e.getValue();
            long byTime = timestamp == -1 ? w.getBrokerOffset() : broker.searchOffset(addr, topic, mq.getQueueId(), timestamp);
            long target = force || byTime < w.getConsumerOffset() ? byTime : w.getConsumerOffset();
            broker.updateConsumerOffset(addr, group, topic, mq.getQueueId(), target);
            out.add(new RollbackStats(mq.getBrokerName(), mq.getQueueId(), w.getBrokerOffset(), w.getConsumerOffset(),
                byTime, target));
        }
        return out;
    }

    private static String masterOf(TopicRouteData route, String brokerName) {
        for (BrokerData bd : route.getBrokerDatas()) {
            if (bd.getBrokerName().equals(brokerName)) {
                return bd.selectBrokerAddr();
            }
        }
        return null;
    }
}
