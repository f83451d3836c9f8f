package org.mercurymq.client.consumer;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.QueryResult;
import org.mercurymq.client.consumer.listener.MessageListener;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.consumer.listener.MessageListenerOrderly;
import org.mercurymq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.factory.MQAdminDelegate;
import org.mercurymq.client.impl.consumer.DefaultMQPushConsumerImpl;
import org.mercurymq.client.trace.AsyncTraceDispatcher;
import org.mercurymq.client.trace.TraceDispatcher;
import org.mercurymq.client.trace.TraceLifecycle;
import org.mercurymq.client.trace.hook.ConsumeMessageTraceHookImpl;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.exception.RemotingException;

/**
 * The push consumer of RocketMQ 4.9's API: subscribe, register a listener, {@link #start()}; messages
 * are pulled in the background (long polling) and handed to the listener. Defaults: CLUSTERING,
 * CONSUME_FROM_LAST_OFFSET, 20 consume threads, 1 message per listener call, 32 per pull, pull flow
 * control at 1000 messages / 100 MiB per queue, averagely allocation. Configure before {@code start()};
 * after that the methods are thread-safe.
 */
public class DefaultMQPushConsumer extends ClientConfig implements MQPushConsumer {
    protected final transient DefaultMQPushConsumerImpl defaultMQPushConsumerImpl;
    /** The MQAdmin methods below, written once (namespace, not-started check). */
    private final transient MQAdminDelegate admin;

    private String consumerGroup;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private String consumeTimestamp = new SimpleDateFormat("yyyyMMddHHmmss").format(new Date(System.currentTimeMillis() - 1000 * 60 * 30));
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    private Map<String, String> subscription = new HashMap<String, String>();
    private MessageListener messageListener;
    private OffsetStore offsetStore;
    private int consumeThreadMin = 20;
    private int consumeThreadMax = 20;
    private long adjustThreadPoolNumsThreshold = 100000;
    private int consumeConcurrentlyMaxSpan = 2000;
    private int pullThresholdForQueue = 1000;
    private int pullThresholdSizeForQueue = 100;
    private int pullThresholdForTopic = -1;
    private int pullThresholdSizeForTopic = -1;
    private long pullInterval = 0;
    private int consumeMessageBatchMaxSize = 1;
    private int pullBatchSize = 32;
    private boolean postSubscriptionWhenPull = false;
    private boolean unitMode = false;
    private int maxReconsumeTimes = -1;
    private long suspendCurrentQueueTimeMillis = 1000;
    private long consumeTimeout = 15;
    private long awaitTerminationMillisWhenShutdown = 0;
    private TraceDispatcher traceDispatcher;

