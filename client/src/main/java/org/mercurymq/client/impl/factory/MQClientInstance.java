package org.mercurymq.client.impl.factory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.FindBrokerResult;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance every producer and consumer with the same client id shares: one remoting client, the
 * route cache, and the periodic duties (timers in docs/protocol/behaviour.md §14) — route refresh from the name
 * server (30 s), heartbeats to brokers (30 s), offset persistence (5 s), rebalance (20 s and on
 * notification) — plus the pull thread and the internal producer used for consumer retries.
 * Lifecycle: started by the first client, shut down by the last. Thread-safe.
 */
public class MQClientInstance {
    private static final Logger LOG = LoggerFactory.getLogger(MQClientInstance.class);
    private static final long LOCK_TIMEOUT_MILLIS = 3000;

    private final ClientConfig clientConfig;
    private final String clientId;
    private final long bootTimestamp = System.currentTimeMillis();
    private final NettyClientConfig nettyClientConfig;
    private final MQClientAPIImpl mQClientAPIImpl;
    private final MQAdminImpl mQAdminImpl;
    private final TopicRouteCache routes = new TopicRouteCache();
    private final ConcurrentHashMap<String, RegisteredProducer> producerTable = new ConcurrentHashMap<String, RegisteredProducer>();
    private final ConcurrentHashMap<String, MQConsumerInner> consumerTable = new ConcurrentHashMap<String, MQConsumerInner>();
    private final ConcurrentHashMap<String, String> routeFailures = new ConcurrentHashMap<String, String>();
    private final Lock lockNamesrv = new ReentrantLock();
    private final Lock lockHeartbeat = new ReentrantLock();
    private final ScheduledExecutorService scheduledExecutorService;
    private final ExecutorService remotingRequestExecutor;
    private final PullMessageService pullMessageService;
    private final RebalanceService rebalanceService;
    private final ProducerServices.InternalSender internalProducer;
    private final BrokerHeartbeat heartbeat;
    private final Clock clock;
    private ServiceState serviceState = ServiceState.CREATE_JUST;

    public MQClientInstance(ClientConfig clientConfig, String clientId, RPCHook rpcHook, ProducerServices producerServices) {
        this(clientConfig, clientId, rpcHook, producerServices, Clock.systemUTC());
    }

