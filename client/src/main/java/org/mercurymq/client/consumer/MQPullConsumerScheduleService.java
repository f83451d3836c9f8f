package org.mercurymq.client.consumer;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.support.NamespaceUtil;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link DefaultMQPullConsumer} for the application: for each queue the rebalance gives this client (all
 * queues of the topic when BROADCASTING), the {@link PullTaskCallback} registered for the topic is called on a
 * pool of {@code pullThreadNums} threads (default 20, named {@code PullMsgThread-<group>-N}), then again after
 * the delay the callback left in its {@link PullTaskContext}. A queue taken away by a rebalance stops being
 * called after its current call. A topic without a callback is logged and not polled. See docs/client.md.
 *
 * <p>Configure before {@link #start()}; registering callbacks and {@link #putTask} are thread-safe.
 */
public class MQPullConsumerScheduleService {
    private static final Logger LOG = LoggerFactory.getLogger(MQPullConsumerScheduleService.class);

    /** The delay before calling a callback again after it threw. */
    private static final int DELAY_AFTER_FAILURE_MILLIS = 1000;

    private final MessageQueueListener messageQueueListener = new QueueAssignmentListener();
    private final ConcurrentMap<MessageQueue, PullTaskImpl> taskTable = new ConcurrentHashMap<MessageQueue, PullTaskImpl>();
    private DefaultMQPullConsumer defaultMQPullConsumer;
    private int pullThreadNums = 20;
    private ConcurrentMap<String, PullTaskCallback> callbackTable = new ConcurrentHashMap<String, PullTaskCallback>();
    private volatile ScheduledThreadPoolExecutor scheduledThreadPoolExecutor;

    public MQPullConsumerScheduleService(final String consumerGroup) {
        this(consumerGroup, null);
    }

    public MQPullConsumerScheduleService(final String consumerGroup, final RPCHook rpcHook) {
        this.defaultMQPullConsumer = new DefaultMQPullConsumer(consumerGroup, rpcHook);
        this.defaultMQPullConsumer.setMessageModel(MessageModel.CLUSTERING);
    }

    /**
     * Makes the tasks of {@code topic} match {@code mqNewSet}: tasks of queues no longer in it are cancelled, new
     * queues get a task that runs at once. Before {@link #start()} there is no pool to run on.
     */
    public void putTask(String topic, Set<MessageQueue> mqNewSet) {
        ScheduledThreadPoolExecutor pool = pool();
        Iterator<Map.Entry<MessageQueue, PullTaskImpl>> it = taskTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, PullTaskImpl> e = it.next();
            if (e.getKey().getTopic().equals(topic) && !mqNewSet.contains(e.getKey())) {
                e.getValue().setCancelled(true);
                it.remove();
            }
        }
        for (MessageQueue mq : mqNewSet) {
            PullTaskImpl task = new PullTaskImpl(mq);
            if (taskTable.putIfAbsent(mq, task) == null) {
                pool.schedule(task, 0, TimeUnit.MILLISECONDS);
            }
        }
    }

    private ScheduledThreadPoolExecutor pool() {
        ScheduledThreadPoolExecutor pool = scheduledThreadPoolExecutor;
        if (pool == null) {
            throw new IllegalStateException("MQPullConsumerScheduleService of group "
                + defaultMQPullConsumer.getConsumerGroup() + " is not started");
        }
        return pool;
    }

    public void start() throws MQClientException {
        String group = defaultMQPullConsumer.getConsumerGroup();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(pullThreadNums,
            new NamedThreadFactory("PullMsgThread-" + group, false));
        // a task waiting for its next call must not run against the consumer shut down with the pool
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduledThreadPoolExecutor = pool;
        defaultMQPullConsumer.setMessageQueueListener(messageQueueListener);
        defaultMQPullConsumer.start();
        LOG.info("pull schedule service of group {} started: {} threads, callbacks for topics {}", group,
            pullThreadNums, callbackTable.keySet());
    }

    /** Registers the callback of a topic and subscribes the pull consumer to it (before {@link #start()}). */
    public void registerPullTaskCallback(final String topic, final PullTaskCallback callback) {
        callbackTable.put(NamespaceUtil.wrapNamespace(defaultMQPullConsumer.getNamespace(), topic), callback);
        defaultMQPullConsumer.registerMessageQueueListener(topic, null);
    }

    /**
     * Stops calling callbacks (a call in progress finishes; RocketMQ's service would still make the calls already
     * scheduled, against the shut-down consumer) and shuts the pull consumer down.
     */
    public void shutdown() {
        if (scheduledThreadPoolExecutor != null) {
            scheduledThreadPoolExecutor.shutdown();
        }
        if (defaultMQPullConsumer != null) {
            defaultMQPullConsumer.shutdown();
        }
    }

    public ConcurrentMap<String, PullTaskCallback> getCallbackTable() {
        return callbackTable;
    }

    public void setCallbackTable(ConcurrentHashMap<String, PullTaskCallback> callbackTable) {
        this.callbackTable = callbackTable;
    }

    public int getPullThreadNums() {
        return pullThreadNums;
    }

    public void setPullThreadNums(int pullThreadNums) {
        this.pullThreadNums = pullThreadNums;
    }

    public DefaultMQPullConsumer getDefaultMQPullConsumer() {
        return defaultMQPullConsumer;
    }

    public void setDefaultMQPullConsumer(DefaultMQPullConsumer defaultMQPullConsumer) {
        this.defaultMQPullConsumer = defaultMQPullConsumer;
    }

    public MessageModel getMessageModel() {
        return defaultMQPullConsumer.getMessageModel();
    }

    public void setMessageModel(MessageModel messageModel) {
        defaultMQPullConsumer.setMessageModel(messageModel);
    }

    /** Follows the rebalance: this client's share when CLUSTERING, every queue when BROADCASTING. */
    private final class QueueAssignmentListener implements MessageQueueListener {
        @Override
        public void messageQueueChanged(String topic, Set<MessageQueue> mqAll, Set<MessageQueue> mqDivided) {
            putTask(topic, getMessageModel() == MessageModel.BROADCASTING ? mqAll : mqDivided);
        }
    }

    /** The repeating call of one queue's callback; cancelled when the queue is taken away. */
    public class PullTaskImpl implements Runnable {
        private final MessageQueue messageQueue;
        private volatile boolean cancelled = false;

        public PullTaskImpl(final MessageQueue messageQueue) {
            this.messageQueue = messageQueue;
        }

        @Override
        public void run() {
            if (cancelled) {
                LOG.info("pull task of {} cancelled", messageQueue);
                return;
            }
            if (scheduledThreadPoolExecutor.isShutdown()) {
                return;
            }
            PullTaskCallback callback = callbackTable.get(messageQueue.getTopic());
            if (callback == null) {
                LOG.warn("no PullTaskCallback registered for topic {}: queue {} is not polled", messageQueue.getTopic(),
                    messageQueue);
                return;
            }
            PullTaskContext context = new PullTaskContext();
            context.setPullConsumer(defaultMQPullConsumer);
            try {
                callback.doPullTask(messageQueue, context);
            } catch (Throwable t) {
                context.setPullNextDelayTimeMillis(DELAY_AFTER_FAILURE_MILLIS);
                LOG.error("PullTaskCallback of {} threw; calling again in {} ms", messageQueue,
                    DELAY_AFTER_FAILURE_MILLIS, t);
            }
            if (cancelled) {
                LOG.info("pull task of {} cancelled after its call", messageQueue);
            } else {
                try {
                    scheduledThreadPoolExecutor.schedule(this, context.getPullNextDelayTimeMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException shutDown) {
                    LOG.info("pull task of {} ends: service shut down", messageQueue);
                }
            }
        }

        public boolean isCancelled() {
            return cancelled;
        }

        public void setCancelled(boolean cancelled) {
            this.cancelled = cancelled;
        }

        public MessageQueue getMessageQueue() {
            return messageQueue;
        }
    }
}
