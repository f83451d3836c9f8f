package org.mercurymq.client.impl.consumer;

/**
 * Whether a push consumer may pull a queue again now: not while the queue caches more than
 * {@code pullThresholdForQueue} messages or {@code pullThresholdSizeForQueue} MiB, and (concurrent
 * mode) not while the cached offsets span more than {@code consumeConcurrentlyMaxSpan}. A refused pull
 * is retried after {@link #FLOW_CONTROL_DELAY_MILLIS}. Stateless.
 */
public final class PullFlowControl {
    public static final long FLOW_CONTROL_DELAY_MILLIS = 50;

    private PullFlowControl() {
    }

    /** Null when the pull may go ahead, else why it must wait. */
    public static String check(ProcessQueue pq, int thresholdCount, int thresholdSizeMiB, boolean orderly, int maxSpan) {
        long count = pq.getMsgCount().get();
        if (count > thresholdCount) {
            return "cached message count " + count + " exceeds pullThresholdForQueue " + thresholdCount;
        }
        long sizeMiB = pq.getMsgSize().get() / (1024 * 1024);
        if (sizeMiB > thresholdSizeMiB) {
            return "cached message size " + sizeMiB + " MiB exceeds pullThresholdSizeForQueue " + thresholdSizeMiB + " MiB";
        }
        if (!orderly) {
            long span = pq.getMaxSpan();
            if (span > maxSpan) {
                return "cached offset span " + span + " exceeds consumeConcurrentlyMaxSpan " + maxSpan;
            }
        }
        return null;
    }
}
