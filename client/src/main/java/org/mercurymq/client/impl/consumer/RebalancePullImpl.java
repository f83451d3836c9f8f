package org.mercurymq.client.impl.consumer;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.mercurymq.client.consumer.AllocateMessageQueueStrategy;
import org.mercurymq.client.consumer.MessageQueueListener;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebalance for the consumers that pull themselves (the older pull consumer and the lite pull consumer in subscribe
 * mode): a change of the queues held for a topic goes to {@code onChange} (the lite pull consumer turns it into its
 * assignment and then tells the application's listener; the pull consumer only tells the listener). Start offsets
 * are resolved by the puller, so a new queue starts at 0 here. Thread-safe.
 */
public class RebalancePullImpl extends RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalancePullImpl.class);

    private final OffsetStore offsetStore;
    private final MessageQueueListener onChange;

    public RebalancePullImpl(String consumerGroup, MessageModel messageModel, AllocateMessageQueueStrategy strategy,
                             MQClientInstance mQClientFactory, MQClientAPIImpl api, Clock clock, OffsetStore offsetStore,
                             MessageQueueListener onChange) {
        super(consumerGroup, messageModel, strategy, mQClientFactory, api, clock);
        this.offsetStore = offsetStore;
        this.onChange = onChange;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        try {
            onChange.messageQueueChanged(topic, mqAll, mqDivided);
        } catch (Throwable t) {
            LOG.warn("message queue listener of group {} threw {}", consumerGroup, t.toString());
        }
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        offsetStore.persist(mq);
        offsetStore.removeOffset(mq);
        return true;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        offsetStore.removeOffset(mq);
    }

    @Override
    public long computePullFromWhere(MessageQueue mq) {
        return 0;
    }

    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
    }
}
