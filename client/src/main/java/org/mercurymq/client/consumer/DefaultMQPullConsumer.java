package org.mercurymq.client.consumer;

import java.util.HashSet;
import java.util.Set;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.QueryResult;
import org.mercurymq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.factory.MQAdminDelegate;
import org.mercurymq.client.impl.consumer.DefaultMQPullConsumerImpl;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.exception.RemotingException;

/**
 * The older pull consumer of RocketMQ 4.9's API (deprecated there in favour of
 * {@link DefaultLitePullConsumer}): pull a queue at an offset, store offsets yourself. Defaults:
 * plain pull time-out 10 s; blocking pulls are held by the broker up to 20 s and time out after 30 s.
 * Configure before {@code start()}; pulls and offset calls are thread-safe.
 */
public class DefaultMQPullConsumer extends ClientConfig implements MQPullConsumer {
    protected final transient DefaultMQPullConsumerImpl defaultMQPullConsumerImpl;
    /** The MQAdmin methods below, written once (namespace, not-started check). */
    private final transient MQAdminDelegate admin;

    private String consumerGroup;
    private long brokerSuspendMaxTimeMillis = 1000 * 20;
    private long consumerTimeoutMillisWhenSuspend = 1000 * 30;
    private long consumerPullTimeoutMillis = 1000 * 10;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private MessageQueueListener messageQueueListener;
    private OffsetStore offsetStore;
    private Set<String> registerTopics = new HashSet<String>();
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private boolean unitMode = false;
    private int maxReconsumeTimes = 16;

    public DefaultMQPullConsumer() {
        this(null, GroupNames.DEFAULT_CONSUMER_GROUP, null);
    }

    public DefaultMQPullConsumer(final String consumerGroup) {
        this(null, consumerGroup, null);
    }

    public DefaultMQPullConsumer(RPCHook rpcHook) {
        this(null, GroupNames.DEFAULT_CONSUMER_GROUP, rpcHook);
    }

    public DefaultMQPullConsumer(final String consumerGroup, RPCHook rpcHook) {
        this(null, consumerGroup, rpcHook);
    }

    public DefaultMQPullConsumer(String namespace, String consumerGroup) {
        this(namespace, consumerGroup, null);
    }

    public DefaultMQPullConsumer(String namespace, String consumerGroup, RPCHook rpcHook) {
        this.namespace = namespace;
        this.consumerGroup = consumerGroup;
        this.defaultMQPullConsumerImpl = new DefaultMQPullConsumerImpl(this, rpcHook);
        this.admin = new MQAdminDelegate(this, defaultMQPullConsumerImpl::getMQClientFactory, "The consumer is not started");
    }

    @Override
    public void start() throws MQClientException {
        setConsumerGroup(withNamespace(consumerGroup));
        defaultMQPullConsumerImpl.start();
    }

    @Override
    public void shutdown() {
        defaultMQPullConsumerImpl.shutdown();
    }

    @Override
    public void registerMessageQueueListener(String topic, MessageQueueListener listener) {
        synchronized (registerTopics) {
            registerTopics.add(withNamespace(topic));
            if (listener != null) {
                this.messageQueueListener = listener;
            }
        }
        defaultMQPullConsumerImpl.registerMessageQueueListener(withNamespace(topic));
    }

    // ---------------------------------------------------------------- pulls

