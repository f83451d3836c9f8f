package org.mercurymq.client.impl.consumer;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.consumer.AllocateMessageQueueStrategy;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.client.impl.factory.MQAdminImpl;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebalance for a push consumer: new queues start pulling at the stored offset or, without one, where
 * ConsumeFromWhere says (docs/protocol/behaviour.md §7); removed queues persist their offset first and, when consumed
 * in order, release their broker lock once no batch is running. Thread-safe.
 */
public class RebalancePushImpl extends RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalancePushImpl.class);
    private static final long UNLOCK_WAIT_MILLIS = 1000;

    private final MQAdminImpl admin;
    private final DefaultMQPushConsumerImpl impl;

    public RebalancePushImpl(String consumerGroup, MessageModel messageModel, AllocateMessageQueueStrategy strategy,
                             MQClientInstance mQClientFactory, MQClientAPIImpl api, Clock clock, MQAdminImpl admin,
                             DefaultMQPushConsumerImpl impl) {
        super(consumerGroup, messageModel, strategy, mQClientFactory, api, clock);
        this.admin = admin;
        this.impl = impl;
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_PASSIVELY;
    }

    @Override
    public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
        DefaultMQPushConsumer config = impl.getDefaultMQPushConsumer();
        int queues = Math.max(1, processQueueTable.size());
        if (config.getPullThresholdForTopic() != -1) {
            int perQueue = Math.max(1, config.getPullThresholdForTopic() / queues);
            config.setPullThresholdForQueue(perQueue);
        }
        if (config.getPullThresholdSizeForTopic() != -1) {
            int perQueue = Math.max(1, config.getPullThresholdSizeForTopic() / queues);
            config.setPullThresholdSizeForQueue(perQueue);
        }
        mQClientFactory.sendHeartbeatToAllBrokerWithLock();
    }

    @Override
    public boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        OffsetStore store = impl.getOffsetStore();
        store.persist(mq);
        store.removeOffset(mq);
        if (impl.isConsumeOrderly() && messageModel == MessageModel.CLUSTERING) {
            try {
                if (pq.getConsumeLock().tryLock(UNLOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    try {
                        unlock(mq, true);
                        return true;
                    } finally {
                        pq.getConsumeLock().unlock();
                    }
                }
                LOG.warn("{} is being consumed in order; keeping its lock for now (try {})", mq, pq.getTryUnlockTimes() + 1);
                pq.incTryUnlockTimes();
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void removeDirtyOffset(MessageQueue mq) {
        impl.getOffsetStore().removeOffset(mq);
    }

    @Override
    public long computePullFromWhere(MessageQueue mq) {
        try {
            DefaultMQPushConsumer config = impl.getDefaultMQPushConsumer();
            return StartOffset.resolve(impl.getOffsetStore(), admin, mq, config.getConsumeFromWhere(),
                config.getConsumeTimestamp());
        } catch (MQClientException e) {
            LOG.warn("start offset of {} for group {} unknown: {}", mq, consumerGroup, e.getErrorMessage());
            return -1;
        }
    }

    @Override
    public void dispatchPullRequest(List<PullRequest> pullRequestList) {
        for (PullRequest r : pullRequestList) {
            impl.executePullRequestImmediately(r);
        }
    }
}
