package org.mercurymq.broker;

import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;

/**
 * The broker's own configuration keys: RocketMQ 4.9.7 BrokerConfig names and defaults. The full
 * broker table merges these with the store and Netty keys. Constants only; thread-safe.
 */
public final class BrokerConfigKeys {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Mercury: the listen port belongs to the broker (RocketMQ keeps it in NettyServerConfig). */
    public static final ConfigKey<Integer> LISTEN_PORT = ConfigKey.ofInt("listenPort", 10911, "client port; VIP port is listenPort-2, HA port listenPort+1").range(0, 65535);
    /** Mercury: the address the listeners bind to (RocketMQ always binds all interfaces). */
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.ofString("bindAddress", "0.0.0.0", "local address to bind listeners to");
    public static final ConfigKey<String> ROCKETMQ_HOME = ConfigKey.ofString("rocketmqHome", null, "ROCKETMQ_HOME env / rocketmq.home.dir property when unset");
    public static final ConfigKey<String> NAMESRV_ADDR = ConfigKey.ofString("namesrvAddr", null, "NameServer addresses separated by ';' (NAMESRV_ADDR env when unset)");
    public static final ConfigKey<String> BROKER_IP1 = ConfigKey.ofString("brokerIP1", null, "address advertised to clients (first non-loopback IPv4 when unset)");
    public static final ConfigKey<String> BROKER_IP2 = ConfigKey.ofString("brokerIP2", null, "HA address advertised to slaves (brokerIP1 when unset)");
    public static final ConfigKey<String> BROKER_NAME = ConfigKey.ofString("brokerName", null, "broker name (the host name when unset)");
    public static final ConfigKey<String> BROKER_CLUSTER_NAME = ConfigKey.ofString("brokerClusterName", "DefaultCluster", "broker cluster name");
    public static final ConfigKey<Long> BROKER_ID = ConfigKey.ofLong("brokerId", 0L, "broker id").range(0L, Long.MAX_VALUE);
    public static final ConfigKey<Integer> BROKER_PERMISSION = ConfigKey.ofInt("brokerPermission", 6, "broker permission").range(0, 15).runtime();
    public static final ConfigKey<Integer> DEFAULT_TOPIC_QUEUE_NUMS = ConfigKey.ofInt("defaultTopicQueueNums", 8, "default topic queue nums").range(1, 65535);
    public static final ConfigKey<Boolean> AUTO_CREATE_TOPIC_ENABLE = ConfigKey.ofBool("autoCreateTopicEnable", true, "auto create topic enable").runtime();
    public static final ConfigKey<Boolean> CLUSTER_TOPIC_ENABLE = ConfigKey.ofBool("clusterTopicEnable", true, "cluster topic enable");
    public static final ConfigKey<Boolean> BROKER_TOPIC_ENABLE = ConfigKey.ofBool("brokerTopicEnable", true, "broker topic enable");
    public static final ConfigKey<Boolean> AUTO_CREATE_SUBSCRIPTION_GROUP = ConfigKey.ofBool("autoCreateSubscriptionGroup", true, "auto create subscription group").runtime();
    public static final ConfigKey<String> MESSAGE_STORE_PLUG_IN = ConfigKey.ofString("messageStorePlugIn", "", "message store plug in")
        .notHonoured("store plug-ins are not supported; the built-in store is always used");
    public static final ConfigKey<String> MSG_TRACE_TOPIC_NAME = ConfigKey.ofString("msgTraceTopicName", "RMQ_SYS_TRACE_TOPIC", "msg trace topic name");
    public static final ConfigKey<Boolean> TRACE_TOPIC_ENABLE = ConfigKey.ofBool("traceTopicEnable", false, "trace topic enable");
    public static final ConfigKey<Integer> SEND_MESSAGE_THREAD_POOL_NUMS = ConfigKey.ofInt("sendMessageThreadPoolNums", Math.min(CORES, 4), "send message thread pool nums").range(1, Integer.MAX_VALUE).runtime()
        .defaultDoc("min(cores, 4)");
    /** Mercury: RocketMQ always hands a send to the send thread pool (docs/broker.md "Send path"). */
    public static final ConfigKey<Boolean> SEND_MESSAGE_ON_IO_THREAD = ConfigKey.ofBool("sendMessageOnIoThread", true,
        "run a plain send on the network thread that read it while the commit log's lock is free, instead of the send "
            + "thread pool; false: every send goes through the pool as in RocketMQ").runtime();
    public static final ConfigKey<Integer> PUT_MESSAGE_FUTURE_THREAD_POOL_NUMS = ConfigKey.ofInt("putMessageFutureThreadPoolNums", Math.min(CORES, 4), "put message future thread pool nums").range(1, Integer.MAX_VALUE)
        .notHonoured("puts complete on the store's own threads; there is no separate put-future pool")
        .defaultDoc("min(cores, 4)");
    public static final ConfigKey<Integer> PULL_MESSAGE_THREAD_POOL_NUMS = ConfigKey.ofInt("pullMessageThreadPoolNums", 16 + CORES * 2, "pull message thread pool nums").range(1, Integer.MAX_VALUE).runtime()
        .defaultDoc("16 + 2 * cores");
    public static final ConfigKey<Integer> PROCESS_REPLY_MESSAGE_THREAD_POOL_NUMS = ConfigKey.ofInt("processReplyMessageThreadPoolNums", 16 + CORES * 2, "process reply message thread pool nums").range(1, Integer.MAX_VALUE).runtime()
        .defaultDoc("16 + 2 * cores");
    public static final ConfigKey<Integer> QUERY_MESSAGE_THREAD_POOL_NUMS = ConfigKey.ofInt("queryMessageThreadPoolNums", 8 + CORES, "query message thread pool nums").range(1, Integer.MAX_VALUE).runtime()
        .defaultDoc("8 + cores");
    public static final ConfigKey<Integer> ADMIN_BROKER_THREAD_POOL_NUMS = ConfigKey.ofInt("adminBrokerThreadPoolNums", 16, "admin broker thread pool nums").range(1, Integer.MAX_VALUE).runtime();
    public static final ConfigKey<Integer> CLIENT_MANAGE_THREAD_POOL_NUMS = ConfigKey.ofInt("clientManageThreadPoolNums", 32, "client manage thread pool nums").range(1, Integer.MAX_VALUE).runtime();
    public static final ConfigKey<Integer> CONSUMER_MANAGE_THREAD_POOL_NUMS = ConfigKey.ofInt("consumerManageThreadPoolNums", 32, "consumer manage thread pool nums").range(1, Integer.MAX_VALUE).runtime();
    public static final ConfigKey<Integer> HEARTBEAT_THREAD_POOL_NUMS = ConfigKey.ofInt("heartbeatThreadPoolNums", Math.min(32, CORES), "heartbeat thread pool nums").range(1, Integer.MAX_VALUE).runtime()
        .defaultDoc("min(32, cores)");
    public static final ConfigKey<Integer> END_TRANSACTION_THREAD_POOL_NUMS = ConfigKey.ofInt("endTransactionThreadPoolNums", 8 + CORES * 2, "end transaction thread pool nums").range(1, Integer.MAX_VALUE).runtime()
        .defaultDoc("8 + 2 * cores");
    public static final ConfigKey<Integer> FLUSH_CONSUMER_OFFSET_INTERVAL = ConfigKey.ofInt("flushConsumerOffsetInterval", 5000, "flush consumer offset interval");
    public static final ConfigKey<Integer> FLUSH_CONSUMER_OFFSET_HISTORY_INTERVAL = ConfigKey.ofInt("flushConsumerOffsetHistoryInterval", 60000, "flush consumer offset history interval")
        .notHonoured("no consumer-offset history file is written");
    public static final ConfigKey<Boolean> REJECT_TRANSACTION_MESSAGE = ConfigKey.ofBool("rejectTransactionMessage", false, "reject transaction message").runtime();
    public static final ConfigKey<Boolean> FETCH_NAMESRV_ADDR_BY_ADDRESS_SERVER = ConfigKey.ofBool("fetchNamesrvAddrByAddressServer", false,
        "without namesrvAddr: fetch the name-server list from http://<rocketmq.namesrv.domain>:8080/rocketmq/nsaddr at start and every 2 min");
    public static final ConfigKey<Integer> SEND_THREAD_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("sendThreadPoolQueueCapacity", 10000, "send thread pool queue capacity").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> PUT_THREAD_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("putThreadPoolQueueCapacity", 10000, "put thread pool queue capacity").range(1, Integer.MAX_VALUE)
        .notHonoured("puts complete on the store's own threads; there is no separate put-future pool");
    public static final ConfigKey<Integer> PULL_THREAD_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("pullThreadPoolQueueCapacity", 100000, "pull thread pool queue capacity").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> REPLY_THREAD_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("replyThreadPoolQueueCapacity", 10000, "reply thread pool queue capacity").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> QUERY_THREAD_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("queryThreadPoolQueueCapacity", 20000, "query thread pool queue capacity").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> CLIENT_MANAGER_THREAD_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("clientManagerThreadPoolQueueCapacity", 1000000, "client manager thread pool queue capacity").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> CONSUMER_MANAGER_THREAD_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("consumerManagerThreadPoolQueueCapacity", 1000000, "consumer manager thread pool queue capacity").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> HEARTBEAT_THREAD_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("heartbeatThreadPoolQueueCapacity", 50000, "heartbeat thread pool queue capacity").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> END_TRANSACTION_POOL_QUEUE_CAPACITY = ConfigKey.ofInt("endTransactionPoolQueueCapacity", 100000, "end transaction pool queue capacity").range(1, Integer.MAX_VALUE);
    public static final ConfigKey<Integer> FILTER_SERVER_NUMS = ConfigKey.ofInt("filterServerNums", 0, "filter server nums")
        .notHonoured("filter servers are not supported; use SQL92 or tag filtering");
    public static final ConfigKey<Boolean> LONG_POLLING_ENABLE = ConfigKey.ofBool("longPollingEnable", true, "long polling enable").runtime();
    public static final ConfigKey<Long> SHORT_POLLING_TIME_MILLS = ConfigKey.ofLong("shortPollingTimeMills", 1000L, "short polling time mills").runtime();
    /** Mercury: RocketMQ holds a pull for whatever suspendTimeoutMillis the client sends (docs/reliability.md). */
    public static final ConfigKey<Long> LONG_POLLING_MAX_SUSPEND_MILLIS = ConfigKey.ofLong("longPollingMaxSuspendMillis", 30_000L,
        "longest a pull is parked whatever suspendTimeoutMillis the client asks; 30 s is the clients' own socket timeout "
            + "for a suspended pull (they hold 15 s)").unit("ms").range(0L, 3_600_000L).runtime();
    /** Mercury: cap on parked pulls of one connection (docs/reliability.md). */
    public static final ConfigKey<Integer> LONG_POLLING_MAX_HELD_PER_CONNECTION = ConfigKey.ofInt("longPollingMaxHeldPerConnection", 10_000,
        "parked pulls one connection may hold; the excess is answered at once with PULL_NOT_FOUND").range(0, Integer.MAX_VALUE).runtime();
    /** Mercury: cap on parked pulls of all connections (docs/reliability.md). */
    public static final ConfigKey<Integer> LONG_POLLING_MAX_HELD_TOTAL = ConfigKey.ofInt("longPollingMaxHeldTotal", 100_000,
        "parked pulls all connections may hold; the excess is answered at once with PULL_NOT_FOUND").range(0, Integer.MAX_VALUE).runtime();
    public static final ConfigKey<Boolean> NOTIFY_CONSUMER_IDS_CHANGED_ENABLE = ConfigKey.ofBool("notifyConsumerIdsChangedEnable", true, "notify consumer ids changed enable").runtime();
    public static final ConfigKey<Boolean> HIGH_SPEED_MODE = ConfigKey.ofBool("highSpeedMode", false, "high speed mode")
        .notHonoured("has no effect (RocketMQ 4.9.7 does not read it either)");
    public static final ConfigKey<Boolean> COMMERCIAL_ENABLE = ConfigKey.ofBool("commercialEnable", true, "commercial enable")
        .notHonoured("commercial statistics are not implemented");
    public static final ConfigKey<Integer> COMMERCIAL_TIMER_COUNT = ConfigKey.ofInt("commercialTimerCount", 1, "commercial timer count")
        .notHonoured("commercial statistics are not implemented");
    public static final ConfigKey<Integer> COMMERCIAL_TRANS_COUNT = ConfigKey.ofInt("commercialTransCount", 1, "commercial trans count")
        .notHonoured("commercial statistics are not implemented");
    public static final ConfigKey<Integer> COMMERCIAL_BIG_COUNT = ConfigKey.ofInt("commercialBigCount", 1, "commercial big count")
        .notHonoured("commercial statistics are not implemented");
    public static final ConfigKey<Integer> COMMERCIAL_BASE_COUNT = ConfigKey.ofInt("commercialBaseCount", 1, "commercial base count")
        .notHonoured("commercial statistics are not implemented");
    public static final ConfigKey<Boolean> TRANSFER_MSG_BY_HEAP = ConfigKey.ofBool("transferMsgByHeap", true,
        "true: a pull's messages are copied into the reply on the heap; false: written to the socket from the mapped commit log (zero-copy)")
        .runtime();
    public static final ConfigKey<Integer> MAX_DELAY_TIME = ConfigKey.ofInt("maxDelayTime", 40, "max delay time")
        .notHonoured("has no effect (RocketMQ 4.9.7 does not read it either)");
    public static final ConfigKey<String> REGION_ID = ConfigKey.ofString("regionId", "DefaultRegion", "region id").runtime();
    public static final ConfigKey<Integer> REGISTER_BROKER_TIMEOUT_MILLS = ConfigKey.ofInt("registerBrokerTimeoutMills", 6000, "register broker timeout mills").runtime();
    public static final ConfigKey<Boolean> SLAVE_READ_ENABLE = ConfigKey.ofBool("slaveReadEnable", false, "slave read enable").runtime();
    public static final ConfigKey<Boolean> DISABLE_CONSUME_IF_CONSUMER_READ_SLOWLY = ConfigKey.ofBool("disableConsumeIfConsumerReadSlowly", false,
        "disable a group whose pull reads more than consumerFallbehindThreshold bytes behind the commit log").runtime();
    public static final ConfigKey<Long> CONSUMER_FALLBEHIND_THRESHOLD = ConfigKey.ofLong("consumerFallbehindThreshold", 17179869184L,
        "read-slowly protection threshold").unit("bytes").runtime();
    public static final ConfigKey<Boolean> BROKER_FAST_FAILURE_ENABLE = ConfigKey.ofBool("brokerFastFailureEnable", true, "broker fast failure enable").runtime();
    public static final ConfigKey<Long> WAIT_TIME_MILLS_IN_SEND_QUEUE = ConfigKey.ofLong("waitTimeMillsInSendQueue", 200L, "wait time mills in send queue").runtime();
    public static final ConfigKey<Long> WAIT_TIME_MILLS_IN_PULL_QUEUE = ConfigKey.ofLong("waitTimeMillsInPullQueue", 5000L, "wait time mills in pull queue").runtime();
    public static final ConfigKey<Long> WAIT_TIME_MILLS_IN_HEARTBEAT_QUEUE = ConfigKey.ofLong("waitTimeMillsInHeartbeatQueue", 31000L, "wait time mills in heartbeat queue").runtime();
    public static final ConfigKey<Long> WAIT_TIME_MILLS_IN_TRANSACTION_QUEUE = ConfigKey.ofLong("waitTimeMillsInTransactionQueue", 3000L, "wait time mills in transaction queue").runtime();
    public static final ConfigKey<Long> START_ACCEPT_SEND_REQUEST_TIME_STAMP = ConfigKey.ofLong("startAcceptSendRequestTimeStamp", 0L, "start accept send request time stamp").runtime();
    public static final ConfigKey<Boolean> TRACE_ON = ConfigKey.ofBool("traceOn", true, "trace on").runtime();
    public static final ConfigKey<Boolean> ENABLE_CALC_FILTER_BIT_MAP = ConfigKey.ofBool("enableCalcFilterBitMap", false, "enable calc filter bit map");
    public static final ConfigKey<Integer> EXPECT_CONSUMER_NUM_USE_FILTER = ConfigKey.ofInt("expectConsumerNumUseFilter", 32, "expect consumer num use filter");
    public static final ConfigKey<Integer> MAX_ERROR_RATE_OF_BLOOM_FILTER = ConfigKey.ofInt("maxErrorRateOfBloomFilter", 20, "max error rate of bloom filter");
    public static final ConfigKey<Long> FILTER_DATA_CLEAN_TIME_SPAN = ConfigKey.ofLong("filterDataCleanTimeSpan", 86400000L, "filter data clean time span").runtime();
    public static final ConfigKey<Boolean> FILTER_SUPPORT_RETRY = ConfigKey.ofBool("filterSupportRetry", false, "filter support retry").runtime();
    public static final ConfigKey<Boolean> ENABLE_PROPERTY_FILTER = ConfigKey.ofBool("enablePropertyFilter", false, "enable property filter").runtime();
    public static final ConfigKey<Boolean> COMPRESSED_REGISTER = ConfigKey.ofBool("compressedRegister", false, "compressed register").runtime();
    public static final ConfigKey<Boolean> FORCE_REGISTER = ConfigKey.ofBool("forceRegister", true,
        "false: the periodic registration is sent only when a name server reports changed topic data (QUERY_DATA_VERSION)").runtime();
    public static final ConfigKey<Integer> REGISTER_NAME_SERVER_PERIOD = ConfigKey.ofInt("registerNameServerPeriod", 30000, "register name server period");
    public static final ConfigKey<Long> TRANSACTION_TIME_OUT = ConfigKey.ofLong("transactionTimeOut", 6000L, "transaction time out").runtime();
    public static final ConfigKey<Integer> TRANSACTION_CHECK_MAX = ConfigKey.ofInt("transactionCheckMax", 15, "transaction check max").runtime();
    public static final ConfigKey<Long> TRANSACTION_CHECK_INTERVAL = ConfigKey.ofLong("transactionCheckInterval", 60000L, "transaction check interval").runtime();
    // controller mode (docs/controller.md): RocketMQ 5's names and defaults
    public static final ConfigKey<Boolean> ENABLE_CONTROLLER_MODE = ConfigKey.ofBool("enableControllerMode", false,
        "the controller assigns this broker's id and role and fails the group over (brokerId/brokerRole are ignored)");
    public static final ConfigKey<String> CONTROLLER_ADDR = ConfigKey.ofString("controllerAddr", "",
        "controller peers' remoting addresses, host:port separated by ';'");
    public static final ConfigKey<Long> SYNC_BROKER_METADATA_PERIOD = ConfigKey.ofLong("syncBrokerMetadataPeriod", 5000L,
        "controller mode: how often the broker reads its group's master and SyncStateSet from the controller").unit("ms");
    public static final ConfigKey<Long> CHECK_SYNC_STATE_SET_PERIOD = ConfigKey.ofLong("checkSyncStateSetPeriod", 5000L,
        "controller mode: how often a master re-evaluates its SyncStateSet").unit("ms");
    public static final ConfigKey<Long> CONTROLLER_HEART_BEAT_TIMEOUT_MILLS = ConfigKey.ofLong(
        "controllerHeartBeatTimeoutMills", 10_000L,
        "controller mode: the controller considers this broker dead after this long without a heartbeat").unit("ms");
    public static final ConfigKey<Long> BROKER_HEARTBEAT_INTERVAL = ConfigKey.ofLong("brokerHeartbeatInterval", 1000L,
        "controller mode: heartbeat period to every controller peer").unit("ms");
    public static final ConfigKey<Integer> BROKER_ELECTION_PRIORITY = ConfigKey.ofInt("brokerElectionPriority",
        Integer.MAX_VALUE, "controller mode: among equally up-to-date replicas the lowest value is elected");
    public static final ConfigKey<Boolean> ACL_ENABLE = ConfigKey.ofBool("aclEnable", false, "acl enable");
    // docs/security.md "Inter-node traffic": the broker signs its own outgoing requests with this account
    public static final ConfigKey<String> INNER_CLIENT_CREDENTIALS = ConfigKey.ofString(
        "innerClientAuthenticationCredentials", null,
        "{\"accessKey\":\"...\",\"secretKey\":\"...\"} of the plain_acl.yml account the broker signs its own outgoing requests with (name-server registration, slave metadata sync); unset = unsigned; the secret is never logged and masked in getBrokerConfig").runtime();
    public static final ConfigKey<Boolean> STORE_REPLY_MESSAGE_ENABLE = ConfigKey.ofBool("storeReplyMessageEnable", true, "store reply message enable").runtime();
    public static final ConfigKey<Boolean> ENABLE_DETAIL_STAT = ConfigKey.ofBool("enableDetailStat", true, "enable detail stat");
    public static final ConfigKey<Boolean> AUTO_DELETE_UNUSED_STATS = ConfigKey.ofBool("autoDeleteUnusedStats", false, "auto delete unused stats");
    public static final ConfigKey<Boolean> ISOLATE_LOG_ENABLE = ConfigKey.ofBool("isolateLogEnable", false, "isolate log enable")
        .notHonoured("log isolation is not implemented; set MERCURY_LOG_DIR per instance");

