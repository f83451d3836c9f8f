package org.mercurymq.client.impl.consumer;

import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.PullCallback;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.store.ReadOffsetType;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.impl.CommunicationMode;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.common.sysflag.PullSysFlag;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull loop of a push consumer, one {@link PullRequest} per queue: flow control, a long-polling
 * pull (broker holds it up to 15 s, client waits 30 s) that carries the current offset for the broker
 * to commit (clustering), then hands found messages to the consume service and queues the next pull.
 * Offsets the broker calls illegal reset the queue (docs/protocol/behaviour.md §6). Thread-safe.
 */
final class PushConsumerPuller {
    private static final Logger LOG = LoggerFactory.getLogger(PushConsumerPuller.class);
    static final long PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION = 3000;
    static final long PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL_CODE = 20;
    static final long PULL_TIME_DELAY_MILLS_WHEN_SUSPEND = 1000;
    static final long OFFSET_MOVED_DELAY_MILLIS = 10000;
    private static final long BROKER_SUSPEND_MAX_TIME_MILLIS = 1000 * 15;
    private static final long CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND = 1000 * 30;

    private final DefaultMQPushConsumerImpl impl;
    private final DefaultMQPushConsumer config;
    private final AtomicLong flowControlTimes = new AtomicLong();

    PushConsumerPuller(DefaultMQPushConsumerImpl impl) {
        this.impl = impl;
        this.config = impl.getDefaultMQPushConsumer();
    }

    private void later(PullRequest request, long delay) {
        impl.executePullRequestLater(request, delay);
    }

    private void now(PullRequest request) {
        impl.executePullRequestImmediately(request);
    }

