package org.mercurymq.tools.admin;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.mercurymq.common.AclConfig;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.PlainAccessConfig;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.ClusterAclVersionInfo;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.GroupList;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.body.ProducerConnection;
import org.mercurymq.remoting.protocol.body.QueryConsumeQueueResponseBody;
import org.mercurymq.remoting.protocol.body.ResetOffsetBody;
import org.mercurymq.remoting.protocol.body.SubscriptionGroupWrapper;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.body.TopicList;
import org.mercurymq.remoting.protocol.body.TopicStatsTable;
import org.mercurymq.remoting.protocol.header.CreateTopicRequestHeader;
import org.mercurymq.remoting.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.mercurymq.remoting.protocol.header.DeleteTopicRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumeStatsRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumerConnectionListRequestHeader;
import org.mercurymq.remoting.protocol.header.GetProducerConnectionListRequestHeader;
import org.mercurymq.remoting.protocol.header.GetTopicStatsInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryConsumeQueueRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryMessageResponseHeader;
import org.mercurymq.remoting.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import org.mercurymq.remoting.protocol.header.ResetOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.SearchOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.SearchOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.ViewMessageRequestHeader;

/** One method per broker request of docs/protocol/codes.md §1.4 (plus the offset calls the old reset uses). Thread-safe. */
final class BrokerAdminApi {
    /** The ext field that makes QUERY_MESSAGE look the key up as a UNIQ_KEY (docs/protocol/headers.md §5). */
    static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    private final AdminRemoting remoting;

    BrokerAdminApi(AdminRemoting remoting) {
        this.remoting = remoting;
    }

    void createTopic(String addr, TopicConfig config) throws RemotingException, MQAdminException, InterruptedException {
        CreateTopicRequestHeader h = new CreateTopicRequestHeader();
        h.setTopic(config.getTopicName());
        h.setDefaultTopic(TopicNames.DEFAULT_TOPIC);
        h.setReadQueueNums(config.getReadQueueNums());
        h.setWriteQueueNums(config.getWriteQueueNums());
        h.setPerm(config.getPerm());
        h.setTopicFilterType(config.getTopicFilterType().name());
        h.setTopicSysFlag(config.getTopicSysFlag());
        h.setOrder(config.isOrder());
        remoting.callBroker(addr, AdminRemoting.request(RequestCode.UPDATE_AND_CREATE_TOPIC, h));
    }

    void deleteTopic(String addr, String topic) throws RemotingException, MQAdminException, InterruptedException {
        DeleteTopicRequestHeader h = new DeleteTopicRequestHeader();
        h.setTopic(topic);
        remoting.callBroker(addr, AdminRemoting.request(RequestCode.DELETE_TOPIC_IN_BROKER, h));
    }

