package org.mercurymq.client.consumer;

import java.text.SimpleDateFormat;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.consumer.DefaultLitePullConsumerImpl;
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

/**
 * The lite pull consumer of RocketMQ 4.9's API: subscribe (group rebalance) or assign queues, then
 * {@link #poll()} batches; {@link #seek}, pause/resume, and commit automatically (default every 5 s)
 * or with {@link #commitSync()}. Defaults: 10 messages per pull, 20 pull threads, poll time-out 5 s.
 * Configure before {@code start()}; poll from one thread (the other methods are thread-safe).
 */
public class DefaultLitePullConsumer extends ClientConfig implements LitePullConsumer {
    private final DefaultLitePullConsumerImpl defaultLitePullConsumerImpl;

    private String consumerGroup;
    private long brokerSuspendMaxTimeMillis = 1000 * 20;
    private long consumerTimeoutMillisWhenSuspend = 1000 * 30;
    private long consumerPullTimeoutMillis = 1000 * 10;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private MessageQueueListener messageQueueListener;
    private OffsetStore offsetStore;
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private boolean unitMode = false;
    private boolean autoCommit = true;
    private int pullThreadNums = 20;
    private long autoCommitIntervalMillis = 5 * 1000;
    private int pullBatchSize = 10;
    private long pullThresholdForAll = 10000;
    private int consumeMaxSpan = 2000;
    private int pullThresholdForQueue = 1000;
    private int pullThresholdSizeForQueue = 100;
    private long pollTimeoutMillis = 1000 * 5;
    private long topicMetadataCheckIntervalMillis = 30 * 1000;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private String consumeTimestamp = new SimpleDateFormat("yyyyMMddHHmmss").format(new Date(System.currentTimeMillis() - 1000 * 60 * 30));
    private boolean connectBrokerByUser = false;
    private long defaultBrokerId = 0;
    private boolean enableMsgTrace = false;
    private String customizedTraceTopic;
    private TraceDispatcher traceDispatcher;
    private final transient RPCHook rpcHook;

    public DefaultLitePullConsumer() {
        this(null, GroupNames.DEFAULT_CONSUMER_GROUP, null);
    }

    public DefaultLitePullConsumer(final String consumerGroup) {
        this(null, consumerGroup, null);
    }

    public DefaultLitePullConsumer(RPCHook rpcHook) {
        this(null, GroupNames.DEFAULT_CONSUMER_GROUP, rpcHook);
    }

