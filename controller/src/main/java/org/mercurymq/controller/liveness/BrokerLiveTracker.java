package org.mercurymq.controller.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Heartbeats by (brokerName, brokerId), judged with an injected clock. Thread-safe.
 */
public final class BrokerLiveTracker {
    private final Map<String, BrokerLiveInfo> live = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public BrokerLiveTracker(LongSupplier clock) {
        this.clock = clock;
    }

    private static String key(String brokerName, long brokerId) {
        return brokerName + "#" + brokerId;
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
