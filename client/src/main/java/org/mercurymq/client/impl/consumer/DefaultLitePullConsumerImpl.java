package org.mercurymq.client.impl.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.Validators;
import org.mercurymq.client.consumer.DefaultLitePullConsumer;
import org.mercurymq.client.consumer.MessageSelector;
import org.mercurymq.client.consumer.TopicMessageQueueChangeListener;
import org.mercurymq.client.consumer.MessageQueueListener;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.consumer.store.ReadOffsetType;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.ConsumeMessageHook;
import org.mercurymq.client.impl.factory.MQAdminImpl;
import org.mercurymq.client.impl.factory.MQConsumerInner;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.ProcessQueueInfo;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.client.impl.factory.ServiceState;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.filter.ExpressionType;
import org.mercurymq.common.filter.FilterAPI;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lite pull consumer engine: per assigned queue one chain of async long-polling pulls
 * ({@link LitePullChains}) fills a cache of batches that {@code poll()} hands to the application. Queues come from rebalance
 * (subscribe) or from {@code assign()}. {@code seek} starts a new chain at once and the results of the
 * old one are discarded (generation check). Offsets: the position after the last polled message,
 * committed automatically every autoCommitIntervalMillis during poll or by commitSync(). Thread-safe.
 */
public class DefaultLitePullConsumerImpl implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLitePullConsumerImpl.class);

    /** How queues are obtained; mixing both is refused. */
    private enum SubscriptionType {
        NONE, SUBSCRIBE, ASSIGN
    }

    private final DefaultLitePullConsumer config;
    private final RPCHook rpcHook;
    private final AssignedMessageQueue assigned = new AssignedMessageQueue();
    private final ConsumeMessageHooks consumeMessageHooks = new ConsumeMessageHooks();
    private final LinkedBlockingQueue<LitePullBatch> consumeRequestCache = new LinkedBlockingQueue<LitePullBatch>();
    /** Batches of paused queues, fetched before the pause, held until resume. */
    private final List<LitePullBatch> parked = new ArrayList<LitePullBatch>();
    private final Map<String, String> assignExpressions = new ConcurrentHashMap<String, String>();
    private final Map<String, SubscriptionData> pendingSubscriptions = new ConcurrentHashMap<String, SubscriptionData>();
    private final Map<String, TopicMessageQueueChangeListener> topicListeners = new ConcurrentHashMap<String, TopicMessageQueueChangeListener>();
    private final Map<String, Set<MessageQueue>> topicQueuesSeen = new ConcurrentHashMap<String, Set<MessageQueue>>();
    private volatile SubscriptionType subscriptionType = SubscriptionType.NONE;
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile ConsumerCore core;
    private volatile MQClientInstance mQClientFactory;
    private volatile MQAdminImpl admin;
    private volatile Clock clock;
    private volatile RebalancePullImpl rebalanceImpl;
    private volatile PullAPIWrapper pullAPIWrapper;
    private volatile OffsetStore offsetStore;
    private volatile ScheduledThreadPoolExecutor pullExecutor;
    private volatile LitePullChains chains;
    private volatile long nextAutoCommitDeadline = -1;

    public DefaultLitePullConsumerImpl(DefaultLitePullConsumer config, RPCHook rpcHook) {
        this.config = config;
        this.rpcHook = rpcHook;
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized void start() throws MQClientException {
        if (serviceState != ServiceState.CREATE_JUST) {
            throw new MQClientException("The lite pull consumer service state not OK, maybe started once, " + serviceState, null);
        }
        serviceState = ServiceState.START_FAILED;
        Validators.checkGroup(config.getConsumerGroup());
        if (GroupNames.DEFAULT_CONSUMER_GROUP.equals(config.getConsumerGroup())) {
            throw new MQClientException("consumerGroup can not equal " + GroupNames.DEFAULT_CONSUMER_GROUP
                + ", please specify another one.", null);
        }
        if (config.getMessageModel() == null || config.getAllocateMessageQueueStrategy() == null) {
            throw new MQClientException("messageModel and allocateMessageQueueStrategy must be set", null);
        }
        if (config.getMessageModel() == MessageModel.CLUSTERING) {
            config.changeInstanceNameToPID();
        }
        core = new ConsumerCore(config, config.getConsumerGroup(), config.getMessageModel(), rpcHook);
        mQClientFactory = core.connect();
        admin = core.admin();
        clock = core.clock();
        offsetStore = core.useOffsetStore(config.getOffsetStore());
        config.setOffsetStore(offsetStore);
        rebalanceImpl = new RebalancePullImpl(config.getConsumerGroup(), config.getMessageModel(),
            config.getAllocateMessageQueueStrategy(), mQClientFactory, core.api(), clock, offsetStore,
            (topic, mqAll, mqDivided) -> {
                updateAssignedQueues(topic, mqDivided);
                MessageQueueListener listener = config.getMessageQueueListener();
                if (listener != null) {
                    listener.messageQueueChanged(topic, mqAll, mqDivided);
                }
            });
        rebalanceImpl.getSubscriptionInner().putAll(pendingSubscriptions);
        core.useRebalance(rebalanceImpl);
        pullAPIWrapper = new PullAPIWrapper(mQClientFactory, core.api(), config.getConsumerGroup());
        pullAPIWrapper.setConnectBrokerByUser(config.isConnectBrokerByUser());
        pullAPIWrapper.setDefaultBrokerId(config.getDefaultBrokerId());
        pullExecutor = new ScheduledThreadPoolExecutor(config.getPullThreadNums(),
            new NamedThreadFactory("PullMsgThread-" + config.getConsumerGroup(), true));
        chains = new LitePullChains(this, config, assigned, consumeRequestCache, pullExecutor, pullAPIWrapper, admin);
        try {
            core.register(this);
        } catch (MQClientException e) {
            serviceState = ServiceState.CREATE_JUST;
            pullExecutor.shutdownNow();
            throw e;
        }
        core.startInstance();
        serviceState = ServiceState.RUNNING;
        nextAutoCommitDeadline = clock.millis() + config.getAutoCommitIntervalMillis();
        core.refreshRoutes();
        try {
            SubscriptionCheck.checkInBrokers(mQClientFactory, core.api(), config, config.getConsumerGroup(),
                rebalanceImpl.getSubscriptionInner().values());
        } catch (MQClientException e) {
            shutdown();
            throw e;
        }
        core.announce();
        for (AssignedMessageQueue.QueueState s : assigned.all()) {
            chains.start(s, 0);
        }
        pullExecutor.scheduleAtFixedRate(new Runnable() {
            @Override
            public void run() {
                checkTopicQueues();
            }
        }, 0, config.getTopicMetadataCheckIntervalMillis(), TimeUnit.MILLISECONDS);
        core.rebalanceNow();
        LOG.info("lite pull consumer group {} started on client {}", config.getConsumerGroup(), mQClientFactory.getClientId());
    }

    public synchronized void shutdown() {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        pullExecutor.shutdownNow();
        if (config.isAutoCommit()) {
            commitAll(true);
        }
        assigned.clear();
        core.close();
        LOG.info("lite pull consumer group {} shut down", config.getConsumerGroup());
    }

    public boolean isRunning() {
        return serviceState == ServiceState.RUNNING;
    }

    private void checkRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("The consumer not running, please start it first.");
        }
    }

    // ---------------------------------------------------------------- subscribe / assign

    private synchronized void setSubscriptionType(SubscriptionType type) {
        if (subscriptionType == SubscriptionType.NONE) {
            subscriptionType = type;
        } else if (subscriptionType != type) {
            throw new IllegalStateException("Subscribe and assign are mutually exclusive.");
        }
    }

    public void subscribe(String topic, String subExpression) throws MQClientException {
        subscribe(topic, MessageSelector.byTag(subExpression));
    }

    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        Validators.checkTopic(topic);
        if (selector == null) {
            selector = MessageSelector.byTag(SubscriptionData.SUB_ALL);
        }
        SubscriptionData sd;
        try {
            sd = FilterAPI.build(topic, selector.getExpression(), selector.getExpressionType());
        } catch (RuntimeException e) {
            throw new MQClientException("subscription exception: " + e.getMessage(), e);
        }
        setSubscriptionType(SubscriptionType.SUBSCRIBE);
        if (rebalanceImpl == null) {
            pendingSubscriptions.put(topic, sd);
            return;
        }
        rebalanceImpl.getSubscriptionInner().put(topic, sd);
        if (isRunning()) {
            core.subscriptionChanged(topic);
        }
    }

    public void unsubscribe(String topic) {
        pendingSubscriptions.remove(topic);
        if (rebalanceImpl != null) {
            rebalanceImpl.getSubscriptionInner().remove(topic);
        }
        updateAssignedQueues(topic, Collections.<MessageQueue>emptySet());
    }

    public synchronized void assign(Collection<MessageQueue> messageQueues) {
        if (messageQueues == null || messageQueues.isEmpty()) {
            throw new IllegalArgumentException("Message queues can not be null or empty.");
        }
        setSubscriptionType(SubscriptionType.ASSIGN);
        Set<MessageQueue> added = assigned.update(null, new HashSet<MessageQueue>(messageQueues));
        if (isRunning()) {
            for (MessageQueue mq : added) {
                chains.start(assigned.get(mq), 0);
            }
        }
    }

    public void setSubExpressionForAssign(String topic, String subExpression) {
        assignExpressions.put(topic, subExpression == null ? SubscriptionData.SUB_ALL : subExpression);
    }

    /** Rebalance result for a topic (subscribe mode). */
    void updateAssignedQueues(String topic, Set<MessageQueue> mqs) {
        Set<MessageQueue> added = assigned.update(topic, mqs);
        if (isRunning()) {
            for (MessageQueue mq : added) {
                chains.start(assigned.get(mq), 0);
            }
        }
        removeCachedRequestsNotAssigned();
    }

    private void removeCachedRequestsNotAssigned() {
        Iterator<LitePullBatch> it = consumeRequestCache.iterator();
        while (it.hasNext()) {
            LitePullBatch r = it.next();
            if (assigned.get(r.state.getMessageQueue()) != r.state) {
                it.remove();
            }
        }
    }

    public Set<MessageQueue> assignment() {
        return assigned.messageQueues();
    }

    /** Stops pulling these queues; batches already fetched are held back from poll() until resume. */
    public void pause(Collection<MessageQueue> mqs) {
        assigned.pause(mqs, true);
    }

    public void resume(Collection<MessageQueue> mqs) {
        assigned.pause(mqs, false);
        synchronized (parked) {
            Iterator<LitePullBatch> it = parked.iterator();
            while (it.hasNext()) {
                LitePullBatch b = it.next();
                if (!b.state.isPaused()) {
                    it.remove();
                    consumeRequestCache.add(b);
                }
            }
        }
    }

    SubscriptionData subscriptionOf(String topic) {
        SubscriptionData sd = rebalanceImpl.getSubscriptionInner().get(topic);
        if (sd != null) {
            return sd;
        }
        String expr = assignExpressions.get(topic);
        try {
            return FilterAPI.build(topic, expr == null ? SubscriptionData.SUB_ALL : expr, ExpressionType.TAG);
        } catch (RuntimeException e) {
            LOG.warn("bad expression {} for topic {}, reading everything: {}", expr, topic, e.toString());
            return FilterAPI.buildSubscriptionData(topic, SubscriptionData.SUB_ALL);
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

    // ---------------------------------------------------------------- poll, seek, commit

    public List<MessageExt> poll(long timeout) {
        checkRunning();
        long deadline = clock.millis() + Math.max(0, timeout);
        try {
            while (true) {
                maybeAutoCommit();
                long left = deadline - clock.millis();
                LitePullBatch r = left > 0 ? consumeRequestCache.poll(left, TimeUnit.MILLISECONDS) : consumeRequestCache.poll();
                if (r == null) {
                    return Collections.emptyList();
                }
                if (!chains.current(r.state, r.generation)) {
                    continue;
                }
                if (r.state.isPaused()) {
                    synchronized (parked) {
                        parked.add(r);
                    }
                    continue;
                }
                long next = r.messages.get(r.messages.size() - 1).getQueueOffset() + 1;
                r.state.setConsumeOffset(next);
                r.state.getProcessQueue().removeMessage(r.messages);
                if (config.getNamespace() != null) {
                    for (MessageExt m : r.messages) {
                        m.setTopic(config.withoutNamespace(m.getTopic()));
                    }
                }
                consumeMessageHooks.handedOut(config.getConsumerGroup(), config.getNamespace(), r.state.getMessageQueue(),
                    r.messages);
                return r.messages;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Collections.emptyList();
        }
    }

    private void maybeAutoCommit() {
        if (config.isAutoCommit() && clock.millis() >= nextAutoCommitDeadline) {
            nextAutoCommitDeadline = clock.millis() + config.getAutoCommitIntervalMillis();
            commitAll(false);
        }
    }

    /** Moves polled positions into the offset store and persists them. */
    private void commitAll(boolean sync) {
        Set<MessageQueue> mqs = new HashSet<MessageQueue>();
        for (AssignedMessageQueue.QueueState s : assigned.all()) {
            if (s.getConsumeOffset() >= 0) {
                offsetStore.updateOffset(s.getMessageQueue(), s.getConsumeOffset(), false);
            }
            mqs.add(s.getMessageQueue());
        }
        persist(mqs, sync);
    }

    private void persist(Set<MessageQueue> mqs, boolean sync) {
        core.persist(mqs, sync);
    }

    public void commitSync() {
        checkRunning();
        commitAll(true);
    }

    public void commit(Map<MessageQueue, Long> offsets, boolean persist) {
        checkRunning();
        for (Map.Entry<MessageQueue, Long> e : offsets.entrySet()) {
            offsetStore.updateOffset(e.getKey(), e.getValue(), false);
        }
        if (persist) {
            Set<MessageQueue> mqs = assigned.messageQueues();
            mqs.addAll(offsets.keySet());
            persist(mqs, true);
        }
    }

    public void commit(Set<MessageQueue> mqs, boolean persist) {
        checkRunning();
        Map<MessageQueue, Long> offsets = new HashMap<MessageQueue, Long>();
        for (MessageQueue mq : mqs) {
            AssignedMessageQueue.QueueState s = assigned.get(mq);
            if (s != null && s.getConsumeOffset() >= 0) {
                offsets.put(mq, s.getConsumeOffset());
            }
        }
        commit(offsets, persist);
    }

    public Long committed(MessageQueue mq) throws MQClientException {
        checkRunning();
        long offset = offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_STORE);
        if (offset == -2) {
            throw new MQClientException("Fetch consume offset from broker exception", null);
        }
        return offset;
    }

    /** Next poll of {@code mq} starts at {@code offset}; cached and in-flight results of it are dropped. */
    public void seek(MessageQueue mq, long offset) throws MQClientException {
        checkRunning();
        AssignedMessageQueue.QueueState state = assigned.get(mq);
        if (state == null) {
            throw new MQClientException("The message queue is not in assigned list, message queue: " + mq
                + (subscriptionType == SubscriptionType.SUBSCRIBE ? " (it may be assigned to another consumer by rebalance)" : ""),
                null);
        }
        long min = admin.minOffset(mq);
        long max = admin.maxOffset(mq);
        if (offset < min || offset > max) {
            throw new MQClientException("Seek offset illegal, seek offset = " + offset + ", min offset = " + min
                + ", max offset = " + max, null);
        }
        long generation = state.nextGeneration();
        state.setSeekOffset(offset);
        state.setConsumeOffset(offset);
        state.getProcessQueue().clear();
        Iterator<LitePullBatch> it = consumeRequestCache.iterator();
        while (it.hasNext()) {
            if (it.next().state == state) {
                it.remove();
            }
        }
        chains.schedule(state, generation, 0);
        LOG.info("group {} seeks {} to offset {}", config.getConsumerGroup(), mq, offset);
    }

    public void seekToBegin(MessageQueue mq) throws MQClientException {
        checkRunning();
        seek(mq, admin.minOffset(mq));
    }

    public void seekToEnd(MessageQueue mq) throws MQClientException {
        checkRunning();
        seek(mq, admin.maxOffset(mq));
    }

    public Long offsetForTimestamp(MessageQueue mq, Long timestamp) throws MQClientException {
        checkRunning();
        return admin.searchOffset(mq, timestamp);
    }

    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        checkRunning();
        return admin.fetchSubscribeMessageQueues(topic);
    }

    public void registerTopicMessageQueueChangeListener(String topic, TopicMessageQueueChangeListener listener)
        throws MQClientException {
        if (topic == null || listener == null) {
            throw new MQClientException("Topic or listener is null", null);
        }
        if (topicListeners.containsKey(topic)) {
            LOG.warn("topic {} already has a queue change listener; replacing it", topic);
        }
        topicListeners.put(topic, listener);
        if (isRunning()) {
            topicQueuesSeen.put(topic, new HashSet<MessageQueue>(fetchMessageQueues(topic)));
        }
    }

    private void checkTopicQueues() {
        for (Map.Entry<String, TopicMessageQueueChangeListener> e : topicListeners.entrySet()) {
            try {
                Set<MessageQueue> now = new HashSet<MessageQueue>(admin.fetchSubscribeMessageQueues(e.getKey()));
                Set<MessageQueue> before = topicQueuesSeen.put(e.getKey(), now);
                if (before != null && !before.equals(now)) {
                    e.getValue().onChanged(e.getKey(), now);
                }
            } catch (Exception ex) {
                LOG.warn("queue check of topic {} failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    public void updateNameServerAddress(String addrs) {
        if (core != null) {
            core.api().updateNameServerAddressList(addrs);
        }
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
        return config.getConsumeFromWhere();
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return core.subscriptions();
    }

    @Override
    public void doRebalance() {
        if (subscriptionType == SubscriptionType.SUBSCRIBE && core.mayRebalance()) {
            rebalanceImpl.doRebalance(false);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (isRunning()) {
            offsetStore.persistAll(assigned.messageQueues());
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
        ConsumerRunningInfo info = core.runningInfo(ConsumeType.CONSUME_ACTIVELY);
        info.getProperties().put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, String.valueOf(config.getNamesrvAddr()));
        for (AssignedMessageQueue.QueueState s : assigned.all()) {
            ProcessQueueInfo pqi = new ProcessQueueInfo();
            pqi.setCommitOffset(s.getConsumeOffset());
            s.getProcessQueue().fillProcessQueueInfo(pqi);
            info.getMqTable().put(s.getMessageQueue(), pqi);
        }
        return info;
    }

    public DefaultLitePullConsumer getDefaultLitePullConsumer() {
        return config;
    }

    MQClientInstance getMQClientFactory() {
        return mQClientFactory;
    }

    public OffsetStore getOffsetStore() {
        return offsetStore;
    }

    /** Queues currently assigned, for tests and tools. */
    public List<MessageQueue> assignedQueues() {
        return new ArrayList<MessageQueue>(assigned.messageQueues());
    }
}
