package org.mercurymq.tools.admin;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.remoting.protocol.route.BrokerData;

/**
 * Tells, for every group that consumes a message's topic, whether it has consumed the message: a push group
 * whose committed offset on the message's queue (on the broker that stored it) is past the message has
 * CONSUMED it (or CONSUMED_BUT_FILTERED when its subscription excludes the tag), a pull group is PULL, an
 * offline group NOT_ONLINE. Thread-safe.
 */
final class MessageTracker {
    private final DefaultMQAdminExt admin;

    MessageTracker(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    List<MessageTrack> track(MessageExt msg) throws RemotingException, MQAdminException, InterruptedException {
        List<MessageTrack> result = new ArrayList<>();
        for (String group : admin.queryTopicConsumeByWho(msg.getTopic()).getGroupList()) {
            MessageTrack mt = new MessageTrack();
            mt.setConsumerGroup(group);
            mt.setTrackType(TrackType.UNKNOWN);
            result.add(mt);
            ConsumerConnection cc;
            try {
                cc = admin.examineConsumerConnectionInfo(group);
            } catch (MQAdminException e) {
                describe(mt, e);
                continue;
            } catch (RemotingException e) {
                mt.setExceptionDesc(e.toString());
                continue;
            }
            if (cc.getConsumeType() == null) {
                continue;
            }
            switch (cc.getConsumeType()) {
                case CONSUME_ACTIVELY:
                    mt.setTrackType(TrackType.PULL);
                    break;
                case CONSUME_PASSIVELY:
                    boolean consumed;
                    try {
                        consumed = consumed(msg, group);
                    } catch (MQAdminException e) {
                        describe(mt, e);
                        continue;
                    } catch (RemotingException e) {
                        mt.setExceptionDesc(e.toString());
                        continue;
                    }
                    mt.setTrackType(consumed ? filteredOrConsumed(cc, msg) : TrackType.NOT_CONSUME_YET);
                    break;
                default:
                    break;
            }
        }
        return result;
    }

    private static void describe(MessageTrack mt, MQAdminException e) {
        if (e.getResponseCode() == ResponseCode.CONSUMER_NOT_ONLINE.code()) {
            mt.setTrackType(TrackType.NOT_ONLINE);
        }
        mt.setExceptionDesc("CODE:" + e.getResponseCode() + " DESC:" + e.getErrorMessage());
    }

    private static TrackType filteredOrConsumed(ConsumerConnection cc, MessageExt msg) {
        TrackType type = TrackType.CONSUMED;
        for (Map.Entry<String, SubscriptionData> e : cc.getSubscriptionTable().entrySet()) {
            if (e.getKey().equals(msg.getTopic())) {
                java.util.Set<String> tags = e.getValue().getTagsSet();
                if (!(tags.contains(msg.getTags()) || tags.contains("*") || tags.isEmpty())) {
                    type = TrackType.CONSUMED_BUT_FILTERED;
                }
            }
        }
        return type;
    }

    private boolean consumed(MessageExt msg, String group) throws RemotingException, MQAdminException, InterruptedException {
        ConsumeStats stats = admin.examineConsumeStats(group);
        ClusterInfo ci = admin.examineBrokerClusterInfo();
        for (Map.Entry<MessageQueue, OffsetWrapper> e : stats.getOffsetTable().entrySet()) {
            MessageQueue mq = e.getKey();
            if (!mq.getTopic().equals(msg.getTopic()) || mq.getQueueId() != msg.getQueueId()) {
                continue;
            }
            BrokerData bd = ci.getBrokerAddrTable().get(mq.getBrokerName());
            if (bd == null) {
                continue;
            }
            String master = bd.getBrokerAddrs().get(BrokerConstants.MASTER_ID);
            if (master != null && master.equals(hostPort(msg)) && e.getValue().getConsumerOffset() > msg.getQueueOffset()) {
                return true;
            }
        }
        return false;
    }

    private static String hostPort(MessageExt msg) {
        if (msg.getStoreHost() instanceof InetSocketAddress) {
            InetSocketAddress a = (InetSocketAddress) msg.getStoreHost();
            return a.getAddress().getHostAddress() + ":" + a.getPort();
        }
        return String.valueOf(msg.getStoreHost());
    }
}