    public static final ConfigTable TABLE = ConfigTable.of(
        LISTEN_PORT,
        BIND_ADDRESS,
        ROCKETMQ_HOME,
        NAMESRV_ADDR,
        BROKER_IP1,
        BROKER_IP2,
        BROKER_NAME,
        BROKER_CLUSTER_NAME,
        BROKER_ID,
        BROKER_PERMISSION,
        DEFAULT_TOPIC_QUEUE_NUMS,
        AUTO_CREATE_TOPIC_ENABLE,
        CLUSTER_TOPIC_ENABLE,
        BROKER_TOPIC_ENABLE,
        AUTO_CREATE_SUBSCRIPTION_GROUP,
        MESSAGE_STORE_PLUG_IN,
        MSG_TRACE_TOPIC_NAME,
        TRACE_TOPIC_ENABLE,
        SEND_MESSAGE_THREAD_POOL_NUMS,
        SEND_MESSAGE_ON_IO_THREAD,
        PUT_MESSAGE_FUTURE_THREAD_POOL_NUMS,
        PULL_MESSAGE_THREAD_POOL_NUMS,
        PROCESS_REPLY_MESSAGE_THREAD_POOL_NUMS,
        QUERY_MESSAGE_THREAD_POOL_NUMS,
        ADMIN_BROKER_THREAD_POOL_NUMS,
        CLIENT_MANAGE_THREAD_POOL_NUMS,
        CONSUMER_MANAGE_THREAD_POOL_NUMS,
        HEARTBEAT_THREAD_POOL_NUMS,
        END_TRANSACTION_THREAD_POOL_NUMS,
        FLUSH_CONSUMER_OFFSET_INTERVAL,
        FLUSH_CONSUMER_OFFSET_HISTORY_INTERVAL,
        REJECT_TRANSACTION_MESSAGE,
        FETCH_NAMESRV_ADDR_BY_ADDRESS_SERVER,
        SEND_THREAD_POOL_QUEUE_CAPACITY,
        PUT_THREAD_POOL_QUEUE_CAPACITY,
        PULL_THREAD_POOL_QUEUE_CAPACITY,
        REPLY_THREAD_POOL_QUEUE_CAPACITY,
        QUERY_THREAD_POOL_QUEUE_CAPACITY,
        CLIENT_MANAGER_THREAD_POOL_QUEUE_CAPACITY,
        CONSUMER_MANAGER_THREAD_POOL_QUEUE_CAPACITY,
        HEARTBEAT_THREAD_POOL_QUEUE_CAPACITY,
        END_TRANSACTION_POOL_QUEUE_CAPACITY,
        FILTER_SERVER_NUMS,
        LONG_POLLING_ENABLE,
        SHORT_POLLING_TIME_MILLS,
        LONG_POLLING_MAX_SUSPEND_MILLIS,
        LONG_POLLING_MAX_HELD_PER_CONNECTION,
        LONG_POLLING_MAX_HELD_TOTAL,
        NOTIFY_CONSUMER_IDS_CHANGED_ENABLE,
        HIGH_SPEED_MODE,
        COMMERCIAL_ENABLE,
        COMMERCIAL_TIMER_COUNT,
        COMMERCIAL_TRANS_COUNT,
        COMMERCIAL_BIG_COUNT,
        COMMERCIAL_BASE_COUNT,
        TRANSFER_MSG_BY_HEAP,
        MAX_DELAY_TIME,
        REGION_ID,
        REGISTER_BROKER_TIMEOUT_MILLS,
        SLAVE_READ_ENABLE,
        DISABLE_CONSUME_IF_CONSUMER_READ_SLOWLY,
        CONSUMER_FALLBEHIND_THRESHOLD,
        BROKER_FAST_FAILURE_ENABLE,
        WAIT_TIME_MILLS_IN_SEND_QUEUE,
        WAIT_TIME_MILLS_IN_PULL_QUEUE,
        WAIT_TIME_MILLS_IN_HEARTBEAT_QUEUE,
        WAIT_TIME_MILLS_IN_TRANSACTION_QUEUE,
        START_ACCEPT_SEND_REQUEST_TIME_STAMP,
        TRACE_ON,
        ENABLE_CALC_FILTER_BIT_MAP,
        EXPECT_CONSUMER_NUM_USE_FILTER,
        MAX_ERROR_RATE_OF_BLOOM_FILTER,
        FILTER_DATA_CLEAN_TIME_SPAN,
        FILTER_SUPPORT_RETRY,
        ENABLE_PROPERTY_FILTER,
        COMPRESSED_REGISTER,
        FORCE_REGISTER,
        REGISTER_NAME_SERVER_PERIOD,
        TRANSACTION_TIME_OUT,
        TRANSACTION_CHECK_MAX,
        TRANSACTION_CHECK_INTERVAL,
        ENABLE_CONTROLLER_MODE,
        CONTROLLER_ADDR,
        SYNC_BROKER_METADATA_PERIOD,
        CHECK_SYNC_STATE_SET_PERIOD,
        CONTROLLER_HEART_BEAT_TIMEOUT_MILLS,
        BROKER_HEARTBEAT_INTERVAL,
        BROKER_ELECTION_PRIORITY,
        ACL_ENABLE,
        INNER_CLIENT_CREDENTIALS,
        STORE_REPLY_MESSAGE_ENABLE,
        ENABLE_DETAIL_STAT,
        AUTO_DELETE_UNUSED_STATS,
        ISOLATE_LOG_ENABLE);

    private BrokerConfigKeys() {
    }
}