    /**
     * {@code clock} decides this instance's time-outs and expiries (remoting, process queues, producers);
     * {@code producerServices} gives the internal sender and the reply receiver (the producer layer is above this one).
     */
    public MQClientInstance(ClientConfig clientConfig, String clientId, RPCHook rpcHook, ProducerServices producerServices,
                            Clock clock) {
        this.clock = clock;
        this.clientConfig = clientConfig;
        this.clientId = clientId;
        // useTLS covers name server and broker connections alike (docs/security.md)
        this.nettyClientConfig = NettyClientConfig.builder()
            .clientCallbackExecutorThreads(clientConfig.getClientCallbackExecutorThreads())
            .useTLS(clientConfig.isUseTLS())
            .build();
        this.mQClientAPIImpl = new MQClientAPIImpl(nettyClientConfig, clientConfig, rpcHook, clock);
        if (clientConfig.getNamesrvAddr() != null) {
            mQClientAPIImpl.updateNameServerAddressList(clientConfig.getNamesrvAddr());
        }
        this.mQAdminImpl = new MQAdminImpl(mQClientAPIImpl, clientConfig.getMqClientApiTimeout(), this);
        this.scheduledExecutorService = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("MQClientFactoryScheduledThread", true));
        this.remotingRequestExecutor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<Runnable>(10000), new NamedThreadFactory("ClientRemotingProcessor", true));
        this.pullMessageService = new PullMessageService();
        this.rebalanceService = new RebalanceService(this);
        this.internalProducer = producerServices.internalSender(clientConfig);
        this.heartbeat = new BrokerHeartbeat(clientId, mQClientAPIImpl, routes, producerTable, consumerTable,
            clientConfig.getMqClientApiTimeout());
        ClientRemotingProcessor processor = new ClientRemotingProcessor(this, clientConfig.getNamespace(), producerServices);
        int[] codes = {RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
            RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, RequestCode.GET_CONSUMER_RUNNING_INFO,
            RequestCode.CONSUME_MESSAGE_DIRECTLY, RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, RequestCode.CHECK_TRANSACTION_STATE};
        for (int code : codes) {
            mQClientAPIImpl.getRemotingClient().registerProcessor(code, processor, remotingRequestExecutor);
        }
        LOG.info("created client instance {} (name servers {})", clientId, clientConfig.getNamesrvAddr());
    }

    public void start() throws MQClientException {
        synchronized (this) {
            switch (serviceState) {
                case CREATE_JUST:
                    serviceState = ServiceState.START_FAILED;
                    mQClientAPIImpl.start();
                    startScheduledTasks();
                    pullMessageService.start();
                    rebalanceService.start();
                    internalProducer.start();
                    serviceState = ServiceState.RUNNING;
                    LOG.info("client instance {} started", clientId);
                    break;
                case START_FAILED:
                    throw new MQClientException("The Factory object[" + clientId + "] has been created before, and failed.", null);
                default:
                    break;
            }
        }
    }

    private void startScheduledTasks() {
        scheduledExecutorService.scheduleAtFixedRate(new Runnable() {
            @Override
            public void run() {
                updateTopicRouteInfoFromNameServer();
            }
        }, 10, clientConfig.getPollNameServerInterval(), TimeUnit.MILLISECONDS);
        scheduledExecutorService.scheduleAtFixedRate(new Runnable() {
            @Override
            public void run() {
                cleanOfflineBroker();
                sendHeartbeatToAllBrokerWithLock();
            }
        }, 1000, clientConfig.getHeartbeatBrokerInterval(), TimeUnit.MILLISECONDS);
        scheduledExecutorService.scheduleAtFixedRate(new Runnable() {
            @Override
            public void run() {
                persistAllConsumerOffset();
            }
        }, 1000 * 10, clientConfig.getPersistConsumerOffsetInterval(), TimeUnit.MILLISECONDS);
    }

    /** Stops everything once no producer (other than the internal one) and no consumer uses the instance. */
    public void shutdown() {
        if (!consumerTable.isEmpty() || producerTable.size() > 1) {
            return;
        }
        synchronized (this) {
            if (serviceState != ServiceState.RUNNING) {
                return;
            }
            internalProducer.shutdown();
            serviceState = ServiceState.SHUTDOWN_ALREADY;
            pullMessageService.shutdown();
            scheduledExecutorService.shutdownNow();
            rebalanceService.shutdown();
            mQClientAPIImpl.shutdown();
            remotingRequestExecutor.shutdownNow();
            MQClientManager.getInstance().removeClientFactory(clientId);
            LOG.info("client instance {} shut down", clientId);
        }
    }

    // ---------------------------------------------------------------- registries

    public synchronized boolean registerConsumer(String group, MQConsumerInner consumer) {
        return consumerTable.putIfAbsent(group, consumer) == null;
    }

    public synchronized void unregisterConsumer(String group) {
        consumerTable.remove(group);
        heartbeat.unregister(null, group);
    }

    public synchronized boolean registerProducer(String group, RegisteredProducer producer) {
        return producerTable.putIfAbsent(group, producer) == null;
    }

    public synchronized void unregisterProducer(String group) {
        producerTable.remove(group);
        heartbeat.unregister(group, null);
    }

    public RegisteredProducer selectProducer(String group) {
        return producerTable.get(group);
    }

    public MQConsumerInner selectConsumer(String group) {
        return consumerTable.get(group);
    }

    public Map<String, MQConsumerInner> consumers() {
        return Collections.unmodifiableMap(consumerTable);
    }

    // ---------------------------------------------------------------- routes

    /** Refreshes the route of every topic a producer publishes to or a consumer subscribes to. */
    public void updateTopicRouteInfoFromNameServer() {
        Set<String> topics = new HashSet<String>();
        for (MQConsumerInner c : consumerTable.values()) {
            for (org.mercurymq.common.protocol.heartbeat.SubscriptionData sd : c.subscriptions()) {
                topics.add(sd.getTopic());
            }
        }
        for (RegisteredProducer p : producerTable.values()) {
            topics.addAll(p.getPublishTopicList());
        }
        for (String topic : topics) {
            updateTopicRouteInfoFromNameServer(topic);
        }
    }

    public boolean updateTopicRouteInfoFromNameServer(String topic) {
        return updateTopicRouteInfoFromNameServer(topic, false, null, 0);
    }

    /**
     * Fetches the route of {@code topic} (or, with {@code isDefault}, derives it from the producer's
     * create-topic key TBW102 with min(defaultTopicQueueNums, readQueueNums) queues per broker,
     * docs/protocol/behaviour.md §3) and, when it changed, hands it to every producer and consumer. Failures are
     * recorded for {@link #routeFailure(String)} and logged; returns whether the route changed.
     */
    public boolean updateTopicRouteInfoFromNameServer(String topic, boolean isDefault, String createTopicKey,
        int defaultTopicQueueNums) {
        try {
            if (!lockNamesrv.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("route update of {}: name server lock busy", topic);
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            TopicRouteData route = fetchRoute(topic, isDefault, createTopicKey, defaultTopicQueueNums);
            if (route == null) {
                return false;
            }
            routeFailures.remove(topic);
            TopicRouteData old = routes.get(topic);
            boolean changed = !route.equals(old) || isNeedUpdateTopicRouteInfo(topic);
            if (!changed) {
                return false;
            }
            LOG.info("route of {} changed: {} -> {}", topic, old, route);
            routes.put(topic, route);
            for (RegisteredProducer p : producerTable.values()) {
                p.updateTopicRoute(topic, route);
            }
            Set<MessageQueue> subscribeInfo = TopicRouteCache.subscribeQueues(topic, route);
            boolean subscribed = false;
            for (MQConsumerInner c : consumerTable.values()) {
                c.updateTopicSubscribeInfo(topic, subscribeInfo);
                for (org.mercurymq.common.protocol.heartbeat.SubscriptionData sd : c.subscriptions()) {
                    subscribed |= sd.getTopic().equals(topic);
                }
            }
            if (subscribed) {
                // new or changed queues of a subscribed topic: do not wait up to 20 s for the next rebalance
                rebalanceImmediately();
            }
            return true;
        } catch (MQClientException e) {
            routeFailures.put(topic, e.getErrorMessage());
            LOG.warn("route update of {} failed: {}", topic, e.getErrorMessage());
        } catch (RemotingException e) {
            String reason = "name server " + mQClientAPIImpl.getNameServerAddressList() + " not reachable: " + e.getMessage();
            routeFailures.put(topic, reason);
            LOG.warn("route update of {} failed: {}", topic, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lockNamesrv.unlock();
        }
        return false;
    }

    private TopicRouteData fetchRoute(String topic, boolean isDefault, String createTopicKey, int defaultTopicQueueNums)
        throws MQClientException, RemotingException, InterruptedException {
        long timeout = clientConfig.getMqClientApiTimeout();
        if (!isDefault || createTopicKey == null) {
            TopicRouteData route = mQClientAPIImpl.getTopicRouteInfoFromNameServer(topic, timeout, true);
            if (route == null) {
                routeFailures.put(topic, "the name server has no route for topic " + topic);
            }
            return route;
        }
        TopicRouteData template = mQClientAPIImpl.getTopicRouteInfoFromNameServer(createTopicKey, timeout, true);
        if (template == null) {
            routeFailures.put(topic, "the name server has no route for topic " + topic + " nor for the auto-create key "
                + createTopicKey + " (is autoCreateTopicEnable off?)");
            return null;
        }
        List<QueueData> queues = new ArrayList<QueueData>();
        for (QueueData qd : template.getQueueDatas()) {
            int n = Math.min(defaultTopicQueueNums, qd.getReadQueueNums());
            queues.add(new QueueData(qd.getBrokerName(), n, n, qd.getPerm(), qd.getTopicSysFlag()));
        }
        return new TopicRouteData(template.getOrderTopicConf(), queues, template.getBrokerDatas(), template.getFilterServerTable());
    }

    private boolean isNeedUpdateTopicRouteInfo(String topic) {
        for (RegisteredProducer p : producerTable.values()) {
            if (p.isPublishTopicNeedUpdate(topic)) {
                return true;
            }
        }
        for (MQConsumerInner c : consumerTable.values()) {
            if (c.isSubscribeTopicNeedUpdate(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Why the last route lookup of {@code topic} failed, or null. */
    public String routeFailure(String topic) {
        return routeFailures.get(topic);
    }

    public TopicRouteData getAnExistTopicRouteData(String topic) {
        return routes.get(topic);
    }

    private void cleanOfflineBroker() {
        for (String removed : routes.cleanOfflineBrokers()) {
            LOG.info("broker address no longer in any route, removed: {}", removed);
        }
    }

    public String findBrokerAddressInPublish(String brokerName) {
        return routes.findBrokerAddressInPublish(brokerName);
    }

    public FindBrokerResult findBrokerAddressInSubscribe(String brokerName, long brokerId, boolean onlyThisBroker) {
        return routes.findBrokerAddressInSubscribe(brokerName, brokerId, onlyThisBroker);
    }

    public FindBrokerResult findBrokerAddressInAdmin(String brokerName) {
        return routes.findBrokerAddressInAdmin(brokerName);
    }

    public String findBrokerAddrByTopic(String topic) {
        return routes.findBrokerAddrByTopic(topic);
    }

    public int findBrokerVersion(String brokerName, String addr) {
        return routes.findBrokerVersion(brokerName, addr);
    }

    public Map<String, Map<Long, String>> brokerAddrTable() {
        return routes.brokerAddrTable();
    }

    /** The client ids of a consumer group, asked of a broker serving {@code topic}; null when none could be asked. */
    public List<String> findConsumerIdList(String topic, String group) {
        String addr = findBrokerAddrByTopic(topic);
        if (addr == null) {
            updateTopicRouteInfoFromNameServer(topic);
            addr = findBrokerAddrByTopic(topic);
        }
        if (addr == null) {
            return null;
        }
        try {
            return mQClientAPIImpl.getConsumerIdListByGroup(addr, group, clientConfig.getMqClientApiTimeout());
        } catch (Exception e) {
            LOG.warn("consumer id list of group {} from {} failed: {}", group, addr, e.toString());
            return null;
        }
    }

    // ---------------------------------------------------------------- periodic duties

    /** Waits (up to 3 s) for a running heartbeat round so a newly registered group is never left out. */
    public void sendHeartbeatToAllBrokerWithLock() {
        try {
            if (!lockHeartbeat.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("heartbeat skipped: another heartbeat round is still running");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            heartbeat.sendToAllBrokers();
        } finally {
            lockHeartbeat.unlock();
        }
    }

    private void persistAllConsumerOffset() {
        for (MQConsumerInner c : consumerTable.values()) {
            try {
                c.persistConsumerOffset();
            } catch (Exception e) {
                LOG.warn("persisting offsets of group {} failed: {}", c.groupName(), e.toString());
            }
        }
    }

    public void doRebalance() {
        for (MQConsumerInner c : consumerTable.values()) {
            try {
                c.doRebalance();
            } catch (Throwable t) {
                LOG.error("rebalance of group {} failed: {}", c.groupName(), t.toString(), t);
            }
        }
    }

    public void rebalanceImmediately() {
        rebalanceService.wakeup();
    }

    // ---------------------------------------------------------------- accessors

    /** The clock every time-out and expiry of this instance follows (one per instance, not a static). */
    public Clock getClock() {
        return clock;
    }

    public String getClientId() {
        return clientId;
    }

    public ClientConfig getClientConfig() {
        return clientConfig;
    }

    public NettyClientConfig getNettyClientConfig() {
        return nettyClientConfig;
    }

    public long getBootTimestamp() {
        return bootTimestamp;
    }

    public MQClientAPIImpl getMQClientAPIImpl() {
        return mQClientAPIImpl;
    }

    public MQAdminImpl getMQAdminImpl() {
        return mQAdminImpl;
    }

    public PullMessageService getPullMessageService() {
        return pullMessageService;
    }

    public ScheduledExecutorService getScheduledExecutorService() {
        return scheduledExecutorService;
    }

    /** The internal sender (group CLIENT_INNER_PRODUCER) used for consumer retries. */
    public ProducerServices.InternalSender getInternalProducer() {
        return internalProducer;
    }
}
