package org.mercurymq.client.impl.consumer;

import java.util.HashSet;
import java.util.Set;
import org.mercurymq.client.Validators;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.PullCallback;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.MessageQueueListener;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.consumer.store.ReadOffsetType;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.ConsumeMessageHook;
import org.mercurymq.client.hook.FilterMessageHook;
import org.mercurymq.client.impl.HookList;
import org.mercurymq.client.impl.CommunicationMode;
import org.mercurymq.client.impl.factory.MQConsumerInner;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.client.impl.factory.ServiceState;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.filter.FilterAPI;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.common.sysflag.PullSysFlag;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The older pull consumer: the application pulls queue by queue (plain or long-polling) and stores
 * offsets itself; registered topics take part in rebalance so the application can ask which queues
 * it holds. Thread-safe.
 */
public class DefaultMQPullConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQPullConsumerImpl.class);
    private static final long SEND_BACK_TIMEOUT_MILLIS = 3000;

    private final DefaultMQPullConsumer config;
    private final RPCHook rpcHook;
    private volatile ConsumerCore core;
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile MQClientInstance mQClientFactory;
    private volatile RebalancePullImpl rebalanceImpl;
    private volatile PullAPIWrapper pullAPIWrapper;
    private volatile OffsetStore offsetStore;
    private final ConsumeMessageHooks consumeMessageHooks = new ConsumeMessageHooks();
    private final HookList<FilterMessageHook> filterMessageHooks = new HookList<FilterMessageHook>("filter message");

    public DefaultMQPullConsumerImpl(DefaultMQPullConsumer config, RPCHook rpcHook) {
        this.config = config;
        this.rpcHook = rpcHook;
    }

    public synchronized void start() throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The PullConsumer service state not OK, maybe started once, " + serviceState, null);
        }
        serviceState = ServiceState.START_FAILED;
        Validators.checkGroup(config.getConsumerGroup());
        if (config.getMessageModel() == MessageModel.CLUSTERING) {
            config.changeInstanceNameToPID();
        }
        core = new ConsumerCore(config, config.getConsumerGroup(), config.getMessageModel(), rpcHook);
        mQClientFactory = core.connect();
        offsetStore = core.useOffsetStore(config.getOffsetStore());
        config.setOffsetStore(offsetStore);
        rebalanceImpl = new RebalancePullImpl(config.getConsumerGroup(), config.getMessageModel(),
            config.getAllocateMessageQueueStrategy(), mQClientFactory, core.api(), core.clock(), offsetStore,
            (topic, mqAll, mqDivided) -> {
                MessageQueueListener listener = config.getMessageQueueListener();
                if (listener != null) {
                    listener.messageQueueChanged(topic, mqAll, mqDivided);
                }
            });
        for (String topic : config.getRegisterTopics()) {
            rebalanceImpl.getSubscriptionInner().put(topic, FilterAPI.buildSubscriptionData(topic, SubscriptionData.SUB_ALL));
        }
        core.useRebalance(rebalanceImpl);
        pullAPIWrapper = new PullAPIWrapper(mQClientFactory, core.api(), config.getConsumerGroup());
        pullAPIWrapper.useFilterMessageHooks(filterMessageHooks, config.isUnitMode());
        try {
            core.register(this);
        } catch (MQClientException e) {
            serviceState = ServiceState.CREATE_JUST;
            throw e;
        }
        core.startInstance();
        serviceState = ServiceState.RUNNING;
        core.refreshRoutes();
        core.announce();
        core.rebalanceNow();
        LOG.info("pull consumer group {} started on client {}", config.getConsumerGroup(), mQClientFactory.getClientId());
    }

    public synchronized void shutdown() {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        persistAll(true);
        core.close();
    }

    private void makeSureStateOK() throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The consumer service state not OK, " + serviceState, null);
        }
    }

    /** Persists every offset the application stored, not only those of rebalanced queues. */
    private void persistAll(boolean sync) {
        Set<MessageQueue> mqs = new HashSet<MessageQueue>(offsetStore.cloneOffsetTable(null).keySet());
        mqs.addAll(rebalanceImpl.getProcessQueueTable().keySet());
        core.persist(mqs, sync);
    }

    // ---------------------------------------------------------------- pulls

    private static SubscriptionData subscription(MessageQueue mq, String subExpression, String type) throws MQClientException {
        try {
            return type == null ? FilterAPI.buildSubscriptionData(mq.getTopic(), subExpression)
                : FilterAPI.build(mq.getTopic(), subExpression, type);
        } catch (RuntimeException e) {
            throw new MQClientException("parse subscription error: " + e.getMessage(), e);
        }
    }

    private void checkArgs(MessageQueue mq, long offset, int maxNums) throws MQClientException {
        if (mq == null) {
            throw new MQClientException("mq is null", null);
        }
        if (offset < 0) {
            throw new MQClientException("offset < 0", null);
        }
        if (maxNums <= 0) {
            throw new MQClientException("maxNums <= 0", null);
        }
    }

    // ---------------------------------------------------------------- hooks

    public void registerConsumeMessageHook(ConsumeMessageHook hook) {
        consumeMessageHooks.register(hook);
    }

    public void executeHookBefore(ConsumeMessageContext context) {
        consumeMessageHooks.before(context);
    }

    public void executeHookAfter(ConsumeMessageContext context) {
        consumeMessageHooks.after(context);
    }

    public void registerFilterMessageHook(FilterMessageHook hook) {
        filterMessageHooks.register(hook);
    }

    public PullResult pull(MessageQueue mq, String subExpression, String type, long offset, int maxNums, boolean block,
                           long timeout) throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        makeSureStateOK();
        checkArgs(mq, offset, maxNums);
        SubscriptionData sd = subscription(mq, subExpression, type);
        long timeoutMillis = block ? config.getConsumerTimeoutMillisWhenSuspend() : timeout;
        PullResult raw = pullAPIWrapper.pullKernelImpl(mq, sd.getSubString(), sd.getExpressionType(), 0L, offset, maxNums,
            PullSysFlag.buildSysFlag(false, block, true, false), 0, config.getBrokerSuspendMaxTimeMillis(), timeoutMillis,
            CommunicationMode.SYNC, null);
        PullResult result = pullAPIWrapper.processPullResult(mq, raw, sd);
        consumeMessageHooks.handedOut(config.getConsumerGroup(), config.getNamespace(), mq, result.getMsgFoundList());
        return result;
    }

    public void pull(final MessageQueue mq, String subExpression, String type, long offset, int maxNums, boolean block,
                     long timeout, final PullCallback callback) throws MQClientException, RemotingException, InterruptedException {
        makeSureStateOK();
        checkArgs(mq, offset, maxNums);
        if (callback == null) {
            throw new MQClientException("pullCallback is null", null);
        }
        final SubscriptionData sd = subscription(mq, subExpression, type);
        long timeoutMillis = block ? config.getConsumerTimeoutMillisWhenSuspend() : timeout;
        try {
            pullAPIWrapper.pullKernelImpl(mq, sd.getSubString(), sd.getExpressionType(), 0L, offset, maxNums,
                PullSysFlag.buildSysFlag(false, block, true, false), 0, config.getBrokerSuspendMaxTimeMillis(), timeoutMillis,
                CommunicationMode.ASYNC, new PullCallback() {
                    @Override
                    public void onSuccess(PullResult pullResult) {
                        callback.onSuccess(pullAPIWrapper.processPullResult(mq, pullResult, sd));
                    }

                    @Override
                    public void onException(Throwable e) {
                        callback.onException(e);
                    }
                });
        } catch (MQBrokerException e) {
            throw new MQClientException("pullAsync unknown exception", e);
        }
    }

    // ---------------------------------------------------------------- offsets and queues

    public void updateConsumeOffset(MessageQueue mq, long offset) throws MQClientException {
        makeSureStateOK();
        offsetStore.updateOffset(mq, offset, false);
    }

    public long fetchConsumeOffset(MessageQueue mq, boolean fromStore) throws MQClientException {
        makeSureStateOK();
        return offsetStore.readOffset(mq, fromStore ? ReadOffsetType.READ_FROM_STORE : ReadOffsetType.MEMORY_FIRST_THEN_STORE);
    }

    public void persist(MessageQueue mq) {
        offsetStore.persist(mq);
    }

    public Set<MessageQueue> fetchMessageQueuesInBalance(String topic) throws MQClientException {
        makeSureStateOK();
        Set<MessageQueue> out = new HashSet<MessageQueue>();
        for (MessageQueue mq : rebalanceImpl.getProcessQueueTable().keySet()) {
            if (mq.getTopic().equals(topic)) {
                out.add(mq);
            }
        }
        return out;
    }

    public void registerMessageQueueListener(String topic) {
        if (rebalanceImpl != null) {
            rebalanceImpl.getSubscriptionInner().put(topic, FilterAPI.buildSubscriptionData(topic, SubscriptionData.SUB_ALL));
        }
    }

    /** CONSUMER_SEND_MSG_BACK, falling back to a re-send to %RETRY%group (docs/protocol/behaviour.md §8). */
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName, String consumerGroup)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        makeSureStateOK();
        String group = consumerGroup != null ? consumerGroup : config.getConsumerGroup();
        core.sendMessageBack(msg, delayLevel, brokerName, group, SEND_BACK_TIMEOUT_MILLIS, config.getMaxReconsumeTimes(),
            ConsumerCore.retryMessage(msg, group, msg.getReconsumeTimes() + 1, config.getMaxReconsumeTimes()));
    }

    // ---------------------------------------------------------------- MQConsumerInner

    @Override
    public String groupName() {
        return config.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return config.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_ACTIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return core.subscriptions();
    }

    @Override
    public void doRebalance() {
        if (core.mayRebalance()) {
            rebalanceImpl.doRebalance(false);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (serviceState == ServiceState.RUNNING) {
            persistAll(false);
        }
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
    public boolean isUnitMode() {
        return config.isUnitMode();
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        return core.runningInfo(ConsumeType.CONSUME_ACTIVELY);
    }

    public DefaultMQPullConsumer getDefaultMQPullConsumer() {
        return config;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    public MQClientInstance getMQClientFactory() {
        return mQClientFactory;
    }
}
