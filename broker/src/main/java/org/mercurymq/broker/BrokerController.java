package org.mercurymq.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.mercurymq.broker.acl.AclConfigLoader;
import org.mercurymq.broker.acl.AclException;
import org.mercurymq.broker.acl.AclFileEditor;
import org.mercurymq.broker.acl.AclFileWatcher;
import org.mercurymq.broker.acl.InnerClientSigner;
import org.mercurymq.broker.acl.InnerCredentials;
import org.mercurymq.broker.acl.PlainAccessValidator;
import org.mercurymq.broker.client.Broker2Client;
import org.mercurymq.broker.controller.BrokerIdentityFile;
import org.mercurymq.broker.controller.ControllerChannel;
import org.mercurymq.broker.controller.ControllerModeAgent;
import org.mercurymq.broker.controller.PerTermServices;
import org.mercurymq.broker.controller.ReplicaRoleManager;
import org.mercurymq.broker.controller.ReplicaState;
import org.mercurymq.broker.controller.SyncStateSetUpkeep;
import org.mercurymq.broker.client.ClientHousekeepingService;
import org.mercurymq.broker.client.ConsumerManager;
import org.mercurymq.broker.client.ProducerManager;
import org.mercurymq.broker.client.ReadSlowlyProtection;
import org.mercurymq.broker.client.ReplyMessagePusher;
import org.mercurymq.broker.executor.BrokerFastFailure;
import org.mercurymq.broker.filter.BloomFilter;
import org.mercurymq.broker.filter.ConsumerFilterManager;
import org.mercurymq.broker.executor.BusyRejection;
import org.mercurymq.broker.executor.RequestExecutor;
import org.mercurymq.broker.executor.WaterMark;
import org.mercurymq.broker.lock.RebalanceLockManager;
import org.mercurymq.broker.longpolling.HeldPullBudget;
import org.mercurymq.broker.longpolling.HeldPullReaper;
import org.mercurymq.broker.longpolling.PullRequestHoldService;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metrics.BrokerLabels;
import org.mercurymq.broker.metrics.GroupMetrics;
import org.mercurymq.broker.metrics.RuntimeMetrics;
import org.mercurymq.broker.metrics.StatsMetrics;
import org.mercurymq.broker.metrics.TopicMetrics;
import org.mercurymq.broker.metadata.JsonConfigFile;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.broker.out.BrokerIdentity;
import org.mercurymq.broker.out.BrokerOuterAPI;
import org.mercurymq.broker.out.NameServerRegistrar;
import org.mercurymq.broker.out.NamesrvAddressFetcher;
import org.mercurymq.broker.processor.AclAdminProcessor;
import org.mercurymq.broker.processor.BrokerAdminProcessor;
import org.mercurymq.broker.processor.ClientManageProcessor;
import org.mercurymq.broker.processor.CodeDispatchingProcessor;
import org.mercurymq.broker.processor.ConsumeQueueQueryProcessor;
import org.mercurymq.broker.processor.ConsumerAdminProcessor;
import org.mercurymq.broker.processor.ConsumerManageProcessor;
import org.mercurymq.broker.processor.ConsumerSendMsgBackProcessor;
import org.mercurymq.broker.processor.EndTransactionProcessor;
import org.mercurymq.broker.processor.EpochCacheProcessor;
import org.mercurymq.broker.processor.GroupAdminProcessor;
import org.mercurymq.broker.processor.LockBatchProcessor;
import org.mercurymq.broker.processor.PullMessageProcessor;
import org.mercurymq.broker.processor.QueryMessageProcessor;
import org.mercurymq.broker.processor.QueueOffsetProcessor;
import org.mercurymq.broker.processor.ResumeCheckHalfMessageProcessor;
import org.mercurymq.broker.processor.SendMessageProcessor;
import org.mercurymq.broker.processor.TopicAdminProcessor;
import org.mercurymq.broker.schedule.ScheduleMessageService;
import org.mercurymq.broker.slave.SlaveMetadataSync;
import org.mercurymq.broker.stats.BrokerStats;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.broker.processor.BrokerStatsProcessor;
import org.mercurymq.broker.transaction.TransactionalMessageCheckService;
import org.mercurymq.broker.transaction.TransactionalMessageService;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.metrics.PrometheusEndpoint;
import org.mercurymq.remoting.ChannelEventFanout;
import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.RemotingServer;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyRemotingServer;
import org.mercurymq.remoting.tls.ServerTls;
import org.mercurymq.remoting.tls.TlsSettings;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.controller.ControllerRequestCode;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.DelayLevels;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.ServiceThread;
import org.mercurymq.store.retention.DiskSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the broker: builds the metadata managers, the store, the executors, the processors and
 * the two remoting servers (main port and VIP port listenPort−2, the latter without PULL_MESSAGE), the
 * background services and the name-server registration, handing each part only its collaborators.
 * {@link #start()} starts them in order; {@link #shutdown()} unregisters, drains the executors (in-flight
 * requests finish), closes the servers, persists the metadata and shuts the store down. Thread-safe;
 * start() once, shutdown() any number of times.
 */
