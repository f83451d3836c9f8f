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
import org.mercurymq.client.consumer.store.LocalFileOffsetStore;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.ConsumeMessageHook;
import org.mercurymq.client.hook.FilterMessageHook;
import org.mercurymq.client.impl.HookList;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.consumer.store.RemoteBrokerOffsetStore;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.MQClientManager;
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
import org.mercurymq.remoting.common.RemotingHelper;
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
    private volatile MQClientInstance mQClientFactory;
    private volatile RebalancePushImpl rebalanceImpl;
    private volatile PullAPIWrapper pullAPIWrapper;
    private volatile OffsetStore offsetStore;
    private volatile ConsumeMessageService consumeMessageService;
    private volatile PushConsumerPuller puller;
    private volatile boolean pause = false;
    private volatile boolean consumeOrderly = false;
    /** Set once the first heartbeat went out: pulling before the broker knows the group earns code 24. */
    private volatile boolean registeredWithBrokers = false;
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
        mQClientFactory = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultMQPushConsumer, rpcHook);
        rebalanceImpl = new RebalancePushImpl(defaultMQPushConsumer.getConsumerGroup(), defaultMQPushConsumer.getMessageModel(),
            defaultMQPushConsumer.getAllocateMessageQueueStrategy(), mQClientFactory, this);
        copySubscription();
        pullAPIWrapper = new PullAPIWrapper(mQClientFactory, defaultMQPushConsumer.getConsumerGroup());
        pullAPIWrapper.useFilterMessageHooks(filterMessageHooks, defaultMQPushConsumer.isUnitMode());
        if (defaultMQPushConsumer.getOffsetStore() != null) {
            offsetStore = defaultMQPushConsumer.getOffsetStore();
        } else if (defaultMQPushConsumer.getMessageModel() == MessageModel.BROADCASTING) {
            offsetStore = new LocalFileOffsetStore(mQClientFactory, defaultMQPushConsumer.getConsumerGroup());
        } else {
            offsetStore = new RemoteBrokerOffsetStore(mQClientFactory, defaultMQPushConsumer.getConsumerGroup());
        }
        defaultMQPushConsumer.setOffsetStore(offsetStore);
        offsetStore.load();
        consumeMessageService = consumeOrderly
            ? new ConsumeMessageOrderlyService(this, (MessageListenerOrderly) listener)
            : new ConsumeMessageConcurrentlyService(this, (MessageListenerConcurrently) listener);
        consumeMessageService.start();
        puller = new PushConsumerPuller(this);
        if (!mQClientFactory.registerConsumer(defaultMQPushConsumer.getConsumerGroup(), this)) {
            serviceState = ServiceState.CREATE_JUST;
            consumeMessageService.shutdown(defaultMQPushConsumer.getAwaitTerminationMillisWhenShutdown());
            throw new MQClientException("The consumer group[" + defaultMQPushConsumer.getConsumerGroup()
                + "] has been created before, specify another name please.", null);
        }
        mQClientFactory.start();
        serviceState = ServiceState.RUNNING;
        LOG.info("push consumer group {} started on client {} ({}, {})", defaultMQPushConsumer.getConsumerGroup(),
            mQClientFactory.getClientId(), defaultMQPushConsumer.getMessageModel(), consumeOrderly ? "orderly" : "concurrently");
        updateTopicSubscribeInfoWhenSubscriptionChanged();
        try {
            SubscriptionCheck.checkInBrokers(mQClientFactory, defaultMQPushConsumer.getConsumerGroup(),
                rebalanceImpl.getSubscriptionInner().values());
        } catch (MQClientException e) {
            shutdown(0);
            throw e;
        }
        mQClientFactory.sendHeartbeatToAllBrokerWithLock();
        registeredWithBrokers = true;
        mQClientFactory.rebalanceImmediately();
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
        mQClientFactory.unregisterConsumer(defaultMQPushConsumer.getConsumerGroup());
        mQClientFactory.shutdown();
        rebalanceImpl.destroy();
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

    private void updateTopicSubscribeInfoWhenSubscriptionChanged() {
        for (String topic : rebalanceImpl.getSubscriptionInner().keySet()) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(topic);
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
        if (mQClientFactory != null && isRunning()) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(topic);
            mQClientFactory.sendHeartbeatToAllBrokerWithLock();
            mQClientFactory.rebalanceImmediately();
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
        if (mQClientFactory != null) {
            mQClientFactory.rebalanceImmediately();
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
        String brokerAddr = brokerName != null ? mQClientFactory.findBrokerAddressInPublish(brokerName)
            : RemotingHelper.parseSocketAddressAddr(msg.getStoreHost());
        try {
            if (brokerAddr == null) {
                throw new MQClientException("The broker[" + brokerName + "] not exist", null);
            }
            mQClientFactory.getMQClientAPIImpl().consumerSendMessageBack(brokerAddr, brokerName, msg,
                defaultMQPushConsumer.getConsumerGroup(), delayLevel, SEND_BACK_TIMEOUT_MILLIS, getMaxReconsumeTimes());
        } catch (Exception e) {
            LOG.warn("send-back of {} to {} failed ({}), re-sending it to the retry topic", msg.getMsgId(), brokerAddr, e.toString());
            Message retry = retryMessage(msg, msg.getReconsumeTimes() + 1);
            retry.setDelayTimeLevel(3 + msg.getReconsumeTimes());
            mQClientFactory.getInternalProducer().send(retry);
        }
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
            Message retry = retryMessage(msg, msg.getReconsumeTimes());
            retry.setDelayTimeLevel(3 + msg.getReconsumeTimes());
            mQClientFactory.getInternalProducer().send(retry);
            return true;
        } catch (Exception e) {
            LOG.warn("sending {} to the retry topic failed: {}", msg.getMsgId(), e.toString());
            return false;
        }
    }

    private Message retryMessage(MessageExt msg, int reconsumeTimes) {
        Message retry = new Message(TopicNames.getRetryTopic(defaultMQPushConsumer.getConsumerGroup()), msg.getBody());
        String originMsgId = MessageAccessor.getOriginMessageId(msg);
        retry.setFlag(msg.getFlag());
        MessageAccessor.setProperties(retry, new HashMap<String, String>(msg.getProperties()));
        MessageAccessor.setOriginMessageId(retry, originMsgId == null ? msg.getMsgId() : originMsgId);
        MessageAccessor.putProperty(retry, MessageConst.PROPERTY_RETRY_TOPIC, msg.getTopic());
        MessageAccessor.setReconsumeTime(retry, String.valueOf(reconsumeTimes));
        MessageAccessor.setMaxReconsumeTimes(retry, String.valueOf(getMaxReconsumeTimes()));
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
    public void resetOffsetByBroker(String topic, Map<MessageQueue, Long> offsetTable) {
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
    }

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
        return new HashSet<SubscriptionData>(rebalanceImpl.getSubscriptionInner().values());
    }

    @Override
    public void doRebalance() {
        if (!pause && registeredWithBrokers && rebalanceImpl != null) {
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
        Set<MessageQueue> mqs = new HashSet<MessageQueue>(rebalanceImpl.getProcessQueueTable().keySet());
        if (offsetStore instanceof RemoteBrokerOffsetStore) {
            ((RemoteBrokerOffsetStore) offsetStore).persistAllSync(mqs);
        } else {
            offsetStore.persistAll(mqs);
        }
    }

    @Override
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        if (rebalanceImpl != null && rebalanceImpl.getSubscriptionInner().containsKey(topic)) {
            rebalanceImpl.getTopicSubscribeInfoTable().put(topic, info);
        }
    }

    @Override
    public boolean isSubscribeTopicNeedUpdate(String topic) {
        return rebalanceImpl != null && rebalanceImpl.getSubscriptionInner().containsKey(topic)
            && !rebalanceImpl.getTopicSubscribeInfoTable().containsKey(topic);
    }

    @Override
    public boolean isUnitMode() {
        return defaultMQPushConsumer.isUnitMode();
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        java.util.Properties p = info.getProperties();
        p.put("consumerGroup", defaultMQPushConsumer.getConsumerGroup());
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
        p.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, ConsumeType.CONSUME_PASSIVELY.name());
        p.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, String.valueOf(consumerStartTimestamp));
        p.put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, String.valueOf(defaultMQPushConsumer.getNamesrvAddr()));
        p.put(ConsumerRunningInfo.PROP_CLIENT_VERSION, MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        info.getSubscriptionSet().addAll(subscriptions());
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
