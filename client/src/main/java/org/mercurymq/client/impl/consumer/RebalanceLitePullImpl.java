package org.mercurymq.client.impl.consumer;

import java.util.List;
import java.util.Set;
import org.mercurymq.client.consumer.AllocateMessageQueueStrategy;
import org.mercurymq.client.consumer.MessageQueueListener;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebalance for a lite pull consumer in subscribe mode: a change of the queues held for a topic becomes
 * the consumer's assignment (pull chains start or stop) and is passed to the user's listener. Start
 * offsets are resolved lazily by the pull chain. Thread-safe.
 */
public class RebalanceLitePullImpl extends RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceLitePullImpl.class);

    private final DefaultLitePullConsumerImpl impl;

    public RebalanceLitePullImpl(String consumerGroup, MessageModel messageModel, AllocateMessageQueueStrategy strategy,
                                 MQClientInstance mQClientFactory, DefaultLitePullConsumerImpl impl) {
        super(consumerGroup, messageModel, strategy, mQClientFactory);
        this.impl = impl;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        impl.updateAssignedQueues(topic, mqDivided);
        MessageQueueListener listener = impl.getDefaultLitePullConsumer().getMessageQueueListener();
        if (listener != null) {
            try {
                listener.messageQueueChanged(topic, mqAll, mqDivided);
            } catch (Throwable t) {
                LOG.warn("message queue listener of group {} threw {}", consumerGroup, t.toString());
            }
        }
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        impl.getOffsetStore().persist(mq);
        impl.getOffsetStore().removeOffset(mq);
        return true;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        impl.getOffsetStore().removeOffset(mq);
    }

    @Override
    public long computePullFromWhere(MessageQueue mq) {
        return 0;
    }

    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }
}