    public DefaultLitePullConsumer(final String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook);
    }

    public DefaultLitePullConsumer(final String namespace, final String consumerGroup, RPCHook rpcHook) {
        this.namespace = namespace;
        this.consumerGroup = consumerGroup;
        this.rpcHook = rpcHook;
        this.defaultLitePullConsumerImpl = new DefaultLitePullConsumerImpl(this, rpcHook);
    }

    @Override
    public void start() throws MQClientException {
        createTraceDispatcher();
        setConsumerGroup(withNamespace(consumerGroup));
        defaultLitePullConsumerImpl.start();
        TraceLifecycle.start(traceDispatcher, this);
    }

    /** As RocketMQ, the lite pull consumer decides on trace at start; unlike it, the trace sends carry the RPC hook. */
    private void createTraceDispatcher() {
        if (enableMsgTrace && traceDispatcher == null) {
            AsyncTraceDispatcher dispatcher = new AsyncTraceDispatcher(consumerGroup, TraceDispatcher.Type.CONSUME,
                customizedTraceTopic, rpcHook);
            dispatcher.getTraceProducer().setUseTLS(isUseTLS());
            this.traceDispatcher = dispatcher;
            defaultLitePullConsumerImpl.registerConsumeMessageHook(new ConsumeMessageTraceHookImpl(dispatcher));
        }
    }

    @Override
    public void shutdown() {
        defaultLitePullConsumerImpl.shutdown();
        TraceLifecycle.shutdown(traceDispatcher);
    }

    @Override
    public boolean isRunning() {
        return defaultLitePullConsumerImpl.isRunning();
    }

    @Override
    public void subscribe(String topic, String subExpression) throws MQClientException {
        defaultLitePullConsumerImpl.subscribe(withNamespace(topic), subExpression);
    }

    @Override
    public void subscribe(String topic, MessageSelector messageSelector) throws MQClientException {
        defaultLitePullConsumerImpl.subscribe(withNamespace(topic), messageSelector);
    }

    @Override
    public void subscribe(String topic, String subExpression, MessageQueueListener messageQueueListener)
        throws MQClientException {
        this.messageQueueListener = messageQueueListener;
        subscribe(topic, subExpression);
    }

    @Override
    public void unsubscribe(String topic) {
        defaultLitePullConsumerImpl.unsubscribe(withNamespace(topic));
    }

    @Override
    public void assign(Collection<MessageQueue> messageQueues) {
        defaultLitePullConsumerImpl.assign(queuesWithNamespace(messageQueues));
    }

    @Override
    public void setSubExpressionForAssign(final String topic, final String subExpression) {
        defaultLitePullConsumerImpl.setSubExpressionForAssign(withNamespace(topic), subExpression);
    }

    @Override
    public List<MessageExt> poll() {
        return defaultLitePullConsumerImpl.poll(pollTimeoutMillis);
    }

    @Override
    public List<MessageExt> poll(long timeout) {
        return defaultLitePullConsumerImpl.poll(timeout);
    }

    @Override
    public void seek(MessageQueue messageQueue, long offset) throws MQClientException {
        defaultLitePullConsumerImpl.seek(queueWithNamespace(messageQueue), offset);
    }

    @Override
    public void pause(Collection<MessageQueue> messageQueues) {
        defaultLitePullConsumerImpl.pause(queuesWithNamespace(messageQueues));
    }

    @Override
    public void resume(Collection<MessageQueue> messageQueues) {
        defaultLitePullConsumerImpl.resume(queuesWithNamespace(messageQueues));
    }

    @Override
    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        return defaultLitePullConsumerImpl.fetchMessageQueues(withNamespace(topic));
    }

    @Override
    public Long offsetForTimestamp(MessageQueue messageQueue, Long timestamp) throws MQClientException {
        return defaultLitePullConsumerImpl.offsetForTimestamp(queueWithNamespace(messageQueue), timestamp);
    }

    @Override
    public void registerTopicMessageQueueChangeListener(String topic, TopicMessageQueueChangeListener listener)
        throws MQClientException {
        defaultLitePullConsumerImpl.registerTopicMessageQueueChangeListener(withNamespace(topic), listener);
    }

    @Override
    public void commitSync() {
        defaultLitePullConsumerImpl.commitSync();
    }

    @Override
    public void commitSync(Map<MessageQueue, Long> offsetMap, boolean persist) {
        defaultLitePullConsumerImpl.commit(offsetMap, persist);
    }

    @Override
    public void commit(Set<MessageQueue> messageQueues, boolean persist) {
        defaultLitePullConsumerImpl.commit(messageQueues, persist);
    }

    @Override
    public Set<MessageQueue> assignment() throws MQClientException {
        return defaultLitePullConsumerImpl.assignment();
    }

    @Override
    public Long committed(MessageQueue messageQueue) throws MQClientException {
        return defaultLitePullConsumerImpl.committed(queueWithNamespace(messageQueue));
    }

    @Override
    public void updateNameServerAddress(String nameServerAddress) {
        defaultLitePullConsumerImpl.updateNameServerAddress(nameServerAddress);
    }

    @Override
    public void seekToBegin(MessageQueue messageQueue) throws MQClientException {
        defaultLitePullConsumerImpl.seekToBegin(queueWithNamespace(messageQueue));
    }

    @Override
    public void seekToEnd(MessageQueue messageQueue) throws MQClientException {
        defaultLitePullConsumerImpl.seekToEnd(queueWithNamespace(messageQueue));
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    public boolean isConnectBrokerByUser() {
        return connectBrokerByUser;
    }

    public void setConnectBrokerByUser(boolean connectBrokerByUser) {
        this.connectBrokerByUser = connectBrokerByUser;
    }

    public long getDefaultBrokerId() {
        return defaultBrokerId;
    }

    public void setDefaultBrokerId(long defaultBrokerId) {
        this.defaultBrokerId = defaultBrokerId;
    }

    public int getPullThreadNums() {
        return pullThreadNums;
    }

    public void setPullThreadNums(int pullThreadNums) {
        this.pullThreadNums = pullThreadNums;
    }

    public long getAutoCommitIntervalMillis() {
        return autoCommitIntervalMillis;
    }

    /** At least 1000 ms (smaller values are raised to it, as in RocketMQ). */
    public void setAutoCommitIntervalMillis(long autoCommitIntervalMillis) {
        this.autoCommitIntervalMillis = Math.max(1000, autoCommitIntervalMillis);
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public long getPullThresholdForAll() {
        return pullThresholdForAll;
    }

    public void setPullThresholdForAll(long pullThresholdForAll) {
        this.pullThresholdForAll = pullThresholdForAll;
    }

    public int getConsumeMaxSpan() {
        return consumeMaxSpan;
    }

    public void setConsumeMaxSpan(int consumeMaxSpan) {
        this.consumeMaxSpan = consumeMaxSpan;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int pullThresholdForQueue) {
        this.pullThresholdForQueue = pullThresholdForQueue;
    }

    public int getPullThresholdSizeForQueue() {
        return pullThresholdSizeForQueue;
    }

    public void setPullThresholdSizeForQueue(int pullThresholdSizeForQueue) {
        this.pullThresholdSizeForQueue = pullThresholdSizeForQueue;
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public long getBrokerSuspendMaxTimeMillis() {
        return brokerSuspendMaxTimeMillis;
    }

    public long getPollTimeoutMillis() {
        return pollTimeoutMillis;
    }

    public void setPollTimeoutMillis(long pollTimeoutMillis) {
        this.pollTimeoutMillis = pollTimeoutMillis;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    @Override
    public boolean isUnitMode() {
        return unitMode;
    }

    @Override
    public void setUnitMode(boolean isUnitMode) {
        this.unitMode = isUnitMode;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public MessageQueueListener getMessageQueueListener() {
        return messageQueueListener;
    }

    public void setMessageQueueListener(MessageQueueListener messageQueueListener) {
        this.messageQueueListener = messageQueueListener;
    }

    public long getConsumerPullTimeoutMillis() {
        return consumerPullTimeoutMillis;
    }

    public void setConsumerPullTimeoutMillis(long consumerPullTimeoutMillis) {
        this.consumerPullTimeoutMillis = consumerPullTimeoutMillis;
    }

    public long getConsumerTimeoutMillisWhenSuspend() {
        return consumerTimeoutMillisWhenSuspend;
    }

    public void setConsumerTimeoutMillisWhenSuspend(long consumerTimeoutMillisWhenSuspend) {
        this.consumerTimeoutMillisWhenSuspend = consumerTimeoutMillisWhenSuspend;
    }

    public long getTopicMetadataCheckIntervalMillis() {
        return topicMetadataCheckIntervalMillis;
    }

    public void setTopicMetadataCheckIntervalMillis(long topicMetadataCheckIntervalMillis) {
        this.topicMetadataCheckIntervalMillis = topicMetadataCheckIntervalMillis;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    /** Only CONSUME_FROM_FIRST_OFFSET, CONSUME_FROM_LAST_OFFSET and CONSUME_FROM_TIMESTAMP are accepted. */
    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        if (consumeFromWhere != ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET
            && consumeFromWhere != ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET
            && consumeFromWhere != ConsumeFromWhere.CONSUME_FROM_TIMESTAMP) {
            throw new RuntimeException("Invalid ConsumeFromWhere Value", null);
        }
        this.consumeFromWhere = consumeFromWhere;
    }

    public String getConsumeTimestamp() {
        return consumeTimestamp;
    }

    public void setConsumeTimestamp(String consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    /** The dispatcher of this consumer's message trace (created at {@code start()}), or null when trace is off. */
    public TraceDispatcher getTraceDispatcher() {
        return traceDispatcher;
    }

    /** Non-blank: trace records go to this topic instead of {@code RMQ_SYS_TRACE_TOPIC}. Set before {@code start()}. */
    public void setCustomizedTraceTopic(String customizedTraceTopic) {
        this.customizedTraceTopic = customizedTraceTopic;
    }

    public String getCustomizedTraceTopic() {
        return customizedTraceTopic;
    }

    public boolean isEnableMsgTrace() {
        return enableMsgTrace;
    }

    /** Traces every polled message (docs/client.md "Message trace"). Set before {@code start()}. */
    public void setEnableMsgTrace(boolean enableMsgTrace) {
        this.enableMsgTrace = enableMsgTrace;
    }

    public DefaultLitePullConsumerImpl getDefaultLitePullConsumerImpl() {
        return defaultLitePullConsumerImpl;
    }
}