    public DefaultMQPushConsumer() {
        this(null, GroupNames.DEFAULT_CONSUMER_GROUP, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(final String consumerGroup) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(final String namespace, final String consumerGroup) {
        this(namespace, consumerGroup, null, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(RPCHook rpcHook) {
        this(null, GroupNames.DEFAULT_CONSUMER_GROUP, rpcHook, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(final String namespace, final String consumerGroup, RPCHook rpcHook) {
        this(namespace, consumerGroup, rpcHook, new AllocateMessageQueueAveragely());
    }

    public DefaultMQPushConsumer(final String consumerGroup, RPCHook rpcHook,
                                 AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this(null, consumerGroup, rpcHook, allocateMessageQueueStrategy);
    }

    public DefaultMQPushConsumer(final String namespace, final String consumerGroup, RPCHook rpcHook,
                                 AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.consumerGroup = consumerGroup;
        this.namespace = namespace;
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
        this.defaultMQPushConsumerImpl = new DefaultMQPushConsumerImpl(this, rpcHook);
        this.admin = new MQAdminDelegate(this, defaultMQPushConsumerImpl::getMQClientFactory, "The consumer is not started");
    }

    /** With {@code enableMsgTrace} every consumed message is traced to {@code RMQ_SYS_TRACE_TOPIC} (docs/client.md "Message trace"). */
    public DefaultMQPushConsumer(final String consumerGroup, boolean enableMsgTrace) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely(), enableMsgTrace, null);
    }

    /** As {@link #DefaultMQPushConsumer(String, boolean)}; a non-blank {@code customizedTraceTopic} replaces the trace topic. */
    public DefaultMQPushConsumer(final String consumerGroup, boolean enableMsgTrace, final String customizedTraceTopic) {
        this(null, consumerGroup, null, new AllocateMessageQueueAveragely(), enableMsgTrace, customizedTraceTopic);
    }

    public DefaultMQPushConsumer(final String consumerGroup, RPCHook rpcHook,
                                 AllocateMessageQueueStrategy allocateMessageQueueStrategy, boolean enableMsgTrace,
                                 final String customizedTraceTopic) {
        this(null, consumerGroup, rpcHook, allocateMessageQueueStrategy, enableMsgTrace, customizedTraceTopic);
    }

    public DefaultMQPushConsumer(final String namespace, final String consumerGroup, RPCHook rpcHook,
                                 AllocateMessageQueueStrategy allocateMessageQueueStrategy, boolean enableMsgTrace,
                                 final String customizedTraceTopic) {
        this(namespace, consumerGroup, rpcHook, allocateMessageQueueStrategy);
        if (enableMsgTrace) {
            AsyncTraceDispatcher dispatcher = new AsyncTraceDispatcher(consumerGroup, TraceDispatcher.Type.CONSUME,
                customizedTraceTopic, rpcHook);
            dispatcher.setHostConsumer(this.defaultMQPushConsumerImpl);
            this.traceDispatcher = dispatcher;
            this.defaultMQPushConsumerImpl.registerConsumeMessageHook(new ConsumeMessageTraceHookImpl(dispatcher));
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void start() throws MQClientException {
        setConsumerGroup(withNamespace(this.consumerGroup));
        this.defaultMQPushConsumerImpl.start();
        TraceLifecycle.start(traceDispatcher, this);
    }

    @Override
    public void shutdown() {
        this.defaultMQPushConsumerImpl.shutdown();
        TraceLifecycle.shutdown(traceDispatcher);
    }

    /** Also applies to the trace producer when message trace is on. */
    @Override
    public void setUseTLS(boolean useTLS) {
        super.setUseTLS(useTLS);
        if (traceDispatcher instanceof AsyncTraceDispatcher) {
            ((AsyncTraceDispatcher) traceDispatcher).getTraceProducer().setUseTLS(useTLS);
        }
    }

    /** The dispatcher of this consumer's message trace, or null when trace is off. */
    public TraceDispatcher getTraceDispatcher() {
        return traceDispatcher;
    }

    @Override
    @Deprecated
    public void registerMessageListener(MessageListener messageListener) {
        this.messageListener = messageListener;
    }

    @Override
    public void registerMessageListener(MessageListenerConcurrently messageListener) {
        this.messageListener = messageListener;
    }

    @Override
    public void registerMessageListener(MessageListenerOrderly messageListener) {
        this.messageListener = messageListener;
    }

    @Override
    public void subscribe(String topic, String subExpression) throws MQClientException {
        this.defaultMQPushConsumerImpl.subscribe(withNamespace(topic), subExpression);
    }

    /** Class filters are not supported. */
    @Override
    @Deprecated
    public void subscribe(String topic, String fullClassName, String filterClassSource) throws MQClientException {
        throw new MQClientException("class filter subscriptions are not supported", null);
    }

    @Override
    public void subscribe(final String topic, final MessageSelector messageSelector) throws MQClientException {
        this.defaultMQPushConsumerImpl.subscribe(withNamespace(topic), messageSelector);
    }

    @Override
    public void unsubscribe(String topic) {
        this.defaultMQPushConsumerImpl.unsubscribe(withNamespace(topic));
    }

    @Override
    public void updateCorePoolSize(int corePoolSize) {
        this.defaultMQPushConsumerImpl.updateCorePoolSize(corePoolSize);
    }

    @Override
    public void suspend() {
        this.defaultMQPushConsumerImpl.suspend();
    }

    @Override
    public void resume() {
        this.defaultMQPushConsumerImpl.resume();
    }

    // ---------------------------------------------------------------- MQConsumer / MQAdmin

    @Override
    @Deprecated
    public void sendMessageBack(MessageExt msg, int delayLevel)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        msg.setTopic(withNamespace(msg.getTopic()));
        this.defaultMQPushConsumerImpl.sendMessageBack(msg, delayLevel, null);
    }

    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        msg.setTopic(withNamespace(msg.getTopic()));
        this.defaultMQPushConsumerImpl.sendMessageBack(msg, delayLevel, brokerName);
    }

    @Override
    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return admin.fetchSubscribeMessageQueues(topic);
    }

    @Override
    @Deprecated
    public void createTopic(String key, String newTopic, int queueNum) throws MQClientException {
        createTopic(key, withNamespace(newTopic), queueNum, 0);
    }

    @Override
    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        admin.createTopic(key, newTopic, queueNum, topicSysFlag);
    }

    @Override
    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return admin.searchOffset(mq, timestamp);
    }

    @Override
    public long maxOffset(MessageQueue mq) throws MQClientException {
        return admin.maxOffset(mq);
    }

    @Override
    public long minOffset(MessageQueue mq) throws MQClientException {
        return admin.minOffset(mq);
    }

    @Override
    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return admin.earliestMsgStoreTime(mq);
    }

