package org.mercurymq.client.impl.consumer;

import org.mercurymq.client.impl.factory.MQAdminImpl;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.consumer.DefaultLitePullConsumer;
import org.mercurymq.client.consumer.PullCallback;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.CommunicationMode;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.common.sysflag.PullSysFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull chains of a lite pull consumer: per assigned queue, one async long-polling pull at a time
 * (broker holds it up to brokerSuspendMaxTimeMillis), its batch put into the poll cache, then the next
 * pull; with flow control (cache size, per-queue count/size/span), pause, and start offsets resolved
 * on the first pull. A chain belongs to one generation of its queue; a seek starts a new generation
 * and the old chain stops at its next step, its late results discarded. Thread-safe.
 */
final class LitePullChains {
    private static final Logger LOG = LoggerFactory.getLogger(LitePullChains.class);
    private static final long PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION = 1000;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_PAUSE = 1000;
    private static final long PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL = 50;

    private final DefaultLitePullConsumerImpl impl;
    private final DefaultLitePullConsumer config;
    private final AssignedMessageQueue assigned;
    private final LinkedBlockingQueue<LitePullBatch> consumeRequestCache;
    private final ScheduledThreadPoolExecutor pullExecutor;
    private final PullAPIWrapper pullAPIWrapper;
    private final MQAdminImpl admin;

    LitePullChains(DefaultLitePullConsumerImpl impl, DefaultLitePullConsumer config, AssignedMessageQueue assigned,
                   LinkedBlockingQueue<LitePullBatch> consumeRequestCache, ScheduledThreadPoolExecutor pullExecutor,
                   PullAPIWrapper pullAPIWrapper, MQAdminImpl admin) {
        this.impl = impl;
        this.config = config;
        this.assigned = assigned;
        this.consumeRequestCache = consumeRequestCache;
        this.pullExecutor = pullExecutor;
        this.pullAPIWrapper = pullAPIWrapper;
        this.admin = admin;
    }

    void start(final AssignedMessageQueue.QueueState state, long delayMillis) {
        final long generation = state.generation();
        schedule(state, generation, delayMillis);
    }

    void schedule(final AssignedMessageQueue.QueueState state, final long generation, long delayMillis) {
        if (!impl.isRunning()) {
            return;
        }
        try {
            pullExecutor.schedule(new Runnable() {
                @Override
                public void run() {
                    pullOnce(state, generation);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("pull executor stopped");
        }
    }

    /** True when this chain is still the live one for its queue. */
    boolean current(AssignedMessageQueue.QueueState state, long generation) {
        return impl.isRunning() && assigned.get(state.getMessageQueue()) == state && state.generation() == generation
            && !state.getProcessQueue().isDropped();
    }

    private void pullOnce(final AssignedMessageQueue.QueueState state, final long generation) {
        if (!current(state, generation)) {
            return;
        }
        final MessageQueue mq = state.getMessageQueue();
        if (state.isPaused()) {
            schedule(state, generation, PULL_TIME_DELAY_MILLS_WHEN_PAUSE);
            return;
        }
        ProcessQueue pq = state.getProcessQueue();
        if ((long) consumeRequestCache.size() * config.getPullBatchSize() > config.getPullThresholdForAll()
            || PullFlowControl.check(pq, config.getPullThresholdForQueue(), config.getPullThresholdSizeForQueue(), false,
            config.getConsumeMaxSpan()) != null) {
            schedule(state, generation, PULL_TIME_DELAY_MILLS_WHEN_FLOW_CONTROL);
            return;
        }
        final long offset;
        try {
            offset = nextPullOffset(state);
        } catch (Exception e) {
            LOG.warn("start offset of {} unknown: {}", mq, e.toString());
            schedule(state, generation, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return;
        }
        if (offset < 0) {
            schedule(state, generation, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
            return;
        }
        final SubscriptionData sd = impl.subscriptionOf(mq.getTopic());
        int sysFlag = PullSysFlag.buildSysFlag(false, true, true, false, true);
        try {
            pullAPIWrapper.pullKernelImpl(mq, sd.getSubString(), sd.getExpressionType(), sd.getSubVersion(), offset,
                config.getPullBatchSize(), sysFlag, 0, config.getBrokerSuspendMaxTimeMillis(),
                config.getConsumerTimeoutMillisWhenSuspend(), CommunicationMode.ASYNC, new PullCallback() {
                    @Override
                    public void onSuccess(PullResult raw) {
                        if (!current(state, generation)) {
                            return;
                        }
                        onPulled(state, generation, offset, pullAPIWrapper.processPullResult(mq, raw, sd));
                    }

                    @Override
                    public void onException(Throwable e) {
                        if (!current(state, generation)) {
                            return;
                        }
                        LOG.warn("pull of {} at {} failed: {}", mq, offset, e.toString());
                        schedule(state, generation, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
                    }
                });
        } catch (Exception e) {
            LOG.warn("pull of {} could not be sent: {}", mq, e.toString());
            schedule(state, generation, PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION);
        }
    }

    private void onPulled(AssignedMessageQueue.QueueState state, long generation, long offset, PullResult result) {
        switch (result.getPullStatus()) {
            case FOUND:
                List<MessageExt> msgs = result.getMsgFoundList();
                if (msgs != null && !msgs.isEmpty()) {
                    state.getProcessQueue().putMessage(msgs);
                    consumeRequestCache.add(new LitePullBatch(msgs, state, generation));
                }
                break;
            case OFFSET_ILLEGAL:
                LOG.warn("offset {} of {} is illegal (min {} max {}); continuing at {}", offset, state.getMessageQueue(),
                    result.getMinOffset(), result.getMaxOffset(), result.getNextBeginOffset());
                break;
            case NO_NEW_MSG:
            case NO_MATCHED_MSG:
            default:
                break;
        }
        state.setPullOffset(result.getNextBeginOffset());
        schedule(state, generation, 0);
    }

    private long nextPullOffset(AssignedMessageQueue.QueueState state) throws MQClientException {
        long seek = state.getSeekOffset();
        if (seek >= 0) {
            state.setSeekOffset(-1);
            state.setPullOffset(seek);
            return seek;
        }
        if (state.getPullOffset() >= 0) {
            return state.getPullOffset();
        }
        long start = StartOffset.resolve(impl.getOffsetStore(), admin, state.getMessageQueue(),
            config.getConsumeFromWhere(), config.getConsumeTimestamp());
        if (start >= 0) {
            state.setPullOffset(start);
        }
        return start;
    }
}
