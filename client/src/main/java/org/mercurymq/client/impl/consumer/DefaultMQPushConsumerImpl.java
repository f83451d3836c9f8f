package org.mercurymq.client.impl.consumer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercurymq.client.Validators;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.MessageSelector;
import org.mercurymq.client.consumer.listener.MessageListener;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.consumer.listener.MessageListenerOrderly;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.ConsumeMessageHook;
import org.mercurymq.client.hook.FilterMessageHook;
import org.mercurymq.client.impl.HookList;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.factory.MQConsumerInner;
import org.mercurymq.client.impl.factory.PullMessageService;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.ProcessQueueInfo;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.client.impl.factory.ServiceState;
import org.mercurymq.common.MQVersion;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.filter.FilterAPI;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push consumer engine behind {@link DefaultMQPushConsumer}: validates the configuration, wires
 * the rebalance, the offset store (broker for clustering, local file for broadcasting), the pull loop
 * and the consume service, and implements retries (send-back with a local fallback). Thread-safe.
 */
public class DefaultMQPushConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQPushConsumerImpl.class);
    private static final long SEND_BACK_TIMEOUT_MILLIS = 5000;

    private final DefaultMQPushConsumer defaultMQPushConsumer;
    private final RPCHook rpcHook;
    private final ConsumerStats consumerStats = new ConsumerStats();
    private final long consumerStartTimestamp = System.currentTimeMillis();
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile ConsumerCore core;
    private volatile MQClientInstance mQClientFactory;
    /** The instance's pull thread; bound in start(). */
    private volatile PullMessageService pulls;
    private volatile RebalancePushImpl rebalanceImpl;
    private volatile PullAPIWrapper pullAPIWrapper;
    private volatile OffsetStore offsetStore;
    private volatile ConsumeMessageService consumeMessageService;
    private volatile PushConsumerPuller puller;
    private volatile boolean pause = false;
    private volatile boolean consumeOrderly = false;
    private final Map<String, SubscriptionData> pendingSubscriptions = new HashMap<String, SubscriptionData>();
    private final ConsumeMessageHooks consumeMessageHooks = new ConsumeMessageHooks();
    private final HookList<FilterMessageHook> filterMessageHooks = new HookList<FilterMessageHook>("filter message");

    public DefaultMQPushConsumerImpl(DefaultMQPushConsumer defaultMQPushConsumer, RPCHook rpcHook) {
        this.defaultMQPushConsumer = defaultMQPushConsumer;
        this.rpcHook = rpcHook;
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized void start() throws MQClientException {
        switch (serviceState) {
            case CREATE_JUST:
                break;
            default:
                throw new MQClientException("The PushConsumer service state not OK, maybe started once, " + serviceState, null);
        }
        serviceState = ServiceState.START_FAILED;
        PushConsumerConfigCheck.check(defaultMQPushConsumer);
        MessageListener listener = defaultMQPushConsumer.getMessageListener();
        consumeOrderly = listener instanceof MessageListenerOrderly;
        if (defaultMQPushConsumer.getMessageModel() == MessageModel.CLUSTERING) {
            defaultMQPushConsumer.changeInstanceNameToPID();
        }
        core = new ConsumerCore(defaultMQPushConsumer, defaultMQPushConsumer.getConsumerGroup(),
            defaultMQPushConsumer.getMessageModel(), rpcHook);
        mQClientFactory = core.connect();
        pulls = mQClientFactory.getPullMessageService();
        rebalanceImpl = new RebalancePushImpl(defaultMQPushConsumer.getConsumerGroup(), defaultMQPushConsumer.getMessageModel(),
            defaultMQPushConsumer.getAllocateMessageQueueStrategy(), mQClientFactory, core.api(), core.clock(), core.admin(), this);
        copySubscription();
        core.useRebalance(rebalanceImpl);
        pullAPIWrapper = new PullAPIWrapper(mQClientFactory, core.api(), defaultMQPushConsumer.getConsumerGroup());
        pullAPIWrapper.useFilterMessageHooks(filterMessageHooks, defaultMQPushConsumer.isUnitMode());
        offsetStore = core.useOffsetStore(defaultMQPushConsumer.getOffsetStore());
        defaultMQPushConsumer.setOffsetStore(offsetStore);
        consumeMessageService = consumeOrderly
            ? new ConsumeMessageOrderlyService(this, (MessageListenerOrderly) listener)
            : new ConsumeMessageConcurrentlyService(this, (MessageListenerConcurrently) listener);
        consumeMessageService.start();
        puller = new PushConsumerPuller(this);
        try {
            core.register(this);
        } catch (MQClientException e) {
            serviceState = ServiceState.CREATE_JUST;
            consumeMessageService.shutdown(defaultMQPushConsumer.getAwaitTerminationMillisWhenShutdown());
            throw e;
        }
        core.startInstance();
        serviceState = ServiceState.RUNNING;
        LOG.info("push consumer group {} started on client {} ({}, {})", defaultMQPushConsumer.getConsumerGroup(),
            mQClientFactory.getClientId(), defaultMQPushConsumer.getMessageModel(), consumeOrderly ? "orderly" : "concurrently");
        core.refreshRoutes();
        try {
            SubscriptionCheck.checkInBrokers(mQClientFactory, core.api(), defaultMQPushConsumer, defaultMQPushConsumer.getConsumerGroup(),
                rebalanceImpl.getSubscriptionInner().values());
        } catch (MQClientException e) {
            shutdown(0);
            throw e;
        }
        core.announce();
        core.rebalanceNow();
    }

    public synchronized void shutdown() {
        shutdown(defaultMQPushConsumer.getAwaitTerminationMillisWhenShutdown());
    }

    public synchronized void shutdown(long awaitTerminateMillis) {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        consumeMessageService.shutdown(awaitTerminateMillis);
        persistConsumerOffsetSync();
        if (consumeOrderly && defaultMQPushConsumer.getMessageModel() == MessageModel.CLUSTERING) {
            // only after the offsets are stored, so the next holder of a queue starts where we stopped
            rebalanceImpl.unlockAll(false);
        }
        core.close();
        LOG.info("push consumer group {} shut down", defaultMQPushConsumer.getConsumerGroup());
    }

    private void copySubscription() throws MQClientException {
        Map<String, String> sub = defaultMQPushConsumer.getSubscription();
        if (sub != null) {
            for (Map.Entry<String, String> e : sub.entrySet()) {
                rebalanceImpl.getSubscriptionInner().put(e.getKey(), buildSubscription(e.getKey(), e.getValue(), null));
            }
        }
        synchronized (pendingSubscriptions) {
            rebalanceImpl.getSubscriptionInner().putAll(pendingSubscriptions);
        }
        if (defaultMQPushConsumer.getMessageModel() == MessageModel.CLUSTERING) {
            String retryTopic = TopicNames.getRetryTopic(defaultMQPushConsumer.getConsumerGroup());
            rebalanceImpl.getSubscriptionInner().put(retryTopic, buildSubscription(retryTopic, SubscriptionData.SUB_ALL, null));
        }
    }

    private static SubscriptionData buildSubscription(String topic, String expression, String type) throws MQClientException {
        try {
            return type == null ? FilterAPI.buildSubscriptionData(topic, expression) : FilterAPI.build(topic, expression, type);
        } catch (RuntimeException e) {
            throw new MQClientException("subscription exception: " + e.getMessage(), e);
        }
    }

    boolean isRunning() {
        return serviceState == ServiceState.RUNNING;
    }

    public ServiceState getServiceState() {
        return serviceState;
    }

    // ---------------------------------------------------------------- subscriptions

    public void subscribe(String topic, String subExpression) throws MQClientException {
        Validators.checkTopic(topic);
        addSubscription(topic, buildSubscription(topic, subExpression, null));
    }

    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        Validators.checkTopic(topic);
        if (selector == null) {
            subscribe(topic, SubscriptionData.SUB_ALL);
            return;
        }
        addSubscription(topic, buildSubscription(topic, selector.getExpression(), selector.getExpressionType()));
    }

    private void addSubscription(String topic, SubscriptionData sd) {
        if (rebalanceImpl == null) {
            synchronized (pendingSubscriptions) {
                pendingSubscriptions.put(topic, sd);
            }
            return;
        }
        rebalanceImpl.getSubscriptionInner().put(topic, sd);
        if (core != null && isRunning()) {
            core.subscriptionChanged(topic);
        }
    }

    public void unsubscribe(String topic) {
        synchronized (pendingSubscriptions) {
            pendingSubscriptions.remove(topic);
        }
        if (rebalanceImpl != null) {
            rebalanceImpl.getSubscriptionInner().remove(topic);
        }
    }

    public void suspend() {
        pause = true;
        LOG.info("push consumer group {} suspended", defaultMQPushConsumer.getConsumerGroup());
    }

    public void resume() {
        pause = false;
        LOG.info("push consumer group {} resumed", defaultMQPushConsumer.getConsumerGroup());
        if (core != null) {
            core.rebalanceNow();
        }
    }

    boolean isPause() {
        return pause;
    }

    public boolean isConsumeOrderly() {
        return consumeOrderly;
    }

    public void updateCorePoolSize(int corePoolSize) {
        if (consumeMessageService != null) {
            consumeMessageService.updateCorePoolSize(corePoolSize);
        }
    }

    // ---------------------------------------------------------------- pull loop

    public void pullMessage(final PullRequest pullRequest) {
        puller.pullMessage(pullRequest);
    }

    /** Queues a pull of {@code request} on the instance's pull thread; dropped once this consumer shut down. */
    void executePullRequestImmediately(PullRequest request) {
        pulls.executePullImmediately(new PullTask(request));
    }

    void executePullRequestLater(PullRequest request, long delayMillis) {
        pulls.executePullLater(new PullTask(request), delayMillis);
    }

    void executeTaskLater(Runnable task, long delayMillis) {
        pulls.executeTaskLater(task, delayMillis);
    }

    void rebalanceImmediately() {
        core.rebalanceNow();
    }

    /** One pull of one queue, run by the pull thread. */
    private final class PullTask implements Runnable {
        private final PullRequest request;

        PullTask(PullRequest request) {
            this.request = request;
        }

        @Override
        public void run() {
            if (serviceState == ServiceState.SHUTDOWN_ALREADY) {
                LOG.debug("push consumer of group {} shut down, dropping {}", request.getConsumerGroup(), request);
                return;
            }
            pullMessage(request);
        }

        @Override
        public String toString() {
            return request.toString();
        }
    }

    // ---------------------------------------------------------------- retries

    /** The effective maximum: concurrent −1 ⇒ 16; orderly −1 ⇒ unlimited. */
    int getMaxReconsumeTimes() {
        int configured = defaultMQPushConsumer.getMaxReconsumeTimes();
        if (configured != -1) {
            return configured;
        }
        return consumeOrderly ? Integer.MAX_VALUE : 16;
    }

    /**
     * CONSUMER_SEND_MSG_BACK to the message's broker; if that fails, re-sends the message to
     * %RETRY%group through the internal producer with delay 3 + reconsumeTimes (docs/protocol/behaviour.md §8).
     */
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        core.sendMessageBack(msg, delayLevel, brokerName, defaultMQPushConsumer.getConsumerGroup(), SEND_BACK_TIMEOUT_MILLIS,
            getMaxReconsumeTimes(), retryMessage(msg, msg.getReconsumeTimes() + 1));
    }

    /** Sends back; false when even the fallback failed (the caller then retries locally). */
    boolean sendMessageBackQuietly(MessageExt msg, int delayLevel, MessageQueue mq) {
        try {
            sendMessageBack(msg, delayLevel, mq.getBrokerName());
            return true;
        } catch (Exception e) {
            LOG.warn("send-back of {} failed: {}", msg.getMsgId(), e.toString());
            return false;
        }
    }

    /** Orderly: hands a message that reached the maximum to %RETRY% with its count, i.e. to the DLQ. */
    boolean sendToRetryTopic(MessageExt msg) {
        try {
            core.internalSender().send(retryMessage(msg, msg.getReconsumeTimes()));
            return true;
        } catch (Exception e) {
            LOG.warn("sending {} to the retry topic failed: {}", msg.getMsgId(), e.toString());
            return false;
        }
    }

    /** The push consumer's retry copy also keeps the flag and never carries the half-message mark. */
    private Message retryMessage(MessageExt msg, int reconsumeTimes) {
        Message retry = ConsumerCore.retryMessage(msg, defaultMQPushConsumer.getConsumerGroup(), reconsumeTimes,
            getMaxReconsumeTimes());
        retry.setFlag(msg.getFlag());
        MessageAccessor.clearProperty(retry, MessageConst.PROPERTY_TRANSACTION_PREPARED);
        return retry;
    }

    /** Messages redelivered through %RETRY%group get their original topic back (property RETRY_TOPIC). */
    public void resetRetryAndNamespace(final List<MessageExt> msgs) {
        String groupTopic = TopicNames.getRetryTopic(defaultMQPushConsumer.getConsumerGroup());
        for (MessageExt msg : msgs) {
            String retryTopic = msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
            if (retryTopic != null && groupTopic.equals(msg.getTopic())) {
                msg.setTopic(retryTopic);
            }
            if (defaultMQPushConsumer.getNamespace() != null) {
                msg.setTopic(defaultMQPushConsumer.withoutNamespace(msg.getTopic()));
            }
        }
    }

    // ---------------------------------------------------------------- server requests

    /** RESET_CONSUMER_CLIENT_OFFSET: drop the topic's queues, store the new offsets, rebalance. */
    @Override
    public boolean resetOffsetByBroker(String topic, Map<MessageQueue, Long> offsetTable) {
        suspend();
        try {
            for (Map.Entry<MessageQueue, ProcessQueue> e : rebalanceImpl.getProcessQueueTable().entrySet()) {
                if (e.getKey().getTopic().equals(topic) && offsetTable.containsKey(e.getKey())) {
                    e.getValue().setDropped(true);
                    e.getValue().clear();
                }
            }
            for (Map.Entry<MessageQueue, Long> e : offsetTable.entrySet()) {
                rebalanceImpl.getProcessQueueTable().remove(e.getKey());
                offsetStore.updateOffset(e.getKey(), e.getValue(), false);
                try {
                    offsetStore.updateConsumeOffsetToBroker(e.getKey(), e.getValue(), false);
                } catch (Exception ex) {
                    LOG.warn("storing reset offset {} of {} failed: {}", e.getValue(), e.getKey(), ex.toString());
                }
                LOG.info("group {}: offset of {} reset to {}", defaultMQPushConsumer.getConsumerGroup(), e.getKey(), e.getValue());
            }
        } finally {
            resume();
        }
        return true;
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        return consumeMessageService.consumeMessageDirectly(msg, brokerName);
    }

    // ---------------------------------------------------------------- MQConsumerInner

    @Override
    public String groupName() {
        return defaultMQPushConsumer.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return defaultMQPushConsumer.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_PASSIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return defaultMQPushConsumer.getConsumeFromWhere();
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return core.subscriptions();
    }

    @Override
    public void doRebalance() {
        if (!pause && core.mayRebalance()) {
            rebalanceImpl.doRebalance(consumeOrderly);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        offsetStore.persistAll(new HashSet<MessageQueue>(rebalanceImpl.getProcessQueueTable().keySet()));
    }

    private void persistConsumerOffsetSync() {
        core.persist(new HashSet<MessageQueue>(rebalanceImpl.getProcessQueueTable().keySet()), true);
    }

    @Override
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        core.updateTopicSubscribeInfo(topic, info);
    }

    @Override
    public boolean isSubscribeTopicNeedUpdate(String topic) {
        return core.isSubscribeTopicNeedUpdate(topic);
    }

    @Override
    public Map<MessageQueue, Long> consumerStatusOffsets(String topic) {
        return offsetStore.cloneOffsetTable(topic);
    }

    @Override
    public boolean isUnitMode() {
        return defaultMQPushConsumer.isUnitMode();
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        ConsumerRunningInfo info = core.runningInfo(ConsumeType.CONSUME_PASSIVELY);
        java.util.Properties p = info.getProperties();
        p.put("messageModel", String.valueOf(defaultMQPushConsumer.getMessageModel()));
        p.put("consumeFromWhere", String.valueOf(defaultMQPushConsumer.getConsumeFromWhere()));
        p.put("consumeThreadMin", String.valueOf(defaultMQPushConsumer.getConsumeThreadMin()));
        p.put("consumeThreadMax", String.valueOf(defaultMQPushConsumer.getConsumeThreadMax()));
        p.put("pullBatchSize", String.valueOf(defaultMQPushConsumer.getPullBatchSize()));
        p.put("consumeMessageBatchMaxSize", String.valueOf(defaultMQPushConsumer.getConsumeMessageBatchMaxSize()));
        p.put("pullThresholdForQueue", String.valueOf(defaultMQPushConsumer.getPullThresholdForQueue()));
        p.put("consumeOk", String.valueOf(consumerStats.getConsumeOk()));
        p.put("consumeFailed", String.valueOf(consumerStats.getConsumeFailed()));
        p.put("consumeRtAvg", String.format("%.2f", consumerStats.getConsumeRtAvg()));
        p.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, String.valueOf(consumeOrderly));
        p.put(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, String.valueOf(consumeMessageService.getCorePoolSize()));
        p.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, String.valueOf(consumerStartTimestamp));
        p.put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, String.valueOf(defaultMQPushConsumer.getNamesrvAddr()));
        p.put(ConsumerRunningInfo.PROP_CLIENT_VERSION, MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        for (Map.Entry<MessageQueue, ProcessQueue> e : rebalanceImpl.getProcessQueueTable().entrySet()) {
            ProcessQueueInfo pqi = new ProcessQueueInfo();
            pqi.setCommitOffset(offsetStore.readOffset(e.getKey(), org.mercurymq.client.consumer.store.ReadOffsetType.MEMORY_FIRST_THEN_STORE));
            e.getValue().fillProcessQueueInfo(pqi);
            info.getMqTable().put(e.getKey(), pqi);
        }
        return info;
    }

    // ---------------------------------------------------------------- accessors

    // ---------------------------------------------------------------- hooks

    public void registerFilterMessageHook(FilterMessageHook hook) {
        filterMessageHooks.register(hook);
    }

    public void registerConsumeMessageHook(ConsumeMessageHook hook) {
        consumeMessageHooks.register(hook);
    }

    /** True when a consume-message hook is registered. */
    public boolean hasHook() {
        return !consumeMessageHooks.isEmpty();
    }

    public void executeHookBefore(ConsumeMessageContext context) {
        consumeMessageHooks.before(context);
    }

    public void executeHookAfter(ConsumeMessageContext context) {
        consumeMessageHooks.after(context);
    }

    ConsumeMessageHooks consumeMessageHooks() {
        return consumeMessageHooks;
    }

    public DefaultMQPushConsumer getDefaultMQPushConsumer() {
        return defaultMQPushConsumer;
    }

    public MQClientInstance getMQClientFactory() {
        return mQClientFactory;
    }

    public RebalanceImpl getRebalanceImpl() {
        return rebalanceImpl;
    }

    public PullAPIWrapper getPullAPIWrapper() {
        return pullAPIWrapper;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public ConsumeMessageService getConsumeMessageService() {
        return consumeMessageService;
    }

    public ConsumerStats getConsumerStats() {
        return consumerStats;
    }
}