    @Override
    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return admin.viewMessage(offsetMsgId);
    }

    @Override
    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return admin.queryMessage(topic, key, maxNum, begin, end);
    }

    @Override
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return admin.viewMessage(topic, msgId);
    }


    // ---------------------------------------------------------------- settings

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public int getConsumeConcurrentlyMaxSpan() {
        return consumeConcurrentlyMaxSpan;
    }

    public void setConsumeConcurrentlyMaxSpan(int consumeConcurrentlyMaxSpan) {
        this.consumeConcurrentlyMaxSpan = consumeConcurrentlyMaxSpan;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public int getConsumeMessageBatchMaxSize() {
        return consumeMessageBatchMaxSize;
    }

    public void setConsumeMessageBatchMaxSize(int consumeMessageBatchMaxSize) {
        this.consumeMessageBatchMaxSize = consumeMessageBatchMaxSize;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public int getConsumeThreadMax() {
        return consumeThreadMax;
    }

    public void setConsumeThreadMax(int consumeThreadMax) {
        this.consumeThreadMax = consumeThreadMax;
    }

    public int getConsumeThreadMin() {
        return consumeThreadMin;
    }

    public void setConsumeThreadMin(int consumeThreadMin) {
        this.consumeThreadMin = consumeThreadMin;
    }

    public DefaultMQPushConsumerImpl getDefaultMQPushConsumerImpl() {
        return defaultMQPushConsumerImpl;
    }

    public MessageListener getMessageListener() {
        return messageListener;
    }

    public void setMessageListener(MessageListener messageListener) {
        this.messageListener = messageListener;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public long getPullInterval() {
        return pullInterval;
    }

    public void setPullInterval(long pullInterval) {
        this.pullInterval = pullInterval;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int pullThresholdForQueue) {
        this.pullThresholdForQueue = pullThresholdForQueue;
    }

    public int getPullThresholdForTopic() {
        return pullThresholdForTopic;
    }

    public void setPullThresholdForTopic(final int pullThresholdForTopic) {
        this.pullThresholdForTopic = pullThresholdForTopic;
    }

    public int getPullThresholdSizeForQueue() {
        return pullThresholdSizeForQueue;
    }

    public void setPullThresholdSizeForQueue(final int pullThresholdSizeForQueue) {
        this.pullThresholdSizeForQueue = pullThresholdSizeForQueue;
    }

    public int getPullThresholdSizeForTopic() {
        return pullThresholdSizeForTopic;
    }

    public void setPullThresholdSizeForTopic(final int pullThresholdSizeForTopic) {
        this.pullThresholdSizeForTopic = pullThresholdSizeForTopic;
    }

    public Map<String, String> getSubscription() {
        return subscription;
    }

    /** Topic → expression, applied at {@code start()}. */
    public void setSubscription(Map<String, String> subscription) {
        Map<String, String> withNs = new HashMap<String, String>();
        for (Map.Entry<String, String> e : subscription.entrySet()) {
            withNs.put(withNamespace(e.getKey()), e.getValue());
        }
        this.subscription = withNs;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public String getConsumeTimestamp() {
        return consumeTimestamp;
    }

    /** Start point for CONSUME_FROM_TIMESTAMP, {@code yyyyMMddHHmmss}; default 30 minutes before creation. */
    public void setConsumeTimestamp(String consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    public boolean isPostSubscriptionWhenPull() {
        return postSubscriptionWhenPull;
    }

    public void setPostSubscriptionWhenPull(boolean postSubscriptionWhenPull) {
        this.postSubscriptionWhenPull = postSubscriptionWhenPull;
    }

    @Override
    public boolean isUnitMode() {
        return unitMode;
    }

    @Override
    public void setUnitMode(boolean isUnitMode) {
        this.unitMode = isUnitMode;
    }

    public long getAdjustThreadPoolNumsThreshold() {
        return adjustThreadPoolNumsThreshold;
    }

    public void setAdjustThreadPoolNumsThreshold(long adjustThreadPoolNumsThreshold) {
        this.adjustThreadPoolNumsThreshold = adjustThreadPoolNumsThreshold;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    /** −1 (default) means 16 for concurrent consumption and unlimited for orderly consumption. */
    public void setMaxReconsumeTimes(final int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public long getSuspendCurrentQueueTimeMillis() {
        return suspendCurrentQueueTimeMillis;
    }

    public void setSuspendCurrentQueueTimeMillis(final long suspendCurrentQueueTimeMillis) {
        this.suspendCurrentQueueTimeMillis = suspendCurrentQueueTimeMillis;
    }

    public long getConsumeTimeout() {
        return consumeTimeout;
    }

    /**
     * Minutes (default 15): concurrently consumed messages whose listener call has run longer are sent
     * back for redelivery so the queue's offset can move on.
     */
    public void setConsumeTimeout(final long consumeTimeout) {
        this.consumeTimeout = consumeTimeout;
    }

    public long getAwaitTerminationMillisWhenShutdown() {
        return awaitTerminationMillisWhenShutdown;
    }

    public void setAwaitTerminationMillisWhenShutdown(long awaitTerminationMillisWhenShutdown) {
        this.awaitTerminationMillisWhenShutdown = awaitTerminationMillisWhenShutdown;
    }
}
