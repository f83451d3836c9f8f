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

/** Rebalance for the older pull consumer: only tells the application's listener which queues it holds. Thread-safe. */
public class RebalancePullImpl extends RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalancePullImpl.class);

    private final DefaultMQPullConsumerImpl impl;

    public RebalancePullImpl(String consumerGroup, MessageModel messageModel, AllocateMessageQueueStrategy strategy,
                             MQClientInstance mQClientFactory, DefaultMQPullConsumerImpl impl) {
        super(consumerGroup, messageModel, strategy, mQClientFactory);
        this.impl = impl;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        MessageQueueListener listener = impl.getDefaultMQPullConsumer().getMessageQueueListener();
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
