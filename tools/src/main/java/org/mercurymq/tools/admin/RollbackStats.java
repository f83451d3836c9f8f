package org.mercurymq.tools.admin;

/** One queue of an offset reset made by committing offsets directly (consumer offline). Immutable. */
public final class RollbackStats {
    private final String brokerName;
    private final long queueId;
    private final long brokerOffset;
    private final long consumerOffset;
    private final long timestampOffset;
    private final long rollbackOffset;

    public RollbackStats(String brokerName, long queueId, long brokerOffset, long consumerOffset, long timestampOffset,
                         long rollbackOffset) {
        this.brokerName = brokerName;
        this.queueId = queueId;
        this.brokerOffset = brokerOffset;
        this.consumerOffset = consumerOffset;
        this.timestampOffset = timestampOffset;
        this.rollbackOffset = rollbackOffset;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public long getQueueId() {
        return queueId;
    }

    public long getBrokerOffset() {
        return brokerOffset;
    }

    public long getConsumerOffset() {
        return consumerOffset;
    }

    public long getTimestampOffset() {
        return timestampOffset;
    }

    public long getRollbackOffset() {
        return rollbackOffset;
    }
}