    TopicStatsTable topicStats(String addr, String topic) throws RemotingException, MQAdminException, InterruptedException {
        GetTopicStatsInfoRequestHeader h = new GetTopicStatsInfoRequestHeader();
        h.setTopic(topic);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_TOPIC_STATS_INFO, h));
        return RemotingSerializable.decode(r.getBody(), TopicStatsTable.class);
    }

    ConsumeStats consumeStats(String addr, String group, String topic)
        throws RemotingException, MQAdminException, InterruptedException {
        GetConsumeStatsRequestHeader h = new GetConsumeStatsRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_CONSUME_STATS, h));
        return RemotingSerializable.decode(r.getBody(), ConsumeStats.class);
    }

    ConsumerConnection consumerConnection(String addr, String group)
        throws RemotingException, MQAdminException, InterruptedException {
        GetConsumerConnectionListRequestHeader h = new GetConsumerConnectionListRequestHeader();
        h.setConsumerGroup(group);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_CONSUMER_CONNECTION_LIST, h));
        return RemotingSerializable.decode(r.getBody(), ConsumerConnection.class);
    }

    ProducerConnection producerConnection(String addr, String group)
        throws RemotingException, MQAdminException, InterruptedException {
        GetProducerConnectionListRequestHeader h = new GetProducerConnectionListRequestHeader();
        h.setProducerGroup(group);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_PRODUCER_CONNECTION_LIST, h));
        return RemotingSerializable.decode(r.getBody(), ProducerConnection.class);
    }

    KVTable runtimeInfo(String addr) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_BROKER_RUNTIME_INFO, null));
        return RemotingSerializable.decode(r.getBody(), KVTable.class);
    }

    Properties brokerConfig(String addr) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_BROKER_CONFIG, null));
        return PropertiesText.parse(r.getBody());
    }

    void updateBrokerConfig(String addr, Properties properties) throws RemotingException, MQAdminException, InterruptedException {
        remoting.callBroker(addr, AdminRemoting.request(RequestCode.UPDATE_BROKER_CONFIG, null, PropertiesText.format(properties)));
    }

    QueryConsumeQueueResponseBody queryConsumeQueue(String addr, String topic, int queueId, long index, int count,
                                                    String consumerGroup)
        throws RemotingException, MQAdminException, InterruptedException {
        QueryConsumeQueueRequestHeader h = new QueryConsumeQueueRequestHeader();
        h.setTopic(topic);
        h.setQueueId(queueId);
        h.setIndex(index);
        h.setCount(count);
        h.setConsumerGroup(consumerGroup);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.QUERY_CONSUME_QUEUE, h));
        if (r.getBody() == null) {
            // RocketMQ's broker answers an index the queue does not hold with SUCCESS, no body and this remark
            throw new MQAdminException(r.getCode(), r.getRemark(), addr);
        }
        return RemotingSerializable.decode(r.getBody(), QueryConsumeQueueResponseBody.class);
    }

    TopicConfigSerializeWrapper allTopicConfig(String addr) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_ALL_TOPIC_CONFIG, null));
        return RemotingSerializable.decode(r.getBody(), TopicConfigSerializeWrapper.class);
    }

    TopicList systemTopicList(String addr) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, null));
        return RemotingSerializable.decode(r.getBody(), TopicList.class);
    }

    /** CLEAN_EXPIRED_CONSUMEQUEUE (306), DELETE_EXPIRED_COMMITLOG (329), CLEAN_UNUSED_TOPIC (316): no header, no body. */
    boolean maintenance(String addr, int code) throws RemotingException, MQAdminException, InterruptedException {
        remoting.callBroker(addr, AdminRemoting.request(code, null));
        return true;
    }

    void createSubscriptionGroup(String addr, SubscriptionGroupConfig config)
        throws RemotingException, MQAdminException, InterruptedException {
        remoting.callBroker(addr, AdminRemoting.request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null,
            RemotingSerializable.encode(config)));
    }

    void deleteSubscriptionGroup(String addr, String group, boolean removeOffset)
        throws RemotingException, MQAdminException, InterruptedException {
        DeleteSubscriptionGroupRequestHeader h = new DeleteSubscriptionGroupRequestHeader();
        h.setGroupName(group);
        h.setRemoveOffset(removeOffset);
        remoting.callBroker(addr, AdminRemoting.request(RequestCode.DELETE_SUBSCRIPTIONGROUP, h));
    }

    MessageExt viewMessage(String addr, long commitLogOffset) throws RemotingException, MQAdminException, InterruptedException {
        ViewMessageRequestHeader h = new ViewMessageRequestHeader();
        h.setOffset(commitLogOffset);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.VIEW_MESSAGE_BY_ID, h));
        return MessageDecoder.decode(ByteBuffer.wrap(r.getBody()), true, true);
    }

    /** The broker's matches (unfiltered), or an empty result when it answers QUERY_NOT_FOUND. */
    QueryResult queryMessage(String addr, String topic, String key, int maxNum, long begin, long end, boolean uniqueKey)
        throws RemotingException, MQAdminException, InterruptedException {
        QueryMessageRequestHeader h = new QueryMessageRequestHeader();
        h.setTopic(topic);
        h.setKey(key);
        h.setMaxNum(maxNum);
        h.setBeginTimestamp(begin);
        h.setEndTimestamp(end);
        RemotingCommand request = AdminRemoting.request(RequestCode.QUERY_MESSAGE, h);
        request.addExtField(UNIQUE_KEY_QUERY, String.valueOf(uniqueKey));
        RemotingCommand r = remoting.callBroker(addr, request, ResponseCode.QUERY_NOT_FOUND);
        if (r.getCode() == ResponseCode.QUERY_NOT_FOUND.code() || r.getBody() == null) {
            return new QueryResult(0, Collections.<MessageExt>emptyList());
        }
        Long indexTime = r.decodeCommandCustomHeader(QueryMessageResponseHeader.class).getIndexLastUpdateTimestamp();
        List<MessageExt> found = MessageDecoder.decodes(ByteBuffer.wrap(r.getBody()));
        return new QueryResult(indexTime == null ? 0 : indexTime, found);
    }

    Map<MessageQueue, Long> resetOffset(String addr, String topic, String group, long timestamp, boolean force)
        throws RemotingException, MQAdminException, InterruptedException {
        ResetOffsetRequestHeader h = new ResetOffsetRequestHeader();
        h.setTopic(topic);
        h.setGroup(group);
        h.setTimestamp(timestamp);
        h.setForce(force);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, h));
        if (r.getBody() == null) {
            return Collections.emptyMap();
        }
        return RemotingSerializable.decode(r.getBody(), ResetOffsetBody.class).getOffsetTable();
    }

    GroupList topicConsumeByWho(String addr, String topic) throws RemotingException, MQAdminException, InterruptedException {
        QueryTopicConsumeByWhoRequestHeader h = new QueryTopicConsumeByWhoRequestHeader();
        h.setTopic(topic);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, h));
        return RemotingSerializable.decode(r.getBody(), GroupList.class);
    }

    long searchOffset(String addr, String topic, int queueId, long timestamp)
        throws RemotingException, MQAdminException, InterruptedException {
        SearchOffsetRequestHeader h = new SearchOffsetRequestHeader();
        h.setTopic(topic);
        h.setQueueId(queueId);
        h.setTimestamp(timestamp);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, h));
        Long offset = r.decodeCommandCustomHeader(SearchOffsetResponseHeader.class).getOffset();
        return offset == null ? 0 : offset;
    }

    void updateConsumerOffset(String addr, String group, String topic, int queueId, long offset)
        throws RemotingException, MQAdminException, InterruptedException {
        UpdateConsumerOffsetRequestHeader h = new UpdateConsumerOffsetRequestHeader();
        h.setConsumerGroup(group);
        h.setTopic(topic);
        h.setQueueId(queueId);
        h.setCommitOffset(offset);
        remoting.callBroker(addr, AdminRemoting.request(RequestCode.UPDATE_CONSUMER_OFFSET, h));
    }

    SubscriptionGroupWrapper allSubscriptionGroups(String addr, long timeoutMillis)
        throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, null));
        return RemotingSerializable.decode(r.getBody(), SubscriptionGroupWrapper.class);
    }

    // ---- ACL (codes 50-54, docs/security.md): headers travel as ext fields ----

    void updateAclAccount(String addr, PlainAccessConfig c) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = AdminRemoting.request(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, null);
        putIfSet(r, "accessKey", c.getAccessKey());
        putIfSet(r, "secretKey", c.getSecretKey());
        putIfSet(r, "whiteRemoteAddress", c.getWhiteRemoteAddress());
        putIfSet(r, "defaultTopicPerm", c.getDefaultTopicPerm());
        putIfSet(r, "defaultGroupPerm", c.getDefaultGroupPerm());
        r.addExtField("admin", String.valueOf(c.isAdmin()));
        putIfSet(r, "topicPerms", joined(c.getTopicPerms()));
        putIfSet(r, "groupPerms", joined(c.getGroupPerms()));
        remoting.callBroker(addr, r);
    }

    void deleteAclAccount(String addr, String accessKey) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = AdminRemoting.request(RequestCode.DELETE_ACL_CONFIG, null);
        r.addExtField("accessKey", accessKey);
        remoting.callBroker(addr, r);
    }

    void updateGlobalWhiteAddrs(String addr, String globalWhiteAddrs, String aclFileFullPath)
        throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = AdminRemoting.request(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, null);
        r.addExtField("globalWhiteAddrs", globalWhiteAddrs);
        putIfSet(r, "aclFileFullPath", aclFileFullPath);
        remoting.callBroker(addr, r);
    }

    ClusterAclVersionInfo aclVersions(String addr) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_BROKER_CLUSTER_ACL_INFO, null));
        Map<String, String> ext = r.getExtFields() == null ? Collections.emptyMap() : r.getExtFields();
        ClusterAclVersionInfo info = new ClusterAclVersionInfo();
        info.setBrokerName(ext.get("brokerName"));
        info.setBrokerAddr(ext.get("brokerAddr"));
        info.setClusterName(ext.get("clusterName"));
        if (ext.get("version") != null) {
            info.setAclConfigDataVersion(DataVersion.fromJson(JSON.parseObject(ext.get("version"))));
        }
        Map<String, DataVersion> all = new LinkedHashMap<>();
        if (ext.get("allAclFileVersion") != null) {
            JSONObject files = JSON.parseObject(ext.get("allAclFileVersion"));
            for (String file : files.keySet()) {
                all.put(file, DataVersion.fromJson(files.getJSONObject(file)));
            }
        }
        info.setAllAclConfigDataVersion(all);
        return info;
    }

    AclConfig aclConfig(String addr) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, null));
        if (r.getBody() == null) {
            throw new MQAdminException("broker " + addr + " sent no ACL config");
        }
        return JSON.parseObject(new String(r.getBody(), StandardCharsets.UTF_8), AclConfig.class);
    }

    private static void putIfSet(RemotingCommand r, String key, String value) {
        if (value != null) {
            r.addExtField(key, value);
        }
    }

    private static String joined(List<String> entries) {
        return entries == null || entries.isEmpty() ? null : String.join(",", entries);
    }
}
