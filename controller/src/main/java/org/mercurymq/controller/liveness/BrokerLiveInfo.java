package org.mercurymq.controller.liveness;

/**
 * The last heartbeat of one replica: when it came (controller clock), how long it counts, and what the broker
 * reported (epoch, offsets, election priority; lower priority wins). Immutable.
 */
public record BrokerLiveInfo(String clusterName, String brokerName, long brokerId, String brokerAddr, long lastUpdate,
                             long timeoutMillis, int epoch, long maxOffset, long confirmOffset, int electionPriority) {

    public boolean aliveAt(long now) {
        return now - lastUpdate <= timeoutMillis;
    }
}
