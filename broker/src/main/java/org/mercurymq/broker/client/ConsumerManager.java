package org.mercurymq.broker.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.RemotingChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer group → {@link ConsumerGroupInfo}, from heartbeats (docs/protocol/behaviour.md §5). Membership or subscription
 * changes are reported to the {@link ConsumerIdsChangeListener} (which sends NOTIFY_CONSUMER_IDS_CHANGED);
 * closed or silent connections are dropped. Changes to one group are serialized on its info. Thread-safe.
 */
public final class ConsumerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerManager.class);

    private final ConcurrentMap<String, ConsumerGroupInfo> groups = new ConcurrentHashMap<>(1024);
    private final ConsumerIdsChangeListener listener;
    private final Consumer<String> groupRemoved;

    public ConsumerManager(ConsumerIdsChangeListener listener) {
        this(listener, group -> { });
    }

    /** @param groupRemoved told the name of a group whose last member left (its SQL92 filters die) */
    public ConsumerManager(ConsumerIdsChangeListener listener, Consumer<String> groupRemoved) {
        this.listener = listener;
        this.groupRemoved = groupRemoved;
    }

    private void removeGroup(ConsumerGroupInfo groupInfo) {
        if (groups.remove(groupInfo.groupName(), groupInfo)) {
            groupRemoved.accept(groupInfo.groupName());
        }
    }

    /** Records a heartbeat of one group; returns true when the group changed (and listeners were told if asked). */
    public boolean registerConsumer(String group, ClientChannelInfo info, ConsumeType consumeType,
                                    MessageModel messageModel, ConsumeFromWhere consumeFromWhere,
                                    Set<SubscriptionData> subList, boolean notify) {
        ConsumerGroupInfo groupInfo = groups.computeIfAbsent(group, ConsumerGroupInfo::new);
        boolean changed;
        List<RemotingChannel> channels;
        synchronized (groupInfo) {
            if (groups.get(group) != groupInfo) {
                // the group was removed concurrently: start over with the new instance
                return registerConsumer(group, info, consumeType, messageModel, consumeFromWhere, subList, notify);
            }
            boolean newChannel = groupInfo.updateChannel(info, consumeType, messageModel, consumeFromWhere);
            if (!info.channel().isActive()) {
                // a heartbeat read from a connection that closed before it was handled (a broker resumed after a
                // freeze reads the requests of connections its clients gave up on): its close event may have run
                // already, so registering it would leave a member that never consumes until it expires, 120 s
                // later, and clients would leave its share of the queues unread
                groupInfo.removeChannel(info.channel());
                if (groupInfo.isEmpty()) {
                    removeGroup(groupInfo);
                }
                LOG.info("heartbeat of group {} from closed connection {} ignored", LogEscape.of(group),
                    info.channel().remoteAddress());
                return false;
            }
            boolean newSubscription = groupInfo.updateSubscription(subList);
            changed = newChannel || newSubscription;
            if (newChannel) {
                LOG.info("new consumer connected, group {} {} {}: {}", LogEscape.of(group), consumeType, messageModel,
                    LogEscape.of(info));
            }
            channels = groupInfo.allChannels();
        }
        if (changed && notify) {
            listener.consumerIdsChanged(group, channels);
        }
        return changed;
    }

    public void unregisterConsumer(String group, RemotingChannel channel, boolean notify) {
        ConsumerGroupInfo groupInfo = groups.get(group);
        if (groupInfo == null) {
            return;
        }
        List<RemotingChannel> remaining;
        synchronized (groupInfo) {
            if (!groupInfo.removeChannel(channel)) {
                return;
            }
            LOG.info("consumer unregistered, group {}: {}", LogEscape.of(group), channel.remoteAddress());
            if (groupInfo.isEmpty()) {
                removeGroup(groupInfo);
                LOG.info("consumer group {} has no member any more, removed", LogEscape.of(group));
            }
            remaining = groupInfo.allChannels();
        }
        if (notify && !remaining.isEmpty()) {
            listener.consumerIdsChanged(group, remaining);
        }
    }

    /** Drops a closed connection from every group and tells the groups' other members. */
    public void doChannelCloseEvent(RemotingChannel channel) {
        for (ConsumerGroupInfo groupInfo : groups.values()) {
            List<RemotingChannel> remaining;
            synchronized (groupInfo) {
                if (!groupInfo.removeChannel(channel)) {
                    continue;
                }
                LOG.info("consumer connection {} of group {} closed", channel.remoteAddress(),
                    LogEscape.of(groupInfo.groupName()));
                if (groupInfo.isEmpty()) {
                    removeGroup(groupInfo);
                    LOG.info("consumer group {} has no member any more, removed", LogEscape.of(groupInfo.groupName()));
                }
                remaining = groupInfo.allChannels();
            }
            if (!remaining.isEmpty()) {
                listener.consumerIdsChanged(groupInfo.groupName(), remaining);
            }
        }
    }

    /** Drops members whose connection is closed or whose last heartbeat is older than {@code expiryMillis}; returns how many. */
    public int scanNotActiveChannel(long now, long expiryMillis) {
        int removed = 0;
        for (ConsumerGroupInfo groupInfo : groups.values()) {
            List<RemotingChannel> remaining = null;
            synchronized (groupInfo) {
                for (ClientChannelInfo info : groupInfo.channelInfos()) {
                    String why = info.dropReason(now, expiryMillis);
                    if (why != null && groupInfo.removeChannel(info)) {
                        LOG.warn("consumer {} of group {} {}, dropped", LogEscape.of(info),
                            LogEscape.of(groupInfo.groupName()), why);
                        info.channel().close();
                        removed++;
                        remaining = groupInfo.allChannels();
                    }
                }
                if (groupInfo.isEmpty()) {
                    removeGroup(groupInfo);
                }
            }
            if (remaining != null && !remaining.isEmpty()) {
                listener.consumerIdsChanged(groupInfo.groupName(), remaining);
            }
        }
        return removed;
    }

    public ConsumerGroupInfo getConsumerGroupInfo(String group) {
        return groups.get(group);
    }

    public SubscriptionData findSubscriptionData(String group, String topic) {
        ConsumerGroupInfo info = groups.get(group);
        return info == null ? null : info.findSubscriptionData(topic);
    }

    public ClientChannelInfo findChannel(String group, String clientId) {
        ConsumerGroupInfo info = groups.get(group);
        return info == null ? null : info.findChannel(clientId);
    }

    /** The active connection of the client with this id in any consumer group, or null (reply push). */
    public ClientChannelInfo findChannel(String clientId) {
        for (ConsumerGroupInfo info : groups.values()) {
            ClientChannelInfo found = info.findChannel(clientId);
            if (found != null && found.channel().isActive()) {
                return found;
            }
        }
        return null;
    }

    /** Online groups subscribed to {@code topic}. */
    public Set<String> queryTopicConsumeByWho(String topic) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, ConsumerGroupInfo> e : groups.entrySet()) {
            if (e.getValue().subscriptions().containsKey(topic)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    public List<ConsumerGroupInfo> allGroups() {
        return new ArrayList<>(groups.values());
    }
}