    void pullMessage(final PullRequest request) {
        final ProcessQueue pq = request.getProcessQueue();
        if (pq.isDropped()) {
            return;
        }
        pq.setLastPullTimestamp(pq.now());
        if (!impl.isRunning()) {
            later(request, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return;
        }
        if (impl.isPause()) {
            later(request, PULL_TIME_DELAY_MILLS_WHEN_SUSPEND);
            return;
        }
        String blocked = PullFlowControl.check(pq, config.getPullThresholdForQueue(), config.getPullThresholdSizeForQueue(),
            impl.isConsumeOrderly(), config.getConsumeConcurrentlyMaxSpan());
        if (blocked != null) {
            if (flowControlTimes.incrementAndGet() % 1000 == 1) {
                LOG.warn("flow control on {}: {} (logged once per 1000 times)", request.getMessageQueue(), blocked);
            }
            later(request, PullFlowControl.FLOW_CONTROL_DELAY_MILLIS);
            return;
        }
        if (impl.isConsumeOrderly() && config.getMessageModel() == MessageModel.CLUSTERING) {
            if (!pq.isLocked()) {
                later(request, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
                return;
            }
            if (!request.isPreviouslyLocked()) {
                long offset = impl.getRebalanceImpl().computePullFromWhere(request.getMessageQueue());
                if (offset < 0) {
                    later(request, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
                    return;
                }
                request.setPreviouslyLocked(true);
                request.setNextOffset(offset);
            }
        }
        final SubscriptionData sd = impl.getRebalanceImpl().getSubscriptionInner().get(request.getMessageQueue().getTopic());
        if (sd == null) {
            later(request, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            LOG.warn("no subscription for {}", request.getMessageQueue().getTopic());
            return;
        }
        final long beginTimestamp = System.currentTimeMillis();
        long commitOffsetValue = 0L;
        boolean commitOffsetEnable = false;
        if (config.getMessageModel() == MessageModel.CLUSTERING) {
            commitOffsetValue = impl.getOffsetStore().readOffset(request.getMessageQueue(), ReadOffsetType.READ_FROM_MEMORY);
            commitOffsetEnable = commitOffsetValue > 0;
        }
        String subExpression = config.isPostSubscriptionWhenPull() && !sd.isClassFilterMode() ? sd.getSubString() : null;
        int sysFlag = PullSysFlag.buildSysFlag(commitOffsetEnable, true, subExpression != null, false);
        try {
            impl.getPullAPIWrapper().pullKernelImpl(request.getMessageQueue(), subExpression, sd.getExpressionType(),
                sd.getSubVersion(), request.getNextOffset(), config.getPullBatchSize(), sysFlag, commitOffsetValue,
                BROKER_SUSPEND_MAX_TIME_MILLIS, CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND, CommunicationMode.ASYNC,
                new PullCallback() {
                    @Override
                    public void onSuccess(PullResult pullResult) {
                        onPullResult(request, sd, pullResult, beginTimestamp);
                    }

                    @Override
                    public void onException(Throwable e) {
                        if (!impl.isRunning()) {
                            return;
                        }
                        if (!request.getMessageQueue().getTopic().startsWith("%RETRY%")) {
                            LOG.warn("pull of {} at offset {} failed: {}", request.getMessageQueue(), request.getNextOffset(),
                                e.toString());
                        }
                        boolean flowControl = e instanceof MQBrokerException
                            && ((MQBrokerException) e).getResponseCode() == ResponseCode.FLOW_CONTROL.code();
                        later(request, flowControl ? PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL_CODE : PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
                    }
                });
        } catch (Exception e) {
            LOG.warn("pull of {} could not be sent: {}", request.getMessageQueue(), e.toString());
            later(request, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
        }
    }

    private void onPullResult(PullRequest request, SubscriptionData sd, PullResult raw, long beginTimestamp) {
        final MessageQueue mq = request.getMessageQueue();
        final ProcessQueue pq = request.getProcessQueue();
        PullResult result = impl.getPullAPIWrapper().processPullResult(mq, raw, sd);
        switch (result.getPullStatus()) {
            case FOUND: {
                long prevOffset = request.getNextOffset();
                request.setNextOffset(result.getNextBeginOffset());
                if (result.getMsgFoundList() == null || result.getMsgFoundList().isEmpty()) {
                    now(request);
                    break;
                }
                boolean dispatch = pq.putMessage(result.getMsgFoundList());
                impl.getConsumeMessageService().submitConsumeRequest(result.getMsgFoundList(), pq, mq, dispatch);
                if (config.getPullInterval() > 0) {
                    later(request, config.getPullInterval());
                } else {
                    now(request);
                }
                if (result.getNextBeginOffset() < prevOffset) {
                    LOG.warn("pull of {} returned next offset {} below the requested {}", mq, result.getNextBeginOffset(), prevOffset);
                }
                break;
            }
            case NO_NEW_MSG:
            case NO_MATCHED_MSG:
                request.setNextOffset(result.getNextBeginOffset());
                correctTagsOffset(request);
                now(request);
                break;
            case OFFSET_ILLEGAL:
            default:
                LOG.warn("pull of {} at offset {} is illegal (queue min {} max {}); continuing at {} in {} ms", mq,
                    request.getNextOffset(), result.getMinOffset(), result.getMaxOffset(), result.getNextBeginOffset(),
                    OFFSET_MOVED_DELAY_MILLIS);
                request.setNextOffset(result.getNextBeginOffset());
                pq.setDropped(true);
                final long next = result.getNextBeginOffset();
                impl.executeTaskLater(new Runnable() {
                    @Override
                    public void run() {
                        impl.getOffsetStore().updateOffset(mq, next, false);
                        impl.getOffsetStore().persist(mq);
                        impl.getRebalanceImpl().removeProcessQueue(mq);
                        LOG.warn("offset of {} reset to {} after an illegal offset", mq, next);
                        // re-create the queue now rather than at the next periodic rebalance
                        impl.rebalanceImmediately();
                    }
                }, OFFSET_MOVED_DELAY_MILLIS);
                break;
        }
    }

    /** With nothing cached, the next offset is also the consumed offset (e.g. after filtered-out messages). */
    private void correctTagsOffset(PullRequest request) {
        if (request.getProcessQueue().getMsgCount().get() == 0L) {
            impl.getOffsetStore().updateOffset(request.getMessageQueue(), request.getNextOffset(), true);
        }
    }
}