public final class BrokerController {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerController.class);
    private static final long STATS_SAMPLE_MILLIS = 10_000;
    private static final long FILTER_PERSIST_MILLIS = 10_000;
    private static final long CONTROLLER_CALL_TIMEOUT_MILLIS = 3_000;

    private final BrokerConfigHolder config;
    private final Clock clock;
    private final ServiceThread.FaultHandler serviceFaults;
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile int listenPort = -1;
    private volatile int vipListenPort = -1;
    private volatile int metricsPort = -1;
    private volatile BrokerStatsManager statsManager;
    private boolean started;

    public BrokerController(BrokerConfig config) {
        this(config, Clock.systemDefaultZone());
    }

    public BrokerController(BrokerConfig config, Clock clock) {
        this(config, clock, BrokerFaults.exitingProcess());
    }

    /** {@code serviceFaults} is told when a critical broker service thread dies (default: the process exits). */
    public BrokerController(BrokerConfig config, Clock clock, ServiceThread.FaultHandler serviceFaults) {
        this(config, clock, serviceFaults, null);
    }

    /**
     * {@code configFile}: the {@code -c} file UPDATE_BROKER_CONFIG saves changes to (null: changes are not
     * saved and restart-only keys are refused).
     */
    public BrokerController(BrokerConfig config, Clock clock, ServiceThread.FaultHandler serviceFaults, Path configFile) {
        this.config = new BrokerConfigHolder(config, configFile);
        this.clock = clock;
        this.serviceFaults = serviceFaults;
    }

    /** Starts everything or, on failure, stops what was started and throws with the reason. */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("broker already started");
        }
        started = true;
        try {
            doStart();
        } catch (IOException | RuntimeException | Error e) {
            shutdown();
            throw e;
        }
    }

    /**
     * With aclEnable=true: loads the ACL files (failing start-up with the file's name if they cannot be
     * loaded) and starts their watcher; returns the request check to hook in front of the processors,
     * or null when ACL is off (docs/security.md).
     */
    private AclParts startAcl(BrokerConfig c) {
        if (!c.get(BrokerConfigKeys.ACL_ENABLE)) {
            return null;
        }
        Path home = AclConfigLoader.resolveHome(System.getenv());
        if (home == null) {
            throw new IllegalStateException("aclEnable=true but no ACL home: set -Drocketmq.home.dir or ROCKETMQ_HOME"
                + " (plain_acl.yml is read from <home>/conf/plain_acl.yml)");
        }
        AclFileWatcher watcher;
        AclConfigLoader loader = new AclConfigLoader(home, System.getProperty(AclConfigLoader.PLAIN_FILE_PROPERTY));
        try {
            watcher = new AclFileWatcher(loader, AclFileWatcher.DEFAULT_PERIOD_MILLIS);
        } catch (AclException e) {
            throw new IllegalStateException("aclEnable=true but the ACL config cannot be loaded: " + e.getMessage(), e);
        }
        watcher.start();
        stopActions.push(watcher::shutdown);
        return new AclParts(watcher.validator(), new AclFileEditor(loader, watcher, home, clock::millis));
    }

    /** The ACL request check and the file editor behind the ACL admin codes. */
    private record AclParts(PlainAccessValidator validator, AclFileEditor editor) {
    }

    private void doStart() throws IOException {
        BrokerConfig c = config.get();
        LongSupplier millis = clock::millis;
        Path configDir = Path.of(c.storePathRootDir(), "config");
        AclParts aclParts = startAcl(c);
        PlainAccessValidator acl = aclParts == null ? null : aclParts.validator();

        Metadata md = loadMetadata(c, configDir);
        TopicConfigManager topics = md.topics();
        SubscriptionGroupManager groups = md.groups();
        ConsumerOffsetManager offsets = md.offsets();
        ConsumerFilterManager filters = md.filters();

        // store
        MessageStoreConfig storeConfig = c.storeConfig();
        DelayLevels delayLevels = DelayLevels.parse(storeConfig.messageDelayLevel());
        AtomicReference<MessageStore> storeRef = new AtomicReference<>();
        RequestExecutors ex = createExecutors(c);
        RequestExecutor pullExecutor = ex.pull();
        PullMessageProcessor[] pullRef = new PullMessageProcessor[1];
        HeldPullBudget heldPulls = new HeldPullBudget(
            () -> config.get().get(BrokerConfigKeys.LONG_POLLING_MAX_HELD_PER_CONNECTION),
            () -> config.get().get(BrokerConfigKeys.LONG_POLLING_MAX_HELD_TOTAL));
        PullRequestHoldService holdService = new PullRequestHoldService(
            (topic, queueId) -> storeRef.get().getMaxOffsetInQueue(topic, queueId), r -> pullRef[0].wakeup(r), millis,
            () -> config.get().get(BrokerConfigKeys.LONG_POLLING_ENABLE) ? 5000L
                : config.get().get(BrokerConfigKeys.SHORT_POLLING_TIME_MILLS), heldPulls, serviceFaults);
        // forced cleanup names the groups whose unconsumed messages it deletes, from the committed offsets
        MessageStore messageStore = new DefaultMessageStore(storeConfig, clock, holdService, DiskSpace.FILE_SYSTEM,
            offsets::offsetsByTopic);
        storeRef.set(messageStore);
        // run-time store keys (retention, flush timings, transfer limits, page-cache threshold) apply at once
        config.addListener((old, now) -> messageStore.applyRuntimeConfig(now.storeConfig()));
        messageStore.load();
        stopActions.push(messageStore::shutdown);
        stopActions.push(() -> persistMetadata(topics, groups, offsets));
        stopActions.push(() -> persistFilters(filters));

        // remoting servers
        ProducerManager producers = new ProducerManager();
        AtomicReference<Broker2Client> broker2ClientRef = new AtomicReference<>();
        ConsumerManager consumers = new ConsumerManager(
            (group, channels) -> broker2ClientRef.get().consumerIdsChanged(group, channels), filters::unregister);
        ClientHousekeepingService housekeeping = new ClientHousekeepingService(producers, consumers, millis);
        ChannelEventListener connectionEvents = new ChannelEventFanout(new HeldPullReaper(holdService), housekeeping);
        int port = c.listenPort();
        // TLS settings are this process's -D properties and tls.config.file, as RocketMQ (docs/security.md)
        TlsSettings tls = TlsSettings.fromSystem();
        ServerTls serverTls = ServerTls.from(tls, clock.millis());
        NettyRemotingServer mainServer = new NettyRemotingServer(c.serverConfig(port), connectionEvents, clock, serverTls);
        if (acl != null) {
            mainServer.registerRPCHook(acl);
        }
        if (port == 0) {
            mainServer.start();
            stopActions.push(mainServer::shutdown);
            port = mainServer.localListenPort();
        }
        NettyRemotingServer vipServer = new NettyRemotingServer(c.serverConfig(c.listenPort() == 0 ? 0 : port - 2), connectionEvents,
            clock, serverTls);
        if (acl != null) {
            vipServer.registerRPCHook(acl);
        }
        listenPort = port;
        InetSocketAddress storeHost = new InetSocketAddress(c.brokerIP1(), port);
        Broker2Client broker2Client = new Broker2Client(mainServer,
            () -> config.get().get(BrokerConfigKeys.NOTIFY_CONSUMER_IDS_CHANGED_ENABLE));
        broker2ClientRef.set(broker2Client);
        // broker statistics (docs/statistics.md), sampled from now on
        BrokerStatsManager statsManager = new BrokerStatsManager(c.clusterName(),
            c.get(BrokerConfigKeys.ENABLE_DETAIL_STAT), () -> config.get().get(BrokerConfigKeys.AUTO_DELETE_UNUSED_STATS),
            millis, ZoneId.systemDefault());
        statsManager.start();
        stopActions.push(statsManager::shutdown);
        this.statsManager = statsManager;
        ScheduleMessageService scheduleService = new ScheduleMessageService(messageStore, delayLevels,
            new JsonConfigFile(configDir.resolve("delayOffset.json")), storeHost, c.clusterName(), millis,
            storeConfig.get(MessageStoreConfig.FLUSH_DELAY_OFFSET_INTERVAL), statsManager,
            storeConfig.get(MessageStoreConfig.ENABLE_SCHEDULE_MESSAGE_STATS));
        scheduleService.load();

        RequestExecutor sendExecutor = ex.send();
        RequestExecutor replyExecutor = ex.reply();
        RequestExecutor queryExecutor = ex.query();
        RequestExecutor adminExecutor = ex.admin();
        RequestExecutor clientExecutor = ex.client();
        RequestExecutor heartbeatExecutor = ex.heartbeat();
        RequestExecutor consumerExecutor = ex.consumer();
        RequestExecutor endTxExecutor = ex.endTransaction();
        List<RequestExecutor> executors = ex.all();

        // processors
        BrokerStats stats = new BrokerStats(() -> messageStore.getStoreStats().getPutMessageTimesTotal(),
            () -> messageStore.getStoreStats().getGetMessageTransferedMsgCount(), millis, ZoneId.systemDefault());
        TransactionalMessageService transactions = new TransactionalMessageService(messageStore, topics, storeHost,
            c.clusterName());
        int maxDelayLevel = delayLevels.maxLevel();
        SendMessageProcessor send = new SendMessageProcessor(config, topics, groups, messageStore, transactions, statsManager,
            storeHost, maxDelayLevel, millis);
        send.setReplyPusher(new ReplyMessagePusher(producers, consumers, broker2Client, millis));
        ConsumerSendMsgBackProcessor sendBack = new ConsumerSendMsgBackProcessor(config, topics, groups, messageStore,
            storeHost, maxDelayLevel, statsManager);
        PullMessageProcessor pull = new PullMessageProcessor(config, topics, groups, consumers, offsets, messageStore,
            statsManager, storeHost, millis, filters);
        pull.setLongPolling(holdService, pullExecutor::executeInternal);
        pull.setReadSlowlyProtection(new ReadSlowlyProtection(config, groups, messageStore::getMaxPhyOffset));
        pullRef[0] = pull;
        QueryMessageProcessor query = new QueryMessageProcessor(messageStore);
        ClientManageProcessor clientManage = new ClientManageProcessor(producers, consumers, groups, topics,
            () -> config.get().get(BrokerConfigKeys.NOTIFY_CONSUMER_IDS_CHANGED_ENABLE),
            () -> config.get().get(BrokerConfigKeys.ENABLE_PROPERTY_FILTER), millis, filters);
        ConsumerManageProcessor consumerManage = new ConsumerManageProcessor(consumers, offsets, messageStore);
        QueueOffsetProcessor queueOffsets = new QueueOffsetProcessor(messageStore);
        LockBatchProcessor locks = new LockBatchProcessor(new RebalanceLockManager(millis));
        EndTransactionProcessor endTransaction = new EndTransactionProcessor(config, messageStore, transactions);
        String brokerAddr = c.brokerIP1() + ":" + port;
        TopicAdminProcessor topicAdmin = new TopicAdminProcessor(topics, offsets, messageStore, c.brokerName(),
            () -> config.get().isMaster(), statsManager::onTopicDeleted);
        GroupAdminProcessor groupAdmin = new GroupAdminProcessor(groups, offsets, consumers, topics, scheduleService::toJson,
            statsManager::onGroupDeleted);
        ConsumerAdminProcessor consumerAdmin = new ConsumerAdminProcessor(topics, offsets, consumers, producers,
            messageStore, broker2Client, statsManager, c.brokerName(), brokerAddr);
        ConsumeQueueQueryProcessor consumeQueueQuery = new ConsumeQueueQueryProcessor(messageStore, consumers, filters);
        ResumeCheckHalfMessageProcessor resumeHalf = new ResumeCheckHalfMessageProcessor(config, messageStore, topics,
            storeHost);
        BrokerRuntimeInfo runtimeInfo = new BrokerRuntimeInfo(messageStore, stats, config, sendExecutor, pullExecutor,
            queryExecutor, endTxExecutor, heldPulls::total);
        BrokerAdminProcessor brokerAdmin = new BrokerAdminProcessor(config, runtimeInfo, tls);
        EpochCacheProcessor epochCache = new EpochCacheProcessor(config, messageStore,
            () -> messageStore.haListenPort() > 0 ? c.brokerIP2() + ":" + messageStore.haListenPort() : "");
        startMetrics(c, new BrokerLabels(c.clusterName(), c.brokerName(), brokerAddr), topics, offsets, consumers,
            messageStore, runtimeInfo, executors, heldPulls, statsManager);

        RequestTable requests = new RequestTable()
            .route(send, sendExecutor)
            .codeOn(RequestCode.SEND_REPLY_MESSAGE, replyExecutor)
            .codeOn(RequestCode.SEND_REPLY_MESSAGE_V2, replyExecutor)
            .route(sendBack, sendExecutor)
            .mainPortOnly(pull, pullExecutor)
            .route(query, queryExecutor)
            .route(clientManage, clientExecutor)
            .codeOn(RequestCode.HEART_BEAT, heartbeatExecutor)
            .route(consumerManage, consumerExecutor)
            .route(queueOffsets, consumerExecutor)
            .route(locks, consumerExecutor)
            .route(endTransaction, endTxExecutor)
            .route(topicAdmin, adminExecutor)
            .route(groupAdmin, adminExecutor)
            .route(consumerAdmin, adminExecutor)
            .route(brokerAdmin, adminExecutor)
            .route(resumeHalf, adminExecutor)
            .route(new BrokerStatsProcessor(statsManager), adminExecutor)
            .route(consumeQueueQuery, adminExecutor)
            .route(epochCache, adminExecutor);
        if (aclParts != null) {
            requests.route(new AclAdminProcessor(aclParts.editor(), c.brokerName(), c.brokerIP1() + ":" + port,
                c.clusterName()), adminExecutor);
        }
        requests.registerOn(mainServer, false);
        requests.registerOn(vipServer, true);
        LOG.debug("request table: {}", requests.describe());

        // start serving
        messageStore.start();
        if (c.listenPort() != 0) {
            mainServer.start();
            stopActions.push(mainServer::shutdown);
        }
        vipServer.start();
        vipListenPort = vipServer.localListenPort();
        stopActions.push(vipServer::shutdown);
        stopActions.push(() -> drain(executors));
        holdService.start();
        stopActions.push(() -> {
            holdService.shutdown();
            holdService.wakeAll();
        });
        housekeeping.start();
        stopActions.push(housekeeping::shutdown);
        startPeriodicTasks(c, messageStore, stats, offsets, filters, sendExecutor, pullExecutor, queryExecutor,
            heartbeatExecutor, endTxExecutor);
        // what runs only on a master; in controller mode started and stopped at every role switch
        PerTermServices masterServices = new PerTermServices("master services (delay delivery, transaction check)", () -> {
            scheduleService.start();
            TransactionalMessageCheckService check = new TransactionalMessageCheckService(config, messageStore,
                topics, offsets, producers, broker2Client, storeHost, millis, serviceFaults);
            check.start();
            return () -> {
                check.shutdown();
                scheduleService.shutdown();
            };
        });
        stopActions.push(masterServices::stop);
        if (c.isMaster()) {
            masterServices.start();
        }

        BrokerIdentity identity = startNameServerRegistration(c, tls, messageStore, md, scheduleService, brokerAddr,
            masterServices);
        LOG.info("broker {} started on {} (VIP port {}), role {}, name servers {}", identity, brokerAddr,
            vipServer.localListenPort(), c.brokerRole(), c.namesrvAddrs());
    }

    /** The request executors, one per kind of work, each resizable at run time by its thread-count key. */
    private record RequestExecutors(RequestExecutor send, RequestExecutor pull, RequestExecutor reply,
                                    RequestExecutor query, RequestExecutor admin, RequestExecutor client,
                                    RequestExecutor heartbeat, RequestExecutor consumer, RequestExecutor endTransaction) {
        List<RequestExecutor> all() {
            return List.of(send, pull, reply, query, admin, client, heartbeat, consumer, endTransaction);
        }
    }

    private RequestExecutors createExecutors(BrokerConfig c) {
        RequestExecutors ex = new RequestExecutors(
            executor("SendMessageThread", BrokerConfigKeys.SEND_MESSAGE_THREAD_POOL_NUMS,
                BrokerConfigKeys.SEND_THREAD_POOL_QUEUE_CAPACITY),
            executor("PullMessageThread", BrokerConfigKeys.PULL_MESSAGE_THREAD_POOL_NUMS,
                BrokerConfigKeys.PULL_THREAD_POOL_QUEUE_CAPACITY),
            executor("ProcessReplyMessageThread", BrokerConfigKeys.PROCESS_REPLY_MESSAGE_THREAD_POOL_NUMS,
                BrokerConfigKeys.REPLY_THREAD_POOL_QUEUE_CAPACITY),
            executor("QueryMessageThread", BrokerConfigKeys.QUERY_MESSAGE_THREAD_POOL_NUMS,
                BrokerConfigKeys.QUERY_THREAD_POOL_QUEUE_CAPACITY),
            new RequestExecutor("AdminBrokerThread", c.get(BrokerConfigKeys.ADMIN_BROKER_THREAD_POOL_NUMS), 10_000,
                clock::millis),
            executor("ClientManageThread", BrokerConfigKeys.CLIENT_MANAGE_THREAD_POOL_NUMS,
                BrokerConfigKeys.CLIENT_MANAGER_THREAD_POOL_QUEUE_CAPACITY),
            executor("HeartbeatThread", BrokerConfigKeys.HEARTBEAT_THREAD_POOL_NUMS,
                BrokerConfigKeys.HEARTBEAT_THREAD_POOL_QUEUE_CAPACITY),
            executor("ConsumerManageThread", BrokerConfigKeys.CONSUMER_MANAGE_THREAD_POOL_NUMS,
                BrokerConfigKeys.CONSUMER_MANAGER_THREAD_POOL_QUEUE_CAPACITY),
            executor("EndTransactionThread", BrokerConfigKeys.END_TRANSACTION_THREAD_POOL_NUMS,
                BrokerConfigKeys.END_TRANSACTION_POOL_QUEUE_CAPACITY));
        config.addListener(new ExecutorResizer(Map.of(
            BrokerConfigKeys.SEND_MESSAGE_THREAD_POOL_NUMS, ex.send(),
            BrokerConfigKeys.PULL_MESSAGE_THREAD_POOL_NUMS, ex.pull(),
            BrokerConfigKeys.PROCESS_REPLY_MESSAGE_THREAD_POOL_NUMS, ex.reply(),
            BrokerConfigKeys.QUERY_MESSAGE_THREAD_POOL_NUMS, ex.query(),
            BrokerConfigKeys.ADMIN_BROKER_THREAD_POOL_NUMS, ex.admin(),
            BrokerConfigKeys.CLIENT_MANAGE_THREAD_POOL_NUMS, ex.client(),
            BrokerConfigKeys.HEARTBEAT_THREAD_POOL_NUMS, ex.heartbeat(),
            BrokerConfigKeys.CONSUMER_MANAGE_THREAD_POOL_NUMS, ex.consumer(),
            BrokerConfigKeys.END_TRANSACTION_THREAD_POOL_NUMS, ex.endTransaction())));
        return ex;
    }

    /** The broker's metadata: topics, subscription groups, consumer offsets and SQL92 filters. */
    private record Metadata(TopicConfigManager topics, SubscriptionGroupManager groups, ConsumerOffsetManager offsets,
                            ConsumerFilterManager filters) {
    }

    /** Phase 1: loads the metadata files under {@code configDir}. */
    private Metadata loadMetadata(BrokerConfig c, Path configDir) throws IOException {
        LongSupplier millis = clock::millis;
        TopicConfigManager topics = new TopicConfigManager(config, new JsonConfigFile(configDir.resolve("topics.json")), millis);
        SubscriptionGroupManager groups = new SubscriptionGroupManager(
            new JsonConfigFile(configDir.resolve("subscriptionGroup.json")),
            () -> config.get().get(BrokerConfigKeys.AUTO_CREATE_SUBSCRIPTION_GROUP), millis);
        ConsumerOffsetManager offsets = new ConsumerOffsetManager(new JsonConfigFile(configDir.resolve("consumerOffset.json")));
        ConsumerFilterManager filters = new ConsumerFilterManager(
            new JsonConfigFile(configDir.resolve("consumerFilter.json")),
            BloomFilter.create(c.get(BrokerConfigKeys.MAX_ERROR_RATE_OF_BLOOM_FILTER),
                c.get(BrokerConfigKeys.EXPECT_CONSUMER_NUM_USE_FILTER)),
            millis, () -> config.get().get(BrokerConfigKeys.FILTER_DATA_CLEAN_TIME_SPAN));
        topics.load();
        groups.load();
        offsets.load();
        filters.load();
        if (c.get(BrokerConfigKeys.ENABLE_CALC_FILTER_BIT_MAP)) {
            LOG.warn("enableCalcFilterBitMap=true is not implemented by Mercury: no filter bit maps are built, every "
                + "SQL92 filter is evaluated on the stored message's properties (docs/broker.md, SQL92 filtering)");
        }

        return new Metadata(topics, groups, offsets, filters);
    }

    /**
     * Fast failure of requests queued too long, and the periodic duties: persisting consumer offsets and filters,
     * sampling statistics, logging queue water marks.
     */
    private void startPeriodicTasks(BrokerConfig c, MessageStore messageStore, BrokerStats stats,
                                    ConsumerOffsetManager offsets, ConsumerFilterManager filters,
                                    RequestExecutor sendExecutor, RequestExecutor pullExecutor,
                                    RequestExecutor queryExecutor, RequestExecutor heartbeatExecutor,
                                    RequestExecutor endTxExecutor) {
        BrokerFastFailure fastFailure = new BrokerFastFailure(sendExecutor, List.of(
            new BrokerFastFailure.Watched(sendExecutor, () -> config.get().get(BrokerConfigKeys.WAIT_TIME_MILLS_IN_SEND_QUEUE)),
            new BrokerFastFailure.Watched(pullExecutor, () -> config.get().get(BrokerConfigKeys.WAIT_TIME_MILLS_IN_PULL_QUEUE)),
            new BrokerFastFailure.Watched(heartbeatExecutor,
                () -> config.get().get(BrokerConfigKeys.WAIT_TIME_MILLS_IN_HEARTBEAT_QUEUE)),
            new BrokerFastFailure.Watched(endTxExecutor,
                () -> config.get().get(BrokerConfigKeys.WAIT_TIME_MILLS_IN_TRANSACTION_QUEUE))),
            () -> config.get().get(BrokerConfigKeys.BROKER_FAST_FAILURE_ENABLE), messageStore::isOSPageCacheBusy);
        fastFailure.start();
        stopActions.push(fastFailure::shutdown);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("BrokerControllerScheduledThread", true));
        long flushOffsets = c.get(BrokerConfigKeys.FLUSH_CONSUMER_OFFSET_INTERVAL);
        scheduler.scheduleAtFixedRate(() -> persistOffsets(offsets), flushOffsets, flushOffsets, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(stats::sample, 0, STATS_SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        WaterMark waterMark = new WaterMark(List.of(new WaterMark.Watched("Send", sendExecutor),
            new WaterMark.Watched("Pull", pullExecutor), new WaterMark.Watched("Query", queryExecutor),
            new WaterMark.Watched("Transaction", endTxExecutor)));
        scheduler.scheduleAtFixedRate(waterMark::log, 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(() -> persistFilters(filters), FILTER_PERSIST_MILLIS, FILTER_PERSIST_MILLIS,
            TimeUnit.MILLISECONDS);
        stopActions.push(scheduler::shutdownNow);
    }

    /**
     * Last phase: the broker's own remoting client, name-server registration (periodic, on topic and permission
     * changes), and the role: static (classic master/slave; a slave copies metadata from its master) or given by the
     * controller (controller mode). Returns the identity registered first.
     */
    private BrokerIdentity startNameServerRegistration(BrokerConfig c, TlsSettings tls, MessageStore messageStore,
                                                       Metadata md, ScheduleMessageService scheduleService,
                                                       String brokerAddr, PerTermServices masterServices) {
        NettyRemotingClient remotingClient = new NettyRemotingClient(c.clientConfig(tls), null, clock, tls);
        remotingClient.registerRPCHook(new InnerClientSigner(config));
        logInnerCredentials(c);
        BrokerOuterAPI outerAPI = new BrokerOuterAPI(remotingClient);
        outerAPI.start();
        stopActions.push(outerAPI::shutdown);
        MessageStoreConfig storeConfig = c.storeConfig();
        TopicConfigManager topics = md.topics();
        ConsumerOffsetManager offsets = md.offsets();
        SubscriptionGroupManager groups = md.groups();
        int haPort = c.isMaster() ? messageStore.haListenPort() : c.haListenPort();
        BrokerIdentity identity = new BrokerIdentity(c.clusterName(), c.brokerName(), c.brokerId(), brokerAddr,
            c.brokerIP2() + ":" + haPort);
        NameServerRegistrar registrar = new NameServerRegistrar(outerAPI, config, topics::snapshot, identity);
        boolean controllerMode = c.get(BrokerConfigKeys.ENABLE_CONTROLLER_MODE);
        if (!controllerMode && !c.isMaster() && blank(storeConfig.haMasterAddress())) {
            // docs/protocol/behaviour.md section 11: without haMasterAddress a slave replicates from the address the name server names
            registrar.setHaServerAddrListener(messageStore::updateHaMasterAddress);
        }
        topics.setChangeListener(registrar::registerOnChange);
        config.addListener((old, now) -> {
            if (old.brokerPermission() != now.brokerPermission()) {
                registrar.registerOnChange();
            }
        });
        if (c.namesrvAddrs().isEmpty() && c.get(BrokerConfigKeys.FETCH_NAMESRV_ADDR_BY_ADDRESS_SERVER)) {
            NamesrvAddressFetcher fetcher = new NamesrvAddressFetcher(NamesrvAddressFetcher.addressServerUri(
                System.getProperty(NamesrvAddressFetcher.DOMAIN_PROPERTY),
                System.getProperty(NamesrvAddressFetcher.SUBGROUP_PROPERTY)), addrs -> {
                    try {
                        config.useNamesrvAddr(addrs);
                        registrar.registerOnChange();
                    } catch (org.mercurymq.common.config.ConfigException e) {
                        LOG.warn("name-server address server answered an unusable list '{}': {}", addrs, e.getMessage());
                    }
                });
            fetcher.start();
            stopActions.push(fetcher::shutdown);
        }
        stopActions.push(registrar::shutdown);
        if (controllerMode) {
            startControllerMode(c, messageStore, remotingClient, registrar, brokerAddr, masterServices,
                masterAddr -> new SlaveMetadataSync(remotingClient, () -> masterAddr, topics, offsets, scheduleService,
                    groups));
        } else {
            registrar.start();
        }
        if (!controllerMode && !c.isMaster()) {
            SlaveMetadataSync slaveSync = new SlaveMetadataSync(remotingClient, registrar::masterAddr, topics, offsets,
                scheduleService, groups);
            slaveSync.start();
            stopActions.push(slaveSync::shutdown);
        }
        return identity;
    }

    /**
     * Controller mode (docs/controller.md): the agent obtains this broker's controller id, heartbeats every controller
     * and follows its group's master epochs; the role manager switches the broker between master and slave at run time.
     * Until the first role arrives the broker is a read-only replica that is not registered with the name servers.
     */
    private void startControllerMode(BrokerConfig c, MessageStore store, NettyRemotingClient remotingClient,
                                     NameServerRegistrar registrar, String brokerAddr,
                                     ReplicaRoleManager.RoleServices masterServices,
                                     Function<String, SlaveMetadataSync> slaveSyncFor) {
        List<String> controllers = new ArrayList<>();
        for (String a : c.get(BrokerConfigKeys.CONTROLLER_ADDR).split(";")) {
            if (!a.isBlank()) {
                controllers.add(a.trim());
            }
        }
        ControllerChannel channel = new ControllerChannel(remotingClient, controllers, CONTROLLER_CALL_TIMEOUT_MILLIS);
        ControllerModeAgent agent = new ControllerModeAgent(channel, c.clusterName(), c.brokerName(), brokerAddr,
            new BrokerIdentityFile(Path.of(c.storePathRootDir(), "brokerIdentity")), clock::millis,
            new ControllerModeAgent.LocalProgress() {
                @Override
                public int epoch() {
                    return store.lastEpoch();
                }

                @Override
                public long maxOffset() {
                    return store.getMaxPhyOffset();
                }

                @Override
                public long confirmOffset() {
                    return store.getMaxPhyOffset();
                }
            },
            c.get(BrokerConfigKeys.CONTROLLER_HEART_BEAT_TIMEOUT_MILLS), c.get(BrokerConfigKeys.BROKER_ELECTION_PRIORITY));
        SyncStateSetUpkeep upkeep = new SyncStateSetUpkeep(store::syncStateSetTracker,
            store::onSyncStateSetDecided, agent::reportSyncStateSet, agent::state, clock::millis,
            c.get(BrokerConfigKeys.CHECK_SYNC_STATE_SET_PERIOD));
        AtomicReference<String> followed = new AtomicReference<>();
        ReplicaRoleManager.Registration registration = new ReplicaRoleManager.Registration() {
            @Override
            public BrokerIdentity asMaster() {
                return new BrokerIdentity(c.clusterName(), c.brokerName(), 0, brokerAddr,
                    c.brokerIP2() + ":" + store.haListenPort());
            }

            @Override
            public BrokerIdentity asSlave(long brokerId) {
                return new BrokerIdentity(c.clusterName(), c.brokerName(), brokerId, brokerAddr,
                    c.brokerIP2() + ":" + c.haListenPort());
            }

            @Override
            public void register(BrokerIdentity identity) {
                registrar.changeIdentity(identity);
            }
        };
        ReplicaRoleManager manager = new ReplicaRoleManager(store, store.liveConfig().allAckInSyncStateSet(),
            config::switchRole, registration, masterBrokerAddr -> askHaAddress(remotingClient, masterBrokerAddr),
            masterServices, followed::set,
            new PerTermServices("slave metadata sync", () -> {
                SlaveMetadataSync sync = slaveSyncFor.apply(followed.get());
                sync.start();
                return sync::shutdown;
            }), upkeep);
        stopActions.push(manager::shutdown);
        registrar.setRegistrationCheck(() -> {
            if (registrar.identity().brokerId() != 0) {
                return true;
            }
            // ask the controller now: a master frozen past its election must not re-register as brokerId 0
            ReplicaState s = agent.syncOnce();
            return s == null || s.masterBrokerId() == agent.brokerId();
        });
        agent.start(c.get(BrokerConfigKeys.BROKER_HEARTBEAT_INTERVAL), c.get(BrokerConfigKeys.SYNC_BROKER_METADATA_PERIOD),
            manager);
        stopActions.push(agent::shutdown);
        LOG.info("controller mode: broker {} follows the controllers {} (heartbeat every {} ms, timeout {} ms, group poll "
            + "every {} ms, allAckInSyncStateSet={}); read-only until the controller names a master", c.brokerName(),
            controllers, c.get(BrokerConfigKeys.BROKER_HEARTBEAT_INTERVAL),
            c.get(BrokerConfigKeys.CONTROLLER_HEART_BEAT_TIMEOUT_MILLS),
            c.get(BrokerConfigKeys.SYNC_BROKER_METADATA_PERIOD), store.liveConfig().allAckInSyncStateSet());
    }

    /** The HA address the master at {@code masterBrokerAddr} serves replicas on (GET_BROKER_EPOCH_CACHE). */
    private static String askHaAddress(NettyRemotingClient client, String masterBrokerAddr) throws Exception {
        RemotingCommand response = client.invokeSync(masterBrokerAddr,
            RemotingCommand.createRequestCommand(ControllerRequestCode.GET_BROKER_EPOCH_CACHE, null),
            CONTROLLER_CALL_TIMEOUT_MILLIS);
        if (response.getCode() != 0) {
            throw new IllegalStateException("epoch cache request answered code " + response.getCode() + ": "
                + response.getRemark());
        }
        return response.getExtFields() == null ? null : response.getExtFields().get("haServerAddr");
    }

    /** The Prometheus endpoint (docs/metrics.md); with metricsExporterType=DISABLE (the default) nothing listens. */
    private void startMetrics(BrokerConfig c, BrokerLabels labels, TopicConfigManager topics,
                              ConsumerOffsetManager offsets, ConsumerManager consumers, MessageStore store,
                              BrokerRuntimeInfo runtimeInfo, List<RequestExecutor> executors, HeldPullBudget heldPulls,
                              BrokerStatsManager statsManager) throws IOException {
        PrometheusEndpoint endpoint = PrometheusEndpoint.fromConfig("broker", c.config(), List.of(
            new TopicMetrics(labels, () -> topics.snapshot().getTopicConfigTable(), store),
            new StatsMetrics(labels, statsManager),
            new GroupMetrics(labels, () -> offsets.snapshot().getOffsetTable(), consumers::getConsumerGroupInfo, store),
            new RuntimeMetrics(labels, runtimeInfo, executors, heldPulls::total,
                store.getStoreStats().commitLogFlushLatency())));
        endpoint.start();
        metricsPort = endpoint.port();
        stopActions.push(endpoint::shutdown);
    }

    private RequestExecutor executor(String name, ConfigKey<Integer> threads,
                                     ConfigKey<Integer> capacity) {
        BrokerConfig c = config.get();
        return new RequestExecutor(name, Math.max(1, c.get(threads)), Math.max(1, c.get(capacity)), clock::millis);
    }

    private static void drain(List<RequestExecutor> executors) {
        for (RequestExecutor e : executors) {
            e.shutdown();
        }
        for (RequestExecutor e : executors) {
            try {
                if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("executor {} did not finish its requests in 5 s", e.name());
                    e.shutdownNow();
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                e.shutdownNow();
            }
        }
    }

    private static void persistOffsets(ConsumerOffsetManager offsets) {
        try {
            offsets.persist();
        } catch (IOException | RuntimeException e) {
            LOG.error("CONSUMER OFFSETS NOT PERSISTED ({} groups' commits since the last successful write are lost "
                + "if the broker stops now; consumers would re-consume from the older offsets): {}",
                offsets.snapshot().getOffsetTable().size(), e.getMessage());
        }
    }

    private static void persistFilters(ConsumerFilterManager filters) {
        try {
            filters.persist();
        } catch (IOException | RuntimeException e) {
            LOG.error("consumer filters NOT PERSISTED, the previous file is kept: {}", e.toString());
        }
    }

    /** Each file on its own: a full disk failing one must not skip the others. Failures are loud. */
    private static void persistMetadata(TopicConfigManager topics, SubscriptionGroupManager groups,
                                        ConsumerOffsetManager offsets) {
        persistOne("topic configs", topics::persist);
        persistOne("subscription groups", groups::persist);
        persistOne("consumer offsets (" + offsets.snapshot().getOffsetTable().size() + " topic@group entries)",
            offsets::persist);
    }

    private interface Persist {
        void run() throws IOException;
    }

    private static void persistOne(String what, Persist persist) {
        try {
            persist.run();
        } catch (IOException | RuntimeException e) {
            LOG.error("{} NOT PERSISTED at shutdown, the previous file is kept and changes since its last write are "
                + "lost: {}", what, e.getMessage());
        }
    }

    /** Stops in reverse start order; idempotent. */
    public synchronized void shutdown() {
        while (!stopActions.isEmpty()) {
            Runnable action = stopActions.pop();
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("error while stopping the broker: {}", e.toString());
            }
        }
        terminated.countDown();
    }

    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** The main port (the bound one when configured with 0); -1 before start. */
    public int listenPort() {
        return listenPort;
    }

    /** The bound port of the metrics endpoint; -1 when it is off or before start. */
    public int metricsPort() {
        return metricsPort;
    }

    /** The VIP port (listenPort−2, or a random one when listenPort is 0); -1 before start. */
    public int vipListenPort() {
        return vipListenPort;
    }

    /** The broker statistics (for exporters); null before {@link #start()}. */
    public BrokerStatsManager brokerStatsManager() {
        return statsManager;
    }

    public BrokerConfig config() {
        return config.get();
    }

    /**
     * docs/security.md "Inter-node traffic": a malformed credentials value stops start-up (it would send
     * unsigned requests the operator believes signed); logs the access key only, never the secret.
     */
    private static void logInnerCredentials(BrokerConfig c) {
        InnerCredentials credentials = InnerCredentials.parse(c.get(BrokerConfigKeys.INNER_CLIENT_CREDENTIALS));
        if (credentials != null) {
            LOG.info("inter-node requests (name-server registration, slave metadata sync) are signed as access key {}",
                credentials.accessKey());
        } else {
            LOG.info("inter-node requests are sent unsigned (innerClientAuthenticationCredentials not set)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
