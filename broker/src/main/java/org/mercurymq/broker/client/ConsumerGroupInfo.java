package org.mercurymq.broker.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.RemotingChannel;

/**
 * One consumer group as its clients described it in heartbeats: connections, subscriptions per topic and
 * the consume settings of the latest heartbeat. Thread-safe (concurrent maps; updates of one group are
 * serialized by {@link ConsumerManager}).
 */
public final class ConsumerGroupInfo {
    private final String groupName;
    private final ConcurrentMap<RemotingChannel, ClientChannelInfo> channels = new ConcurrentHashMap<>(16);
    private final ConcurrentMap<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;

    public ConsumerGroupInfo(String groupName) {
        this.groupName = groupName;
    }

    public String groupName() {
        return groupName;
    }

    /** Records a heartbeat; true when the channel is new to the group (or now belongs to another client id). */
    boolean updateChannel(ClientChannelInfo info, ConsumeType consumeType, MessageModel messageModel,
                          ConsumeFromWhere consumeFromWhere) {
        this.consumeType = consumeType;
        this.messageModel = messageModel;
        this.consumeFromWhere = consumeFromWhere;
        ClientChannelInfo old = channels.put(info.channel(), info);
        return old == null || !old.clientId().equals(info.clientId());
    }

    /** Replaces the subscriptions; true when a topic was added or removed or an expression changed. */
    boolean updateSubscription(Set<SubscriptionData> subList) {
        boolean changed = false;
        Set<String> topics = new HashSet<>();
        for (SubscriptionData sub : subList) {
            topics.add(sub.getTopic());
            SubscriptionData old = subscriptions.get(sub.getTopic());
            if (old == null) {
                subscriptions.put(sub.getTopic(), sub);
                changed = true;
            } else if (sub.getSubVersion() > old.getSubVersion()) {
                if (!sub.equals(old)) {
                    changed = true;
                }
                subscriptions.put(sub.getTopic(), sub);
            }
        }
        if (subscriptions.keySet().retainAll(topics)) {
            changed = true;
        }
        return changed;
    }

    boolean removeChannel(RemotingChannel channel) {
        return channels.remove(channel) != null;
    }

    boolean removeChannel(ClientChannelInfo info) {
        return channels.remove(info.channel(), info);
    }

    public boolean isEmpty() {
        return channels.isEmpty();
    }

    public List<ClientChannelInfo> channelInfos() {
        return new ArrayList<>(channels.values());
    }

    public List<RemotingChannel> allChannels() {
        return new ArrayList<>(channels.keySet());
    }

    /**
     * The members' client ids, each once: a client with two registered connections (an old one not yet known to be
     * closed) would otherwise count twice, and clients that allocate queues by their index in this list would
     * leave a share of the queues to a member that does not exist.
     */
    public List<String> allClientIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (ClientChannelInfo info : channels.values()) {
            ids.add(info.clientId());
        }
        return new ArrayList<>(ids);
    }

    public ClientChannelInfo findChannel(String clientId) {
        for (ClientChannelInfo info : channels.values()) {
            if (info.clientId().equals(clientId)) {
                return info;
            }
        }
        return null;
    }

    public SubscriptionData findSubscriptionData(String topic) {
        return subscriptions.get(topic);
    }

    public Map<String, SubscriptionData> subscriptions() {
        return subscriptions;
    }

    public ConsumeType consumeType() {
        return consumeType;
    }

    public MessageModel messageModel() {
        return messageModel;
    }

    public ConsumeFromWhere consumeFromWhere() {
        return consumeFromWhere;
    }
}
