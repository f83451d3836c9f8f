package org.mercurymq.remoting.protocol.body;

/** One queue's offsets inside {@link ConsumeStats}. JSON bean; not thread-safe. */
public class OffsetWrapper {
    private long brokerOffset;
    private long consumerOffset;
    private long lastTimestamp;

    public long getBrokerOffset() {
        return brokerOffset;
    }

    public void setBrokerOffset(long brokerOffset) {
        this.brokerOffset = brokerOffset;
    }

    public long getConsumerOffset() {
        return consumerOffset;
    }

    public void setConsumerOffset(long consumerOffset) {
        this.consumerOffset = consumerOffset;
    }

    public long getLastTimestamp() {
        return lastTimestamp;
    }

    public void setLastTimestamp(long lastTimestamp) {
        this.lastTimestamp = lastTimestamp;
    }
}
