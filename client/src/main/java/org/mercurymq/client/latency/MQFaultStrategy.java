package org.mercurymq.client.latency;

import org.mercurymq.common.message.MessageQueue;

/**
 * Queue choice for sends. Without {@code sendLatencyFaultEnable} (the default) it is plain round-robin,
 * avoiding the broker of the previous failed attempt. With it, a broker whose last call was slow or
 * failed is skipped for a while: latency ≥ latencyMax[i] ⇒ avoid for notAvailableDuration[i]; a failure
 * counts as 30 s latency. Thread-safe once configured.
 */
public class MQFaultStrategy {
    private final LatencyFaultTolerance<String> latencyFaultTolerance;
    private volatile boolean sendLatencyFaultEnable = false;
    private long[] latencyMax = {50L, 100L, 550L, 1000L, 2000L, 3000L, 15000L};
    private long[] notAvailableDuration = {0L, 0L, 30000L, 60000L, 120000L, 180000L, 600000L};

    public MQFaultStrategy() {
        this(new LatencyFaultToleranceImpl());
    }

    public MQFaultStrategy(LatencyFaultTolerance<String> latencyFaultTolerance) {
        this.latencyFaultTolerance = latencyFaultTolerance;
    }

    public long[] getNotAvailableDuration() {
        return notAvailableDuration;
    }

    public void setNotAvailableDuration(final long[] notAvailableDuration) {
        this.notAvailableDuration = notAvailableDuration;
    }

    public long[] getLatencyMax() {
        return latencyMax;
    }

    public void setLatencyMax(final long[] latencyMax) {
        this.latencyMax = latencyMax;
    }

    public boolean isSendLatencyFaultEnable() {
        return sendLatencyFaultEnable;
    }

    public void setSendLatencyFaultEnable(final boolean sendLatencyFaultEnable) {
        this.sendLatencyFaultEnable = sendLatencyFaultEnable;
    }

    public MessageQueue selectOneMessageQueue(final PublishQueues tpInfo, final String lastBrokerName) {
        if (!sendLatencyFaultEnable) {
            return tpInfo.selectOneMessageQueue(lastBrokerName);
        }
        int size = tpInfo.getMessageQueueList().size();
        for (int i = 0; i < size; i++) {
            MessageQueue mq = tpInfo.getMessageQueueList().get(tpInfo.getSendWhichQueue().incrementAndGet() % size);
            if (latencyFaultTolerance.isAvailable(mq.getBrokerName())) {
                return mq;
            }
        }
        String notBest = latencyFaultTolerance.pickOneAtLeast();
        if (notBest != null) {
            for (int i = 0; i < size; i++) {
                MessageQueue mq = tpInfo.getMessageQueueList().get(tpInfo.getSendWhichQueue().incrementAndGet() % size);
                if (mq.getBrokerName().equals(notBest)) {
                    return mq;
                }
            }
            latencyFaultTolerance.remove(notBest);
        }
        return tpInfo.selectOneMessageQueue();
    }

    /** Records a call to {@code brokerName}; {@code isolation} (a failure) counts as 30 s of latency. */
    public void updateFaultItem(final String brokerName, final long currentLatency, boolean isolation) {
        if (sendLatencyFaultEnable) {
            long duration = computeNotAvailableDuration(isolation ? 30000 : currentLatency);
            latencyFaultTolerance.updateFaultItem(brokerName, currentLatency, duration);
        }
    }

    long computeNotAvailableDuration(final long currentLatency) {
        for (int i = latencyMax.length - 1; i >= 0; i--) {
            if (currentLatency >= latencyMax[i]) {
                return notAvailableDuration[i];
            }
        }
        return 0;
    }
}
