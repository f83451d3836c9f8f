package org.mercurymq.broker.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.RemotingChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Producer group → its live client connections, from heartbeats (docs/protocol/behaviour.md §5). Used for producer
 * connection lists, transaction checks and reply pushes. Thread-safe.
 */
public final class ProducerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerManager.class);

    private final ConcurrentMap<String, ConcurrentMap<RemotingChannel, ClientChannelInfo>> groups = new ConcurrentHashMap<>();

    public void registerProducer(String group, ClientChannelInfo info) {
        ConcurrentMap<RemotingChannel, ClientChannelInfo> channels = groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        ClientChannelInfo old = channels.put(info.channel(), info);
        if (!info.channel().isActive()) {
            // a heartbeat handled after its connection closed (and perhaps after the close event): not a member
            channels.remove(info.channel(), info);
            groups.computeIfPresent(group, (g, m) -> m.isEmpty() ? null : m);
            return;
        }
        if (old == null) {
            LOG.info("new producer connected, group {}: {}", LogEscape.of(group), LogEscape.of(info));
        }
    }

    public void unregisterProducer(String group, RemotingChannel channel) {
        ConcurrentMap<RemotingChannel, ClientChannelInfo> channels = groups.get(group);
        if (channels != null && channels.remove(channel) != null) {
            LOG.info("producer unregistered, group {}: {}", LogEscape.of(group), channel.remoteAddress());
            groups.computeIfPresent(group, (g, m) -> m.isEmpty() ? null : m);
        }
    }

    /** Drops a closed connection from every group. */
    public void doChannelCloseEvent(RemotingChannel channel) {
        for (Map.Entry<String, ConcurrentMap<RemotingChannel, ClientChannelInfo>> e : groups.entrySet()) {
            if (e.getValue().remove(channel) != null) {
                LOG.info("producer connection {} of group {} closed", channel.remoteAddress(),
                    LogEscape.of(e.getKey()));
                groups.computeIfPresent(e.getKey(), (g, m) -> m.isEmpty() ? null : m);
            }
        }
    }

    /** Drops connections that are closed or whose last heartbeat is older than {@code expiryMillis}; returns how many. */
    public int scanNotActiveChannel(long now, long expiryMillis) {
        int removed = 0;
        for (Map.Entry<String, ConcurrentMap<RemotingChannel, ClientChannelInfo>> e : groups.entrySet()) {
            for (ClientChannelInfo info : e.getValue().values()) {
                String why = info.dropReason(now, expiryMillis);
                if (why != null) {
                    e.getValue().remove(info.channel(), info);
                    LOG.warn("producer {} of group {} {}, dropped", LogEscape.of(info), LogEscape.of(e.getKey()), why);
                    info.channel().close();
                    removed++;
                }
            }
            groups.computeIfPresent(e.getKey(), (g, m) -> m.isEmpty() ? null : m);
        }
        return removed;
    }

    public List<ClientChannelInfo> channels(String group) {
        ConcurrentMap<RemotingChannel, ClientChannelInfo> channels = groups.get(group);
        return channels == null ? Collections.emptyList() : new ArrayList<>(channels.values());
    }

    /** One active channel of the group, or null (transaction checks). */
    public ClientChannelInfo anyActiveChannel(String group) {
        for (ClientChannelInfo info : channels(group)) {
            if (info.channel().isActive() && info.channel().isWritable()) {
                return info;
            }
        }
        return null;
    }

    /** The active connection of the client with this id in any producer group, or null (reply push). */
    public ClientChannelInfo findChannel(String clientId) {
        for (ConcurrentMap<RemotingChannel, ClientChannelInfo> channels : groups.values()) {
            for (ClientChannelInfo info : channels.values()) {
                if (info.clientId().equals(clientId) && info.channel().isActive()) {
                    return info;
                }
            }
        }
        return null;
    }

    public Map<String, List<ClientChannelInfo>> snapshot() {
        Map<String, List<ClientChannelInfo>> out = new TreeMap<>();
        for (Map.Entry<String, ConcurrentMap<RemotingChannel, ClientChannelInfo>> e : groups.entrySet()) {
            out.put(e.getKey(), new ArrayList<>(e.getValue().values()));
        }
        return out;
    }
}
