package org.mercurymq.broker.metrics;

/**
 * The broker's identity as metric label values: cluster and broker name (rocketmq-exporter's {@code cluster},
 * {@code broker}), the client address ({@code brokerIP}) and RocketMQ 5's {@code node_type}/{@code node_id}.
 * Immutable.
 */
public record BrokerLabels(String cluster, String brokerName, String brokerAddr) {
    public static final String NODE_TYPE = "broker";

    /** RocketMQ 5's node_id: the broker name. */
    public String nodeId() {
        return brokerName;
    }
}
