package org.mercurymq.client;

import java.util.Set;
import java.util.TreeSet;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a consumer group's offsets of a topic to the first message stored at or after a time, through a short-lived
 * pull consumer of that group: every queue whose broker finds an offset for the time gets it, and the offsets are
 * stored (on the broker when CLUSTERING, in the local offset file when BROADCASTING) before the consumer shuts down.
 * Consumers of the group that are running keep their in-memory offsets and may write them back; stop them first.
 */
public class MQHelper {
    private static final Logger LOG = LoggerFactory.getLogger(MQHelper.class);

    /** As {@link #resetOffsetByTimestamp(MessageModel, String, String, String, long)} with instance name "DEFAULT". */
    public static void resetOffsetByTimestamp(final MessageModel messageModel, final String consumerGroup,
                                              final String topic, final long timestamp) throws Exception {
        resetOffsetByTimestamp(messageModel, "DEFAULT", consumerGroup, topic, timestamp);
    }

    /**
     * Resets the group's offsets of {@code topic} to {@code timestamp} (ms since the epoch). The name server comes
     * from the usual client setting (system property {@code rocketmq.namesrv.addr} or env {@code NAMESRV_ADDR}).
     *
     * @throws Exception what the pull consumer threw (start-up, route or broker errors), after logging it
     */
    public static void resetOffsetByTimestamp(final MessageModel messageModel, final String instanceName,
                                              final String consumerGroup, final String topic, final long timestamp)
        throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(consumerGroup);
        consumer.setInstanceName(instanceName);
        consumer.setMessageModel(messageModel);
        Set<MessageQueue> mqs = null;
        try {
            consumer.start();
            mqs = consumer.fetchSubscribeMessageQueues(topic);
            if (mqs != null) {
                for (MessageQueue mq : new TreeSet<MessageQueue>(mqs)) {
                    long offset = consumer.searchOffset(mq, timestamp);
                    if (offset >= 0) {
                        consumer.updateConsumeOffset(mq, offset);
                        LOG.info("group {}: offset of {} reset to {} (time {})", consumerGroup, mq, offset, timestamp);
                    }
                }
            }
        } catch (Exception e) {
            LOG.warn("group {}: resetting the offsets of topic {} to time {} failed: {}", consumerGroup, topic,
                timestamp, e.toString());
            throw e;
        } finally {
            // shutdown() stores every offset set above (synchronously on the broker when CLUSTERING)
            consumer.shutdown();
        }
    }
}
