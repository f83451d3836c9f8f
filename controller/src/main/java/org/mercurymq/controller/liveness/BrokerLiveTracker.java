package org.mercurymq.controller.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats by (brokerName, brokerId), judged with an injected clock; a broker whose heartbeat connection closes
 * counts as dead at once (a killed process closes its connections: the next scan elects without waiting for the
 * heartbeat timeout, as RocketMQ 5's controller does). Thread-safe.
 */
public final class BrokerLiveTracker {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLiveTracker.class);
    private final Map<String, BrokerLiveInfo> live = new ConcurrentHashMap<>();
    /** (brokerName#id) → remote address of the connection its last heartbeat came on. */
    private final Map<String, String> channels = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public BrokerLiveTracker(LongSupplier clock) {
        this.clock = clock;
    }

    private static String key(String brokerName, long brokerId) {
        return brokerName + "#" + brokerId;
    }

    /** Records a heartbeat that came on the connection from {@code channelAddr} (null: unknown). */
    public void onHeartbeat(String clusterName, String brokerName, long brokerId, String brokerAddr, long timeoutMillis,
                            int epoch, long maxOffset, long confirmOffset, int electionPriority, String channelAddr) {
        onHeartbeat(clusterName, brokerName, brokerId, brokerAddr, timeoutMillis, epoch, maxOffset, confirmOffset,
            electionPriority);
        if (channelAddr != null) {
            channels.put(key(brokerName, brokerId), channelAddr);
        }
    }

    /**
     * The connection from {@code channelAddr} closed: every broker whose heartbeats came on it is dead from now on
     * (until it heartbeats again).
     */
    public void onChannelClosed(String channelAddr) {
        long now = clock.getAsLong();
        channels.forEach((k, addr) -> {
            if (addr.equals(channelAddr)) {
                channels.remove(k, addr);
                live.computeIfPresent(k, (key, info) -> {
                    LOG.warn("broker {} id={} at {}: heartbeat connection {} closed, it counts as dead now",
                        info.brokerName(), info.brokerId(), info.brokerAddr(), channelAddr);
                    return new BrokerLiveInfo(info.clusterName(), info.brokerName(), info.brokerId(), info.brokerAddr(),
                        now - info.timeoutMillis() - 1, info.timeoutMillis(), info.epoch(), info.maxOffset(),
                        info.confirmOffset(), info.electionPriority());
                });
            }
        });
    }

    /** Records a heartbeat stamped with the controller's clock. */
    public void onHeartbeat(String clusterName, String brokerName, long brokerId, String brokerAddr, long timeoutMillis,
                            int epoch, long maxOffset, long confirmOffset, int electionPriority) {
        live.put(key(brokerName, brokerId), new BrokerLiveInfo(clusterName, brokerName, brokerId, brokerAddr,
            clock.getAsLong(), timeoutMillis, epoch, maxOffset, confirmOffset, electionPriority));
    }

    public boolean isAlive(String brokerName, long brokerId) {
        BrokerLiveInfo info = live.get(key(brokerName, brokerId));
        return info != null && info.aliveAt(clock.getAsLong());
    }

    /** The last heartbeat, or null. */
    public BrokerLiveInfo info(String brokerName, long brokerId) {
        return live.get(key(brokerName, brokerId));
    }

    /** Removes and returns every replica whose heartbeat has expired. */
    public List<BrokerLiveInfo> removeExpired() {
        long now = clock.getAsLong();
        List<BrokerLiveInfo> expired = new ArrayList<>();
        live.values().removeIf(info -> {
            if (!info.aliveAt(now)) {
                expired.add(info);
                return true;
            }
            return false;
        });
        return expired;
    }

    public long now() {
        return clock.getAsLong();
    }
}