    @Override
    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pull(mq, subExpression, offset, maxNums, consumerPullTimeoutMillis);
    }

    @Override
    public PullResult pull(MessageQueue mq, String subExpression, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), subExpression, null, offset, maxNums, false, timeout);
    }

    @Override
    public PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return pull(mq, selector, offset, maxNums, consumerPullTimeoutMillis);
    }

    @Override
    public PullResult pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), expression(selector), type(selector), offset, maxNums,
            false, timeout);
    }

    @Override
    public void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException {
        pull(mq, subExpression, offset, maxNums, pullCallback, consumerPullTimeoutMillis);
    }

    @Override
    public void pull(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback, long timeout)
        throws MQClientException, RemotingException, InterruptedException {
        defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), subExpression, null, offset, maxNums, false, timeout, pullCallback);
    }

    @Override
    public void pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException {
        pull(mq, selector, offset, maxNums, pullCallback, consumerPullTimeoutMillis);
    }

    @Override
    public void pull(MessageQueue mq, MessageSelector selector, long offset, int maxNums, PullCallback pullCallback,
                     long timeout) throws MQClientException, RemotingException, InterruptedException {
        defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), expression(selector), type(selector), offset, maxNums, false,
            timeout, pullCallback);
    }

    @Override
    public PullResult pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), subExpression, null, offset, maxNums, true,
            consumerTimeoutMillisWhenSuspend);
    }

    @Override
    public void pullBlockIfNotFound(MessageQueue mq, String subExpression, long offset, int maxNums, PullCallback pullCallback)
        throws MQClientException, RemotingException, InterruptedException {
        defaultMQPullConsumerImpl.pull(queueWithNamespace(mq), subExpression, null, offset, maxNums, true,
            consumerTimeoutMillisWhenSuspend, pullCallback);
    }

    private static String expression(MessageSelector selector) {
        return selector == null ? "*" : selector.getExpression();
    }

    private static String type(MessageSelector selector) {
        return selector == null ? null : selector.getExpressionType();
    }

    // ---------------------------------------------------------------- offsets and queues

    @Override
    public void updateConsumeOffset(MessageQueue mq, long offset) throws MQClientException {
        defaultMQPullConsumerImpl.updateConsumeOffset(queueWithNamespace(mq), offset);
    }

    @Override
    public long fetchConsumeOffset(MessageQueue mq, boolean fromStore) throws MQClientException {
        return defaultMQPullConsumerImpl.fetchConsumeOffset(queueWithNamespace(mq), fromStore);
    }

    @Override
    public Set<MessageQueue> fetchMessageQueuesInBalance(String topic) throws MQClientException {
        return defaultMQPullConsumerImpl.fetchMessageQueuesInBalance(withNamespace(topic));
    }

    /** Persists the stored offset of one queue to the broker now. */
    public void persist(MessageQueue mq) {
        defaultMQPullConsumerImpl.persist(queueWithNamespace(mq));
    }

    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        defaultMQPullConsumerImpl.sendMessageBack(msg, delayLevel, null, null);
    }

    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        defaultMQPullConsumerImpl.sendMessageBack(msg, delayLevel, brokerName, null);
    }

    @Override
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName, String consumerGroup)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        defaultMQPullConsumerImpl.sendMessageBack(msg, delayLevel, brokerName, consumerGroup);
    }

    @Override
    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return admin.fetchSubscribeMessageQueues(topic);
    }

    // ---------------------------------------------------------------- MQAdmin


    @Override
    public void createTopic(String key, String newTopic, int queueNum) throws MQClientException {
        createTopic(key, newTopic, queueNum, 0);
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

    public long getBrokerSuspendMaxTimeMillis() {
        return brokerSuspendMaxTimeMillis;
    }

    public void setBrokerSuspendMaxTimeMillis(long brokerSuspendMaxTimeMillis) {
        this.brokerSuspendMaxTimeMillis = brokerSuspendMaxTimeMillis;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
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

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public MessageQueueListener getMessageQueueListener() {
        return messageQueueListener;
    }

    public void setMessageQueueListener(MessageQueueListener messageQueueListener) {
        this.messageQueueListener = messageQueueListener;
    }

    public Set<String> getRegisterTopics() {
        synchronized (registerTopics) {
            return new HashSet<String>(registerTopics);
        }
    }

    public void setRegisterTopics(Set<String> registerTopics) {
        synchronized (this.registerTopics) {
            this.registerTopics = withNamespace(registerTopics);
        }
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public void setOffsetStore(OffsetStore offsetStore) {
        this.offsetStore = offsetStore;
    }

    public DefaultMQPullConsumerImpl getDefaultMQPullConsumerImpl() {
        return defaultMQPullConsumerImpl;
    }

    @Override
    public boolean isUnitMode() {
        return unitMode;
    }

    @Override
    public void setUnitMode(boolean isUnitMode) {
        this.unitMode = isUnitMode;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(final int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }
}
