package org.mercurymq.client.impl.consumer;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeOrderlyContext;
import org.mercurymq.client.consumer.listener.ConsumeOrderlyStatus;
import org.mercurymq.client.consumer.listener.ConsumeReturnType;
import org.mercurymq.client.consumer.listener.MessageListenerOrderly;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.remoting.protocol.body.CMResult;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orderly consumption (docs/protocol/behaviour.md §12): per queue at most one thread at a time (local lock), and in
 * clustering only while this client holds the queue's broker lock (renewed every 20 s, considered lost
 * after 30 s). SUSPEND_CURRENT_QUEUE_A_MOMENT puts the batch back and retries it after
 * suspendCurrentQueueTimeMillis; once a message reached maxReconsumeTimes it is sent to %RETRY% with its
 * count, i.e. straight to the DLQ, so the queue can move on. Thread-safe.
 */
public class ConsumeMessageOrderlyService implements ConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageOrderlyService.class);
    private static final long MAX_TIME_CONSUME_CONTINUOUSLY =
        Long.parseLong(System.getProperty("rocketmq.client.maxTimeConsumeContinuously", "60000"));
    private static final int QUEUE_CAPACITY = 100_000;

    private final DefaultMQPushConsumerImpl consumerImpl;
    private final DefaultMQPushConsumer config;
    private final MessageListenerOrderly listener;
    private final String consumerGroup;
    private final MessageQueueLock messageQueueLock = new MessageQueueLock();
    private final ThreadPoolExecutor consumeExecutor;
    private final ScheduledExecutorService scheduledExecutorService;
    private volatile boolean stopped = false;

    public ConsumeMessageOrderlyService(DefaultMQPushConsumerImpl consumerImpl, MessageListenerOrderly listener) {
        this.consumerImpl = consumerImpl;
        this.config = consumerImpl.getDefaultMQPushConsumer();
        this.listener = listener;
        this.consumerGroup = config.getConsumerGroup();
        int min = config.getConsumeThreadMin();
        int max = Math.max(min, config.getConsumeThreadMax());
        this.consumeExecutor = new ThreadPoolExecutor(min, max, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<Runnable>(QUEUE_CAPACITY), new NamedThreadFactory("ConsumeMessageThread_" + consumerGroup, true));
        this.scheduledExecutorService = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("ConsumeMessageScheduledThread_" + consumerGroup, true));
    }

    @Override
    public void start() {
        if (config.getMessageModel() == MessageModel.CLUSTERING) {
            scheduledExecutorService.scheduleAtFixedRate(new Runnable() {
                @Override
                public void run() {
                    try {
                        consumerImpl.getRebalanceImpl().lockAll();
                    } catch (Throwable t) {
                        LOG.warn("lock renewal of group {} failed: {}", consumerGroup, t.toString());
                    }
                }
            }, 1000, ProcessQueue.REBALANCE_LOCK_INTERVAL, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        stopped = true;
        scheduledExecutorService.shutdown();
        consumeExecutor.shutdown();
        try {
            consumeExecutor.awaitTermination(awaitTerminateMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumeExecutor.shutdownNow();
    }

    @Override
    public void updateCorePoolSize(int corePoolSize) {
        if (corePoolSize > 0 && corePoolSize <= Short.MAX_VALUE && corePoolSize <= consumeExecutor.getMaximumPoolSize()) {
            consumeExecutor.setCorePoolSize(corePoolSize);
        }
    }

    @Override
    public int getCorePoolSize() {
        return consumeExecutor.getCorePoolSize();
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        ConsumeMessageDirectlyResult result = new ConsumeMessageDirectlyResult();
        result.setOrder(true);
        MessageQueue mq = new MessageQueue(msg.getTopic(), brokerName, msg.getQueueId());
        ConsumeOrderlyContext context = new ConsumeOrderlyContext(mq);
        consumerImpl.resetRetryAndNamespace(Collections.singletonList(msg));
        long begin = System.currentTimeMillis();
        try {
            ConsumeOrderlyStatus status = listener.consumeMessage(Collections.singletonList(msg), context);
            if (status == null) {
                result.setConsumeResult(CMResult.CR_RETURN_NULL);
            } else {
                switch (status) {
                    case COMMIT:
                        result.setConsumeResult(CMResult.CR_COMMIT);
                        break;
                    case ROLLBACK:
                        result.setConsumeResult(CMResult.CR_ROLLBACK);
                        break;
                    case SUSPEND_CURRENT_QUEUE_A_MOMENT:
                        result.setConsumeResult(CMResult.CR_LATER);
                        break;
                    case SUCCESS:
                    default:
                        result.setConsumeResult(CMResult.CR_SUCCESS);
                        break;
                }
            }
        } catch (Throwable t) {
            result.setConsumeResult(CMResult.CR_THROW_EXCEPTION);
            result.setRemark(t.toString());
        }
        result.setAutoCommit(context.isAutoCommit());
        result.setSpentTimeMills(System.currentTimeMillis() - begin);
        return result;
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue,
                                     boolean dispatchToConsume) {
        if (dispatchToConsume) {
            submit(new ConsumeRequest(processQueue, messageQueue), 0);
        }
    }

    private void submit(final ConsumeRequest request, long delayMillis) {
        if (stopped) {
            return;
        }
        try {
            if (delayMillis <= 0) {
                consumeExecutor.submit(request);
            } else {
                scheduledExecutorService.schedule(new Runnable() {
                    @Override
                    public void run() {
                        submit(request, 0);
                    }
                }, delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            if (!stopped && delayMillis <= 0) {
                submit(request, 100);
            }
        }
    }

    private void tryLockLaterAndReconsume(final MessageQueue mq, final ProcessQueue pq, final long delayMillis) {
        if (stopped) {
            return;
        }
        try {
            scheduledExecutorService.schedule(new Runnable() {
                @Override
                public void run() {
                    boolean locked = consumerImpl.getRebalanceImpl().lock(mq);
                    submit(new ConsumeRequest(pq, mq), locked ? 10 : 3000);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("consumer {} shutting down", consumerGroup);
        }
    }

    private long suspendTime(ConsumeOrderlyContext context) {
        long t = context.getSuspendCurrentQueueTimeMillis();
        return t >= 0 ? t : config.getSuspendCurrentQueueTimeMillis();
    }

    private int maxReconsumeTimes() {
        return config.getMaxReconsumeTimes() == -1 ? Integer.MAX_VALUE : config.getMaxReconsumeTimes();
    }

    /**
     * True when the batch should be retried here; false when every message reached the maximum and was
     * handed to the broker (→ DLQ). A message whose hand-over failed stays for another local retry.
     */
    private boolean checkReconsumeTimes(List<MessageExt> msgs) {
        boolean suspend = false;
        for (MessageExt msg : msgs) {
            if (msg.getReconsumeTimes() >= maxReconsumeTimes()) {
                MessageAccessor.setReconsumeTime(msg, String.valueOf(msg.getReconsumeTimes()));
                if (!consumerImpl.sendToRetryTopic(msg)) {
                    suspend = true;
                    msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
                }
            } else {
                suspend = true;
                msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
            }
        }
        return suspend;
    }

    /** Returns whether the same request should keep consuming (false when the queue was suspended). */
    boolean processConsumeResult(List<MessageExt> msgs, ConsumeOrderlyStatus status, ConsumeOrderlyContext context,
                                 ProcessQueue pq, MessageQueue mq) {
        boolean continueConsume = true;
        long commitOffset = -1L;
        if (context.isAutoCommit()) {
            switch (status) {
                case COMMIT:
                case ROLLBACK:
                    LOG.warn("COMMIT/ROLLBACK are for autoCommit=false only; treating {} as SUCCESS on {}", status, mq);
                    commitOffset = pq.commit();
                    consumerImpl.getConsumerStats().consumed(msgs.size(), 0);
                    break;
                case SUCCESS:
                    commitOffset = pq.commit();
                    consumerImpl.getConsumerStats().consumed(msgs.size(), 0);
                    break;
                case SUSPEND_CURRENT_QUEUE_A_MOMENT:
                default:
                    consumerImpl.getConsumerStats().consumed(0, msgs.size());
                    if (checkReconsumeTimes(msgs)) {
                        pq.makeMessageToConsumeAgain(msgs);
                        submit(new ConsumeRequest(pq, mq), suspendTime(context));
                        continueConsume = false;
                    } else {
                        commitOffset = pq.commit();
                    }
                    break;
            }
        } else {
            switch (status) {
                case SUCCESS:
                    consumerImpl.getConsumerStats().consumed(msgs.size(), 0);
                    break;
                case COMMIT:
                    commitOffset = pq.commit();
                    consumerImpl.getConsumerStats().consumed(msgs.size(), 0);
                    break;
                case ROLLBACK:
                    pq.rollback();
                    submit(new ConsumeRequest(pq, mq), suspendTime(context));
                    continueConsume = false;
                    break;
                case SUSPEND_CURRENT_QUEUE_A_MOMENT:
                default:
                    consumerImpl.getConsumerStats().consumed(0, msgs.size());
                    if (checkReconsumeTimes(msgs)) {
                        pq.makeMessageToConsumeAgain(msgs);
                        submit(new ConsumeRequest(pq, mq), suspendTime(context));
                        continueConsume = false;
                    }
                    break;
            }
        }
        if (commitOffset >= 0 && !pq.isDropped()) {
            consumerImpl.getOffsetStore().updateOffset(mq, commitOffset, false);
        }
        return continueConsume;
    }

    /** Consumes one queue's cached messages in order until it runs dry, loses its lock or has run 60 s. */
    final class ConsumeRequest implements Runnable {
        private final ProcessQueue processQueue;
        private final MessageQueue messageQueue;

        ConsumeRequest(ProcessQueue processQueue, MessageQueue messageQueue) {
            this.processQueue = processQueue;
            this.messageQueue = messageQueue;
        }

        @Override
        public void run() {
            if (processQueue.isDropped()) {
                return;
            }
            boolean clustering = config.getMessageModel() == MessageModel.CLUSTERING;
            synchronized (messageQueueLock.fetchLockObject(messageQueue)) {
                if (clustering && (!processQueue.isLocked() || processQueue.isLockExpired())) {
                    tryLockLaterAndReconsume(messageQueue, processQueue, 100);
                    return;
                }
                long begin = processQueue.now();
                for (boolean continueConsume = true; continueConsume; ) {
                    if (processQueue.isDropped() || stopped) {
                        return;
                    }
                    if (clustering && (!processQueue.isLocked() || processQueue.isLockExpired())) {
                        tryLockLaterAndReconsume(messageQueue, processQueue, 10);
                        return;
                    }
                    if (processQueue.now() - begin > MAX_TIME_CONSUME_CONTINUOUSLY) {
                        submit(new ConsumeRequest(processQueue, messageQueue), 10);
                        return;
                    }
                    List<MessageExt> msgs = processQueue.takeMessages(Math.max(1, config.getConsumeMessageBatchMaxSize()));
                    if (msgs.isEmpty()) {
                        return;
                    }
                    consumerImpl.resetRetryAndNamespace(msgs);
                    ProcessQueue.markConsumeStart(msgs, processQueue.now());
                    ConsumeOrderlyContext context = new ConsumeOrderlyContext(messageQueue);
                    ConsumeOrderlyStatus status = null;
                    ConsumeMessageHooks hooks = consumerImpl.consumeMessageHooks();
                    ConsumeMessageContext hookContext = hooks.begin(consumerGroup, config.getNamespace(), messageQueue, msgs);
                    boolean threw = false;
                    long callBegin = System.currentTimeMillis();
                    processQueue.getConsumeLock().lock();
                    try {
                        if (processQueue.isDropped()) {
                            LOG.warn("queue {} dropped before consuming {} messages in order", messageQueue, msgs.size());
                            return;
                        }
                        status = listener.consumeMessage(Collections.unmodifiableList(msgs), context);
                    } catch (Throwable t) {
                        threw = true;
                        LOG.warn("consumer group {} orderly listener threw on {}: {}", consumerGroup, messageQueue, t.toString());
                    } finally {
                        processQueue.getConsumeLock().unlock();
                    }
                    long cost = System.currentTimeMillis() - callBegin;
                    consumerImpl.getConsumerStats().consumeTime(cost);
                    ConsumeReturnType returnType = ConsumeMessageHooks.returnType(status, threw, cost, config.getConsumeTimeout(),
                        status == ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT);
                    if (status == null) {
                        status = ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                    }
                    hooks.end(hookContext, returnType, status,
                        status == ConsumeOrderlyStatus.SUCCESS || status == ConsumeOrderlyStatus.COMMIT);
                    continueConsume = processConsumeResult(msgs, status, context, processQueue, messageQueue);
                }
            }
        }
    }
}
