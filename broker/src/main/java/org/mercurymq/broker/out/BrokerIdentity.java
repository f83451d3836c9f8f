package org.mercurymq.broker.out;

/** Who this broker is in registrations: cluster, name, id, client and HA addresses. Immutable. */
public final class BrokerIdentity {
    private final String clusterName;
    private final String brokerName;
    private final long brokerId;
    private final String brokerAddr;
    private final String haServerAddr;

    public BrokerIdentity(String clusterName, String brokerName, long brokerId, String brokerAddr, String haServerAddr) {
        this.clusterName = clusterName;
        this.brokerName = brokerName;
        this.brokerId = brokerId;
        this.brokerAddr = brokerAddr;
        this.haServerAddr = haServerAddr;
    }

    public String clusterName() {
        return clusterName;
    }

    public String brokerName() {
        return brokerName;
    }

    public long brokerId() {
        return brokerId;
    }

    public String brokerAddr() {
        return brokerAddr;
    }

    public String haServerAddr() {
        return haServerAddr;
    }

    @Override
    public String toString() {
        return clusterName + "/" + brokerName + "/" + brokerId + "@" + brokerAddr;
    }
}
