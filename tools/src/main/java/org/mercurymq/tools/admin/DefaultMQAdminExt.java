package org.mercurymq.tools.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.mercurymq.common.AclConfig;
import org.mercurymq.common.KVNamespaces;
import org.mercurymq.common.PlainAccessConfig;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageClientExt;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.protocol.controller.EpochEntryCacheBody;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.body.QueryConsumeQueueResponseBody;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.body.SubscriptionGroupWrapper;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.BrokerStatsData;
import org.mercurymq.remoting.protocol.body.ClusterAclVersionInfo;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.remoting.protocol.body.ConsumeStatsList;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.ProducerTableInfo;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.GroupList;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.body.ProducerConnection;
import org.mercurymq.remoting.protocol.body.SubscriptionGroupWrapper;
import org.mercurymq.remoting.protocol.body.TopicList;
import org.mercurymq.remoting.protocol.body.TopicStatsTable;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * The admin API of mqadmin, with the method names and parameters of RocketMQ 4.9.7's DefaultMQAdminExt.
 * Name-server calls go to the current name server (or to every configured one where RocketMQ does so);
 * topic-wide calls fan out to one address per broker of the topic's route and merge the answers.
 * Lifecycle: set the name server, {@link #start()}, {@link #shutdown()}. Thread-safe once started.
 */
public class DefaultMQAdminExt {
    /** Environment variable and system property that supply the name server list when none is set. */
    public static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";
    public static final String NAMESRV_ADDR_PROPERTY = "rocketmq.namesrv.addr";
    private static final long DEFAULT_TIMEOUT_MILLIS = 5000;

    private final long timeoutMillis;
    private final RPCHook rpcHook;
    private String adminExtGroup = "admin_ext_group";
    private String namesrvAddr;
    private boolean useTLS = Boolean.parseBoolean(System.getProperty("tls.enable", "false"));
    private AdminRemoting remoting;
    private NamesrvAdminApi namesrv;
    private BrokerAdminApi broker;
    private MessageLookup messages;
    private OffsetReset offsets;
    private StatsAdminApi stats;
    private ControllerAdminApi controllers;

    public DefaultMQAdminExt() {
        this(DEFAULT_TIMEOUT_MILLIS);
    }

    public DefaultMQAdminExt(long timeoutMillis) {
        this((RPCHook) null, timeoutMillis);
    }

    /** With {@code rpcHook} run before every request, e.g. an ACL {@code AclClientRPCHook} (docs/security.md). */
    public DefaultMQAdminExt(RPCHook rpcHook) {
        this(rpcHook, DEFAULT_TIMEOUT_MILLIS);
    }

    public DefaultMQAdminExt(RPCHook rpcHook, long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.rpcHook = rpcHook;
    }

    public DefaultMQAdminExt(String adminExtGroup) {
        this(adminExtGroup, DEFAULT_TIMEOUT_MILLIS);
    }

    public DefaultMQAdminExt(String adminExtGroup, long timeoutMillis) {
        this(timeoutMillis);
        this.adminExtGroup = adminExtGroup;
    }

    // ---- lifecycle and settings ----

    /** {@code host:port} entries separated by ';'. */
    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    /** The name server list as set, or from NAMESRV_ADDR / -Drocketmq.namesrv.addr; null when none. */
    public String getNamesrvAddr() {
        if (namesrvAddr != null && !namesrvAddr.trim().isEmpty()) {
            return namesrvAddr.trim();
        }
        String fromProperty = System.getProperty(NAMESRV_ADDR_PROPERTY);
        if (fromProperty != null && !fromProperty.trim().isEmpty()) {
            return fromProperty.trim();
        }
        String fromEnv = System.getenv(NAMESRV_ADDR_ENV);
        return fromEnv == null || fromEnv.trim().isEmpty() ? null : fromEnv.trim();
    }

    /** As RocketMQ's ClientConfig: default from {@code -Dtls.enable}; settings {@code tls.client.*} (docs/security.md). */
    public boolean isUseTLS() {
        return useTLS;
    }

    public void setUseTLS(boolean useTLS) {
        this.useTLS = useTLS;
    }

    public String getAdminExtGroup() {
        return adminExtGroup;
    }

    public void setAdminExtGroup(String adminExtGroup) {
        this.adminExtGroup = adminExtGroup;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    /** Starts the remoting client; fails when no name server address is known. */
    public synchronized void start() throws MQAdminException {
        if (remoting != null) {
            return;
        }
        String addrs = getNamesrvAddr();
        if (addrs == null) {
            throw new MQAdminException("no name server address: set one with -n host:port, or the NAMESRV_ADDR"
                + " environment variable");
        }
        AdminRemoting r = new AdminRemoting(timeoutMillis, rpcHook, useTLS);
        r.start(splitAddresses(addrs));
        remoting = r;
        namesrv = new NamesrvAdminApi(r);
        broker = new BrokerAdminApi(r);
        messages = new MessageLookup(namesrv, broker);
        offsets = new OffsetReset(namesrv, broker);
        stats = new StatsAdminApi(r);
        controllers = new ControllerAdminApi(r);
    }

    public synchronized void shutdown() {
        if (remoting != null) {
            remoting.shutdown();
            remoting = null;
        }
    }

    public List<String> getNameServerAddressList() {
        return started().nameServers();
    }

    private AdminRemoting started() {
        if (remoting == null) {
            throw new IllegalStateException("DefaultMQAdminExt is not started");
        }
        return remoting;
    }

    private List<String> nameServersOr(Collection<String> given) {
        return given == null || given.isEmpty() ? started().nameServers() : new ArrayList<>(given);
    }

    // ---- cluster, routes, topics ----

    public ClusterInfo examineBrokerClusterInfo() throws RemotingException, MQAdminException, InterruptedException {
        started();
        return namesrv.clusterInfo();
    }

    public TopicRouteData examineTopicRouteInfo(String topic) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return namesrv.topicRoute(topic);
    }

    public TopicList fetchAllTopicList() throws RemotingException, MQAdminException, InterruptedException {
        started();
        return namesrv.allTopics();
    }

    /** Spelled as in RocketMQ. */
    public TopicList fetchTopicsByCLuster(String clusterName) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return namesrv.topicsByCluster(clusterName);
    }

    public void createAndUpdateTopicConfig(String addr, TopicConfig config)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        broker.createTopic(addr, config);
    }

    public void deleteTopicInBroker(Set<String> addrs, String topic) throws RemotingException, MQAdminException, InterruptedException {
        started();
        for (String addr : addrs) {
            broker.deleteTopic(addr, topic);
        }
    }

    /** On the given name servers (all configured ones when null); {@code clusterName} null removes it everywhere. */
    public void deleteTopicInNameServer(Set<String> addrs, String topic, String clusterName)
        throws RemotingException, MQAdminException, InterruptedException {
        for (String addr : nameServersOr(addrs)) {
            namesrv.deleteTopic(addr, topic, clusterName);
        }
    }

    /** Min/max offsets of every queue of the topic, from every broker in its route. */
    public TopicStatsTable examineTopicStats(String topic) throws RemotingException, MQAdminException, InterruptedException {
        started();
        TopicRouteData route = namesrv.topicRoute(topic);
        TopicStatsTable result = new TopicStatsTable();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr != null) {
                result.getOffsetTable().putAll(broker.topicStats(addr, topic).getOffsetTable());
            }
        }
        return result;
    }

    public GroupList queryTopicConsumeByWho(String topic) throws RemotingException, MQAdminException, InterruptedException {
        started();
        TopicRouteData route = namesrv.topicRoute(topic);
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr != null) {
                return broker.topicConsumeByWho(addr, topic);
            }
        }
        return new GroupList();
    }

    // ---- consumers and producers ----

    public ConsumeStats examineConsumeStats(String consumerGroup) throws RemotingException, MQAdminException, InterruptedException {
        return examineConsumeStats(consumerGroup, null);
    }

    /**
     * The group's offsets on every broker that hosts its retry topic, merged; {@code topic} null means all its
     * topics. Fails with CONSUMER_NOT_ONLINE when no broker has an offset for it.
     */
    public ConsumeStats examineConsumeStats(String consumerGroup, String topic)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        TopicRouteData route = namesrv.topicRoute(TopicNames.getRetryTopic(consumerGroup));
        ConsumeStats result = new ConsumeStats();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr != null) {
                ConsumeStats one = broker.consumeStats(addr, consumerGroup, topic);
                result.getOffsetTable().putAll(one.getOffsetTable());
                result.setConsumeTps(result.getConsumeTps() + one.getConsumeTps());
            }
        }
        if (result.getOffsetTable().isEmpty()) {
            throw new MQAdminException(ResponseCode.CONSUMER_NOT_ONLINE.code(), "no consume stats for group " + consumerGroup
                + (topic == null ? "" : " on topic " + topic) + ": its offset table is empty, maybe it has consumed nothing yet",
                null);
        }
        return result;
    }

    /** The live connections of a consumer group, from the brokers of its retry topic. */
    public ConsumerConnection examineConsumerConnectionInfo(String consumerGroup)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        TopicRouteData route = namesrv.topicRoute(TopicNames.getRetryTopic(consumerGroup));
        ConsumerConnection result = new ConsumerConnection();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr != null) {
                result = broker.consumerConnection(addr, consumerGroup);
            }
        }
        if (result.getConnectionSet().isEmpty()) {
            throw new MQAdminException(ResponseCode.CONSUMER_NOT_ONLINE.code(), "no connection of consumer group "
                + consumerGroup, null);
        }
        return result;
    }

    /** A consumer group's connections as one broker sees them. */
    public ConsumerConnection examineConsumerConnectionInfo(String consumerGroup, String brokerAddr)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.consumerConnection(brokerAddr, consumerGroup);
    }

    public ProducerConnection examineProducerConnectionInfo(String producerGroup, String topic)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        TopicRouteData route = namesrv.topicRoute(topic);
        ProducerConnection result = new ProducerConnection();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr != null) {
                result.getConnectionSet().addAll(broker.producerConnection(addr, producerGroup).getConnectionSet());
            }
        }
        if (result.getConnectionSet().isEmpty()) {
            throw new MQAdminException(ResponseCode.SYSTEM_ERROR.code(), "no connection of producer group " + producerGroup
                + " on topic " + topic, null);
        }
        return result;
    }

    public void createAndUpdateSubscriptionGroupConfig(String addr, SubscriptionGroupConfig config)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        broker.createSubscriptionGroup(addr, config);
    }

    public void deleteSubscriptionGroup(String addr, String groupName) throws RemotingException, MQAdminException, InterruptedException {
        deleteSubscriptionGroup(addr, groupName, false);
    }

    public void deleteSubscriptionGroup(String addr, String groupName, boolean removeOffset)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        broker.deleteSubscriptionGroup(addr, groupName, removeOffset);
    }

    /** Through the brokers, which notify the live consumers; CONSUMER_NOT_ONLINE when there are none. */
    public Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp, boolean isForce)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return offsets.viaBrokers(topic, group, timestamp, isForce);
    }

    /** Commits the offsets found by time directly (for a group with no consumer online); -1 means the newest. */
    public List<RollbackStats> resetOffsetByTimestampOld(String consumerGroup, String topic, long timestamp, boolean force)
        throws RemotingException, MQAdminException, InterruptedException {
        ConsumeStats stats = examineConsumeStats(consumerGroup, topic);
        return offsets.byCommit(stats, consumerGroup, topic, timestamp, force);
    }

    // ---- brokers ----

    public KVTable fetchBrokerRuntimeStats(String brokerAddr) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.runtimeInfo(brokerAddr);
    }

    // ---- statistics (docs/statistics.md) ----

    /** VIEW_BROKER_STATS_DATA (315): one stats item of a broker; a missing item fails with code 1. */
    public BrokerStatsData viewBrokerStatsData(String brokerAddr, String statsName, String statsKey)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return stats.viewBrokerStatsData(brokerAddr, statsName, statsKey);
    }

    /** GET_BROKER_CONSUME_STATS (317): every online group's consume stats on a broker. */
    public ConsumeStatsList fetchConsumeStatsInBroker(String brokerAddr, boolean isOrder, long timeoutMillis)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return stats.brokerConsumeStats(brokerAddr, isOrder, timeoutMillis);
    }

    /** GET_ALL_PRODUCER_INFO (328): the producers connected to a broker, by group. */
    public ProducerTableInfo getAllProducerInfo(String brokerAddr)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return stats.allProducerInfo(brokerAddr);
    }

    /**
     * GET_CONSUMER_RUNNING_INFO (307) through the first broker of the group's retry topic, which asks the
     * client; null when the retry topic has no broker address.
     */
    public ConsumerRunningInfo getConsumerRunningInfo(String consumerGroup, String clientId, boolean jstack)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        TopicRouteData route = namesrv.topicRoute(TopicNames.getRetryTopic(consumerGroup));
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr != null) {
                return stats.consumerRunningInfo(addr, consumerGroup, clientId, jstack);
            }
        }
        return null;
    }

    /** CONSUME_MESSAGE_DIRECTLY (309): the broker storing the message hands it to the client to consume. */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String msgId)
        throws RemotingException, MQAdminException, InterruptedException {
        MessageExt msg = viewMessage(msgId);
        return stats.consumeMessageDirectly(RemotingHelper.parseSocketAddressAddr(msg.getStoreHost()), consumerGroup,
            clientId, null, msgId);
    }

    /** As {@link #consumeMessageDirectly(String, String, String)}, also finding {@code msgId} as a unique key. */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String topic,
                                                               String msgId)
        throws RemotingException, MQAdminException, InterruptedException {
        MessageExt msg = viewMessage(topic, msgId);
        return stats.consumeMessageDirectly(RemotingHelper.parseSocketAddressAddr(msg.getStoreHost()), consumerGroup,
            clientId, topic, msg instanceof MessageClientExt ? ((MessageClientExt) msg).getOffsetMsgId() : msg.getMsgId());
    }

    // ---- controller mode (docs/controller.md, "Operating it") ------------------------------------

    /** CONTROLLER_GET_METADATA_INFO (1005) of one controller peer: its id, the leader's id, whether it leads, peers. */
    public Map<String, String> getControllerMetaData(String controllerAddr)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return controllers.metaData(controllerAddr);
    }

    /** A broker group's master, master epoch and SyncStateSet from the controller leader (1004). */
    public ReplicaInfoView getReplicaInfo(List<String> controllerAddrs, String brokerName)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return ReplicaInfoView.of(controllers.replicaInfo(controllerAddrs, brokerName));
    }

    /**
     * Designated election (1002 with designateElect=true): makes {@code brokerId} the master of {@code brokerName} if
     * it is alive and in the SyncStateSet (a switchover when the master is alive).
     */
    public ReplicaInfoView electMaster(List<String> controllerAddrs, String clusterName, String brokerName, long brokerId)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return ReplicaInfoView.of(controllers.electMaster(controllerAddrs, clusterName, brokerName, brokerId));
    }

    /** GET_BROKER_EPOCH_CACHE (1007): the broker's epoch entries and commit-log max offset. */
    public EpochEntryCacheBody getBrokerEpochCache(String brokerAddr)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return controllers.epochCache(brokerAddr);
    }

    /** What the controller says of a broker group. Immutable. */
    public record ReplicaInfoView(long masterBrokerId, String masterAddress, int masterEpoch,
                                  java.util.Set<Long> syncStateSet, int syncStateSetEpoch) {
        static ReplicaInfoView of(ControllerAdminApi.ReplicaInfo i) {
            return new ReplicaInfoView(i.masterBrokerId(), i.masterAddress(), i.masterEpoch(),
                i.syncStateSet().getSyncStateSet(), i.syncStateSet().getSyncStateSetEpoch());
        }
    }

    public Properties getBrokerConfig(String brokerAddr) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.brokerConfig(brokerAddr);
    }

    public void updateBrokerConfig(String brokerAddr, Properties properties)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        broker.updateBrokerConfig(brokerAddr, properties);
    }

    /** QUERY_CONSUME_QUEUE (321): raw consume-queue entries from {@code index}; consumerGroup may be null. */
    public QueryConsumeQueueResponseBody queryConsumeQueue(String brokerAddr, String topic, int queueId, long index,
                                                           int count, String consumerGroup)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.queryConsumeQueue(brokerAddr, topic, queueId, index, count, consumerGroup);
    }

    /** GET_ALL_TOPIC_CONFIG (21) of one broker ({@code timeoutMillis} kept for 4.9.7's signature). */
    public TopicConfigSerializeWrapper getAllTopicConfig(String brokerAddr, long timeoutMillis)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.allTopicConfig(brokerAddr);
    }

    /** GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305). */
    public TopicList getSystemTopicListFromBroker(String brokerAddr)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.systemTopicList(brokerAddr);
    }

    // ---- store maintenance (4.9.7's names; true when the broker answered SUCCESS, an exception otherwise) ----

    public boolean cleanExpiredConsumerQueueByAddr(String addr) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.maintenance(addr, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE);
    }

    public boolean deleteExpiredCommitLogByAddr(String addr) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.maintenance(addr, RequestCode.DELETE_EXPIRED_COMMITLOG);
    }

    public boolean cleanUnusedTopicByAddr(String addr) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.maintenance(addr, RequestCode.CLEAN_UNUSED_TOPIC);
    }

    // ---- ACL (brokers with aclEnable=true; docs/security.md) ----

    /** Creates the account, or overwrites the given fields of an existing one, in the broker's plain_acl.yml. */
    public void createAndUpdatePlainAccessConfig(String addr, PlainAccessConfig config)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        broker.updateAclAccount(addr, config);
    }

    public void deletePlainAccessConfig(String addr, String accessKey)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        broker.deleteAclAccount(addr, accessKey);
    }

    /** Replaces the global white list of the broker's default ACL file; {@code globalWhiteAddrs} is comma separated. */
    public void updateGlobalWhiteAddrConfig(String addr, String globalWhiteAddrs)
        throws RemotingException, MQAdminException, InterruptedException {
        updateGlobalWhiteAddrConfig(addr, globalWhiteAddrs, null);
    }

    /** As above for the ACL file {@code aclFileFullPath} (absolute, under the broker's home); null means the default file. */
    public void updateGlobalWhiteAddrConfig(String addr, String globalWhiteAddrs, String aclFileFullPath)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        broker.updateGlobalWhiteAddrs(addr, globalWhiteAddrs, aclFileFullPath);
    }

    public ClusterAclVersionInfo examineBrokerClusterAclVersionInfo(String addr)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.aclVersions(addr);
    }

    public AclConfig examineBrokerClusterAclConfig(String addr) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.aclConfig(addr);
    }

    // ---- messages ----

    /** By offset message id (host, port and commit-log offset in hex). */
    public MessageExt viewMessage(String msgId) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return messages.viewMessage(msgId);
    }

    /** By offset message id, or else by the producer's unique key within {@code topic}. */
    public MessageExt viewMessage(String topic, String msgId) throws RemotingException, MQAdminException, InterruptedException {
        started();
        try {
            return messages.viewMessage(msgId);
        } catch (MQAdminException | RemotingException e) {
            return messages.query(topic, msgId, 32, 0, Long.MAX_VALUE, true).getMessageList().get(0);
        }
    }

    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return messages.query(topic, key, maxNum, begin, end, false);
    }

    public QueryResult queryMessageByUniqKey(String topic, String msgId, int maxNum, long begin, long end)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return messages.query(topic, msgId, maxNum, begin, end, true);
    }

    // ---- name servers ----

    public int wipeWritePermOfBroker(String namesrvAddr, String brokerName)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return namesrv.wipeWritePerm(namesrvAddr, brokerName);
    }

    public int addWritePermOfBroker(String namesrvAddr, String brokerName)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return namesrv.addWritePerm(namesrvAddr, brokerName);
    }

    /** On every configured name server. */
    public void createAndUpdateKvConfig(String namespace, String key, String value)
        throws RemotingException, MQAdminException, InterruptedException {
        for (String addr : started().nameServers()) {
            namesrv.putKVConfig(addr, namespace, key, value);
        }
    }

    /** As {@link #createAndUpdateKvConfig}; RocketMQ's older name. */
    public void putKVConfig(String namespace, String key, String value)
        throws RemotingException, MQAdminException, InterruptedException {
        createAndUpdateKvConfig(namespace, key, value);
    }

    /** The value; QUERY_NOT_FOUND when absent. */
    public String getKVConfig(String namespace, String key) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return namesrv.getKVConfig(namespace, key);
    }

    /** On every configured name server. */
    public void deleteKvConfig(String namespace, String key) throws RemotingException, MQAdminException, InterruptedException {
        for (String addr : started().nameServers()) {
            namesrv.deleteKVConfig(addr, namespace, key);
        }
    }

    /** Name server address → its config; {@code nameServers} null or empty means all configured ones. */
    public Map<String, Properties> getNameServerConfig(List<String> nameServers)
        throws RemotingException, MQAdminException, InterruptedException {
        Map<String, Properties> out = new LinkedHashMap<>();
        for (String addr : nameServersOr(nameServers)) {
            out.put(addr, namesrv.config(addr));
        }
        return out;
    }

    public void updateNameServerConfig(Properties properties, List<String> nameServers)
        throws RemotingException, MQAdminException, InterruptedException {
        for (String addr : nameServersOr(nameServers)) {
            namesrv.updateConfig(addr, properties);
        }
    }

    // ---- topic clusters, order conf, group configs and offsets, message tracks (docs/mqadmin.md) ----

    /** The clusters holding the broker of the topic route's first broker data; TOPIC_NOT_EXIST for an unknown topic. */
    public Set<String> getTopicClusterList(String topic) throws RemotingException, MQAdminException, InterruptedException {
        started();
        TopicRouteData route = namesrv.topicRoute(topic);
        ClusterInfo info = namesrv.clusterInfo();
        Set<String> clusters = new TreeSet<>();
        if (route.getBrokerDatas().isEmpty()) {
            return clusters;
        }
        String brokerName = route.getBrokerDatas().get(0).getBrokerName();
        for (Map.Entry<String, Set<String>> e : info.getClusterAddrTable().entrySet()) {
            if (e.getValue().contains(brokerName)) {
                clusters.add(e.getKey());
            }
        }
        return clusters;
    }

    /** Every subscription group a broker holds (GET_ALL_SUBSCRIPTIONGROUP_CONFIG). */
    public SubscriptionGroupWrapper getAllSubscriptionGroup(String brokerAddr, long timeoutMillis)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        return broker.allSubscriptionGroups(brokerAddr, timeoutMillis);
    }

    /** The group's config on that broker, or null when the broker does not hold it. */
    public SubscriptionGroupConfig examineSubscriptionGroupConfig(String addr, String group)
        throws RemotingException, MQAdminException, InterruptedException {
        return getAllSubscriptionGroup(addr, timeoutMillis).getSubscriptionGroupTable().get(group);
    }

    /** Commits {@code offset} for the group on one queue (UPDATE_CONSUMER_OFFSET) at {@code brokerAddr}. */
    public void updateConsumeOffset(String brokerAddr, String consumeGroup, MessageQueue mq, long offset)
        throws RemotingException, MQAdminException, InterruptedException {
        started();
        broker.updateConsumerOffset(brokerAddr, consumeGroup, mq.getTopic(), mq.getQueueId(), offset);
    }

    /**
     * Writes the topic's order conf to namespace ORDER_TOPIC_CONFIG of every name server. With {@code isCluster}
     * {@code value} is the whole conf ({@code brokerName:queueNums;...}); without it {@code value} is one
     * {@code brokerName:queueNums} entry merged into the existing conf.
     */
    public void createOrUpdateOrderConf(String key, String value, boolean isCluster)
        throws RemotingException, MQAdminException, InterruptedException {
        if (isCluster) {
            createAndUpdateKvConfig(KVNamespaces.ORDER_TOPIC_CONFIG, key, value);
            return;
        }
        String[] entry = value.split(":");
        if (entry.length != 2) {
            throw new MQAdminException("order conf entry must be brokerName:queueNums, got '" + value + "'");
        }
        Map<String, String> conf = new java.util.HashMap<>();
        String old = null;
        try {
            old = getKVConfig(KVNamespaces.ORDER_TOPIC_CONFIG, key);
        } catch (MQAdminException e) {
            if (e.getResponseCode() != ResponseCode.QUERY_NOT_FOUND.code()) {
                throw e;
            }
        }
        if (old != null && !old.trim().isEmpty()) {
            for (String item : old.split(";")) {
                String[] kv = item.split(":");
                if (kv.length == 2) {
                    conf.put(kv[0], kv[1]);
                }
            }
        }
        conf.put(entry[0], entry[1]);
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, String> e : conf.entrySet()) {
            items.add(e.getKey() + ":" + e.getValue());
        }
        createAndUpdateKvConfig(KVNamespaces.ORDER_TOPIC_CONFIG, key, String.join(";", items));
    }

    /** How each group that consumes the message's topic stands with it (docs/mqadmin.md, "message tracks"). */
    public List<MessageTrack> messageTrackDetail(MessageExt msg) throws RemotingException, MQAdminException, InterruptedException {
        started();
        return new MessageTracker(this).track(msg);
    }

    /** The list a ';'-separated address string stands for. */
    public static List<String> splitAddresses(String addrs) {
        List<String> out = new ArrayList<>();
        if (addrs != null) {
            for (String a : Arrays.asList(addrs.split(";"))) {
                if (!a.trim().isEmpty()) {
                    out.add(a.trim());
                }
            }
        }
        return out;
    }
}
