package org.mercurymq.client.impl.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.ConsumeReturnType;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.remoting.protocol.body.CMResult;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concurrent consumption: pulled messages are cut into batches of consumeMessageBatchMaxSize and run on
 * a pool of consumeThreadMin..consumeThreadMax threads. Results: CONSUME_SUCCESS acknowledges messages
 * up to {@code ackIndex}; the rest (all of them on RECONSUME_LATER or an exception) are sent back to the
 * broker for redelivery through %RETRY%group (clustering; a failed send-back is consumed again locally
 * 5 s later) or dropped with a warning (broadcasting). Then the queue's offset advances to the smallest
 * message still in flight. Thread-safe.
 */
public class ConsumeMessageConcurrentlyService implements ConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageConcurrentlyService.class);
    private static final int QUEUE_CAPACITY = 100_000;
    private static final long RESUBMIT_DELAY_MILLIS = 5000;

    private final DefaultMQPushConsumerImpl consumerImpl;
    private final DefaultMQPushConsumer config;
    private final MessageListenerConcurrently listener;
    private final String consumerGroup;
    private final ThreadPoolExecutor consumeExecutor;
    private final ScheduledExecutorService scheduledExecutorService;

    public ConsumeMessageConcurrentlyService(DefaultMQPushConsumerImpl consumerImpl, MessageListenerConcurrently listener) {
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

    /** Every consumeTimeout minutes, sends back messages whose consume call has been running longer. */
    @Override
    public void start() {
        long period = Math.max(1, config.getConsumeTimeout());
        scheduledExecutorService.scheduleAtFixedRate(new Runnable() {
            @Override
            public void run() {
                cleanExpiredMsg();
            }
        }, period, period, TimeUnit.MINUTES);
    }

    void cleanExpiredMsg() {
        for (final Map.Entry<MessageQueue, ProcessQueue> e : consumerImpl.getRebalanceImpl().getProcessQueueTable().entrySet()) {
            try {
                int n = e.getValue().cleanExpiredMsg(config.getConsumeTimeout(), new ProcessQueue.SendBack() {
                    @Override
                    public boolean sendBack(MessageExt msg) {
                        return consumerImpl.sendMessageBackQuietly(msg, 3, e.getKey());
                    }
                });
                if (n > 0) {
                    LOG.warn("{} messages of {} were consumed for more than {} minutes; sent back for redelivery", n, e.getKey(),
                        config.getConsumeTimeout());
                }
            } catch (RuntimeException ex) {
                LOG.warn("expired-message check of {} failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
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
        result.setOrder(false);
        result.setAutoCommit(true);
        MessageQueue mq = new MessageQueue(msg.getTopic(), brokerName, msg.getQueueId());
        consumerImpl.resetRetryAndNamespace(Collections.singletonList(msg));
        long begin = System.currentTimeMillis();
        try {
            ConsumeConcurrentlyStatus status = listener.consumeMessage(Collections.singletonList(msg), new ConsumeConcurrentlyContext(mq));
            if (status == null) {
                result.setConsumeResult(CMResult.CR_RETURN_NULL);
            } else if (status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS) {
                result.setConsumeResult(CMResult.CR_SUCCESS);
            } else {
                result.setConsumeResult(CMResult.CR_LATER);
            }
        } catch (Throwable t) {
            result.setConsumeResult(CMResult.CR_THROW_EXCEPTION);
            result.setRemark(t.toString());
        }
        result.setSpentTimeMills(System.currentTimeMillis() - begin);
        return result;
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue,
                                     boolean dispatchToConsume) {
        int batch = Math.max(1, config.getConsumeMessageBatchMaxSize());
        for (int from = 0; from < msgs.size(); from += batch) {
            List<MessageExt> part = new ArrayList<MessageExt>(msgs.subList(from, Math.min(msgs.size(), from + batch)));
            submit(new ConsumeRequest(part, processQueue, messageQueue));
        }
    }

    private void submit(ConsumeRequest request) {
        try {
            consumeExecutor.submit(request);
        } catch (RejectedExecutionException e) {
            if (!consumeExecutor.isShutdown()) {
                submitConsumeRequestLater(request);
            }
        }
    }

    private void submitConsumeRequestLater(final ConsumeRequest request) {
        try {
            scheduledExecutorService.schedule(new Runnable() {
                @Override
                public void run() {
                    submit(request);
                }
            }, RESUBMIT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("consumer {} shutting down, not resubmitting {} messages", consumerGroup, request.msgs.size());
        }
    }

    /** Acknowledges, sends back or re-queues the messages of one finished consume call. */
    void processConsumeResult(ConsumeConcurrentlyStatus status, ConsumeConcurrentlyContext context, ConsumeRequest request) {
        List<MessageExt> msgs = request.msgs;
        if (msgs.isEmpty()) {
            return;
        }
        int ackIndex = context.getAckIndex();
        if (status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS) {
            ackIndex = Math.min(ackIndex, msgs.size() - 1);
            consumerImpl.getConsumerStats().consumed(ackIndex + 1, msgs.size() - ackIndex - 1);
        } else {
            ackIndex = -1;
            consumerImpl.getConsumerStats().consumed(0, msgs.size());
        }
        List<MessageExt> retryLocally = new ArrayList<MessageExt>();
        if (config.getMessageModel() == MessageModel.BROADCASTING) {
            for (int i = ackIndex + 1; i < msgs.size(); i++) {
                LOG.warn("BROADCASTING, the message consume failed, drop it, {}", msgs.get(i));
            }
        } else {
            for (int i = ackIndex + 1; i < msgs.size(); i++) {
                MessageExt msg = msgs.get(i);
                if (!consumerImpl.sendMessageBackQuietly(msg, context.getDelayLevelWhenNextConsume(), request.messageQueue)) {
                    msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
                    retryLocally.add(msg);
                }
            }
        }
        List<MessageExt> done = new ArrayList<MessageExt>(msgs);
        done.removeAll(retryLocally);
        if (!retryLocally.isEmpty()) {
            submitConsumeRequestLater(new ConsumeRequest(retryLocally, request.processQueue, request.messageQueue));
        }
        long offset = request.processQueue.removeMessage(done);
        if (offset >= 0 && !request.processQueue.isDropped()) {
            consumerImpl.getOffsetStore().updateOffset(request.messageQueue, offset, true);
        }
    }

    /** One listener call over one batch. */
    final class ConsumeRequest implements Runnable {
        private final List<MessageExt> msgs;
        private final ProcessQueue processQueue;
        private final MessageQueue messageQueue;

        ConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue) {
            this.msgs = msgs;
            this.processQueue = processQueue;
            this.messageQueue = messageQueue;
        }

        @Override
        public void run() {
            if (processQueue.isDropped()) {
                LOG.info("queue {} was dropped before {} messages were consumed", messageQueue, msgs.size());
                return;
            }
            ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(messageQueue);
            consumerImpl.resetRetryAndNamespace(msgs);
            ProcessQueue.markConsumeStart(msgs, processQueue.now());
            ConsumeConcurrentlyStatus status = null;
            ConsumeMessageHooks hooks = consumerImpl.consumeMessageHooks();
            ConsumeMessageContext hookContext = hooks.begin(consumerGroup, config.getNamespace(), messageQueue, msgs);
            boolean threw = false;
            long begin = System.currentTimeMillis();
            try {
                status = listener.consumeMessage(Collections.unmodifiableList(msgs), context);
            } catch (Throwable t) {
                threw = true;
                LOG.warn("consumer group {} listener threw on {} messages of {}: {}", consumerGroup, msgs.size(), messageQueue,
                    t.toString());
            }
            long cost = System.currentTimeMillis() - begin;
            consumerImpl.getConsumerStats().consumeTime(cost);
            ConsumeReturnType returnType = ConsumeMessageHooks.returnType(status, threw, cost, config.getConsumeTimeout(),
                status == ConsumeConcurrentlyStatus.RECONSUME_LATER);
            if (status == null) {
                status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            hooks.end(hookContext, returnType, status, status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            if (!processQueue.isDropped()) {
                processConsumeResult(status, context, this);
            } else {
                LOG.warn("queue {} dropped while consuming; its {} messages may be delivered again", messageQueue, msgs.size());
            }
        }
    }
}
