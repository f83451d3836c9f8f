package org.mercurymq.broker.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercurymq.broker.client.Broker2Client;
import org.mercurymq.broker.client.ClientChannelInfo;
import org.mercurymq.broker.client.ConsumerGroupInfo;
import org.mercurymq.broker.client.ConsumerManager;
import org.mercurymq.broker.client.ProducerManager;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.protocol.header.GetConsumeStatsInBrokerHeader;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageId;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.protocol.LanguageCode;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumeStatsList;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.GetConsumerStatusBody;
import org.mercurymq.remoting.protocol.body.ProducerConnection;
import org.mercurymq.remoting.protocol.body.ProducerInfo;
import org.mercurymq.remoting.protocol.body.ProducerTableInfo;
import org.mercurymq.remoting.protocol.body.QueryConsumeTimeSpanBody;
import org.mercurymq.remoting.protocol.body.QueueTimeSpan;
import org.mercurymq.remoting.protocol.body.ResetOffsetBody;
import org.mercurymq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumeStatsRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumerConnectionListRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumerStatusRequestHeader;
import org.mercurymq.remoting.protocol.header.GetProducerConnectionListRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryConsumeTimeSpanRequestHeader;
import org.mercurymq.remoting.protocol.header.ResetOffsetRequestHeader;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.SelectMappedBufferResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer and producer inspection and control (docs/protocol/codes.md §1.4): connection lists (203, 204, 328), consume
 * stats (208, 317), consume time span (303), offset reset (222, then 220 to the clients), consumer status
 * (223, via 221), and the client relays GET_CONSUMER_RUNNING_INFO (307) and CONSUME_MESSAGE_DIRECTLY (309).
 * Thread-safe.
 */
public final class ConsumerAdminProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerAdminProcessor.class);
    /** Clients older than this cannot take offset resets or status queries (docs/protocol/remoting.md §7). */
    private static final int MIN_RESET_VERSION = 28;
    /** Clients older than this cannot answer running-info or consume-directly relays. */
    private static final int MIN_RELAY_VERSION = 62;
    private static final long RELAY_TIMEOUT_MILLIS = 10_000;
    private static final long STATUS_TIMEOUT_MILLIS = 5_000;

    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final MessageStore store;
    private final Broker2Client broker2Client;
    private final ConsumeStatsBuilder consumeStats;
    private final String brokerName;
    private final String brokerAddr;

    public ConsumerAdminProcessor(TopicConfigManager topics, ConsumerOffsetManager offsets, ConsumerManager consumers,
                                  ProducerManager producers, MessageStore store, Broker2Client broker2Client,
                                  BrokerStatsManager stats, String brokerName, String brokerAddr) {
        this.topics = topics;
        this.offsets = offsets;
        this.consumers = consumers;
        this.producers = producers;
        this.store = store;
        this.broker2Client = broker2Client;
        this.consumeStats = new ConsumeStatsBuilder(topics, offsets, store, stats, brokerName);
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
        on(RequestCode.GET_CONSUMER_CONNECTION_LIST, this::consumerConnections);
        on(RequestCode.GET_PRODUCER_CONNECTION_LIST, this::producerConnections);
        on(RequestCode.GET_ALL_PRODUCER_INFO, this::allProducers);
        on(RequestCode.GET_CONSUME_STATS, this::consumeStats);
        on(RequestCode.GET_BROKER_CONSUME_STATS, this::brokerConsumeStats);
        on(RequestCode.QUERY_CONSUME_TIME_SPAN, this::consumeTimeSpan);
        on(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, this::resetOffset);
        on(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, this::consumerStatus);
        on(RequestCode.GET_CONSUMER_RUNNING_INFO, this::runningInfo);
        on(RequestCode.CONSUME_MESSAGE_DIRECTLY, this::consumeMessageDirectly);
    }

    private static Connection connection(ClientChannelInfo info) {
        Connection c = new Connection();
        c.setClientId(info.clientId());
        c.setClientAddr(info.remoteAddress());
        c.setLanguage(info.language());
        c.setVersion(info.version());
        return c;
    }

    private RemotingCommand consumerConnections(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetConsumerConnectionListRequestHeader h = request.decodeCommandCustomHeader(GetConsumerConnectionListRequestHeader.class);
        ConsumerGroupInfo info = consumers.getConsumerGroupInfo(h.getConsumerGroup());
        if (info == null || info.isEmpty()) {
            return error(request, ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group[" + h.getConsumerGroup() + "] not online");
        }
        ConsumerConnection body = new ConsumerConnection();
        for (ClientChannelInfo ci : info.channelInfos()) {
            body.getConnectionSet().add(connection(ci));
        }
        body.getSubscriptionTable().putAll(info.subscriptions());
        body.setConsumeType(info.consumeType());
        body.setMessageModel(info.messageModel());
        body.setConsumeFromWhere(info.consumeFromWhere());
        return TopicAdminProcessor.withBody(request, body.encode());
    }

    private RemotingCommand producerConnections(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetProducerConnectionListRequestHeader h = request.decodeCommandCustomHeader(GetProducerConnectionListRequestHeader.class);
        List<ClientChannelInfo> infos = producers.channels(h.getProducerGroup());
        if (infos.isEmpty()) {
            return error(request, ResponseCode.SYSTEM_ERROR, "the producer group[" + h.getProducerGroup() + "] not exist");
        }
        ProducerConnection body = new ProducerConnection();
        for (ClientChannelInfo ci : infos) {
            body.getConnectionSet().add(connection(ci));
        }
        return TopicAdminProcessor.withBody(request, body.encode());
    }

    private RemotingCommand allProducers(RemotingChannel channel, RemotingCommand request) {
        ProducerTableInfo body = new ProducerTableInfo();
        for (Map.Entry<String, List<ClientChannelInfo>> e : producers.snapshot().entrySet()) {
            List<ProducerInfo> list = new ArrayList<>();
            for (ClientChannelInfo ci : e.getValue()) {
                ProducerInfo p = new ProducerInfo();
                p.setClientId(ci.clientId());
                p.setRemoteIP(ci.remoteAddress());
                p.setLanguage(ci.language());
                p.setVersion(ci.version());
                p.setLastUpdateTimestamp(ci.lastUpdateTimestamp());
                list.add(p);
            }
            body.getData().put(e.getKey(), list);
        }
        return TopicAdminProcessor.withBody(request, body.encode());
    }

    private RemotingCommand consumeStats(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetConsumeStatsRequestHeader h = request.decodeCommandCustomHeader(GetConsumeStatsRequestHeader.class);
        ConsumeStats cs = consumeStats.build(h.getConsumerGroup(), h.getTopic());
        return TopicAdminProcessor.withBody(request, cs.encode());
    }

    private RemotingCommand brokerConsumeStats(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetConsumeStatsInBrokerHeader h = request.decodeCommandCustomHeader(GetConsumeStatsInBrokerHeader.class);
        ConsumeStatsList list = new ConsumeStatsList();
        list.setBrokerAddr(brokerAddr);
        long totalDiff = 0;
        for (ConsumerGroupInfo g : consumers.allGroups()) {
            Map<String, List<ConsumeStats>> byTopic = new HashMap<>();
            for (String topic : g.subscriptions().keySet()) {
                TopicConfig tc = topics.selectTopicConfig(topic);
                if (tc == null || TopicNames.isRetryTopic(topic) || (h.isIsOrder() && !tc.isOrder())) {
                    continue;
                }
                ConsumeStats cs = consumeStats.build(g.groupName(), topic);
                totalDiff += cs.computeTotalDiff();
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(cs);
            }
            if (!byTopic.isEmpty()) {
                Map<String, List<ConsumeStats>> entry = new HashMap<>();
                List<ConsumeStats> all = new ArrayList<>();
                byTopic.values().forEach(all::addAll);
                entry.put(g.groupName(), all);
                list.getConsumeStatsList().add(entry);
            }
        }
        list.setTotalDiff(totalDiff);
        return TopicAdminProcessor.withBody(request, list.encode());
    }

    private RemotingCommand consumeTimeSpan(RemotingChannel channel, RemotingCommand request) throws Exception {
        QueryConsumeTimeSpanRequestHeader h = request.decodeCommandCustomHeader(QueryConsumeTimeSpanRequestHeader.class);
        TopicConfig tc = topics.selectTopicConfig(h.getTopic());
        if (tc == null) {
            return error(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.getTopic() + "] not exist");
        }
        QueryConsumeTimeSpanBody body = new QueryConsumeTimeSpanBody();
        for (int i = 0; i < tc.getWriteQueueNums(); i++) {
            QueueTimeSpan span = new QueueTimeSpan();
            span.setMessageQueue(new MessageQueue(h.getTopic(), brokerName, i));
            long minTime = store.getEarliestMessageTime(h.getTopic(), i);
            long max = store.getMaxOffsetInQueue(h.getTopic(), i);
            long maxTime = max > 0 ? store.getMessageStoreTimeStamp(h.getTopic(), i, max - 1) : 0;
            long consumerOffset = offsets.queryOffset(h.getGroup(), h.getTopic(), i);
            long consumeTime = consumerOffset > 0 ? store.getMessageStoreTimeStamp(h.getTopic(), i, consumerOffset - 1) : minTime;
            span.setMinTimeStamp(minTime);
            span.setMaxTimeStamp(maxTime);
            span.setConsumeTimeStamp(consumeTime);
            span.setDelayTime(consumerOffset >= 0 && consumerOffset < max ? Math.max(0, maxTime - consumeTime) : 0);
            body.getConsumeTimeSpanSet().add(span);
        }
        return TopicAdminProcessor.withBody(request, body.encode());
    }

    private RemotingCommand resetOffset(RemotingChannel channel, RemotingCommand request) throws Exception {
        ResetOffsetRequestHeader h = request.decodeCommandCustomHeader(ResetOffsetRequestHeader.class);
        TopicConfig tc = topics.selectTopicConfig(h.getTopic());
        if (tc == null) {
            return error(request, ResponseCode.SYSTEM_ERROR,
                "[reset-offset] reset offset failed, no topic in this broker. topic=" + h.getTopic());
        }
        ResetOffsetBody body = new ResetOffsetBody();
        for (int i = 0; i < tc.getWriteQueueNums(); i++) {
            long consumerOffset = offsets.queryOffset(h.getGroup(), h.getTopic(), i);
            if (consumerOffset == -1) {
                return error(request, ResponseCode.SYSTEM_ERROR,
                    String.format("THe consumer group <%s> not exist", h.getGroup()));
            }
            long target = h.getTimestamp() == -1 ? store.getMaxOffsetInQueue(h.getTopic(), i)
                : store.getOffsetInQueueByTime(h.getTopic(), i, h.getTimestamp());
            target = Math.max(0, target);
            long offset = h.isForce() || target < consumerOffset ? target : consumerOffset;
            body.getOffsetTable().put(new MessageQueue(h.getTopic(), brokerName, i), offset);
        }
        ConsumerGroupInfo info = consumers.getConsumerGroupInfo(h.getGroup());
        if (info == null || info.isEmpty()) {
            return error(request, ResponseCode.CONSUMER_NOT_ONLINE, String.format(
                "Consumer not online, so can not reset offset, Group: %s Topic: %s Timestamp: %d", h.getGroup(),
                h.getTopic(), h.getTimestamp()));
        }
        byte[] encoded = body.encode();
        for (ClientChannelInfo ci : info.channelInfos()) {
            if (ci.version() < MIN_RESET_VERSION) {
                LOG.warn("consumer {} is too old ({}) to reset offsets", LogEscape.of(ci), ci.version());
                continue;
            }
            ResetOffsetRequestHeader toClient = new ResetOffsetRequestHeader();
            toClient.setTopic(h.getTopic());
            toClient.setGroup(h.getGroup());
            toClient.setTimestamp(h.getTimestamp());
            toClient.setForce(h.isForce());
            broker2Client.sendOneway(ci.channel(), RequestCode.RESET_CONSUMER_CLIENT_OFFSET, toClient, encoded);
        }
        LOG.info("offsets of {} on {} reset to timestamp {} by {}: {}", LogEscape.of(h.getGroup()),
            LogEscape.of(h.getTopic()), h.getTimestamp(),
            channel.remoteAddress(), body.getOffsetTable().values());
        // a C++ admin reads the list form (docs/protocol/headers.md §8); the consumers themselves always get the Java form
        return TopicAdminProcessor.withBody(request,
            request.getLanguage() == LanguageCode.CPP ? body.encodeForCpp() : encoded);
    }

    private RemotingCommand consumerStatus(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetConsumerStatusRequestHeader h = request.decodeCommandCustomHeader(GetConsumerStatusRequestHeader.class);
        ConsumerGroupInfo info = consumers.getConsumerGroupInfo(h.getGroup());
        if (info == null || info.isEmpty()) {
            return error(request, ResponseCode.SYSTEM_ERROR, "No Any Consumer online in the consumer group: [" + h.getGroup() + "]");
        }
        GetConsumerStatusBody body = new GetConsumerStatusBody();
        for (ClientChannelInfo ci : info.channelInfos()) {
            if (ci.version() < MIN_RESET_VERSION) {
                continue;
            }
            if (h.getClientAddr() != null && !h.getClientAddr().isEmpty() && !h.getClientAddr().equals(ci.remoteAddress())) {
                continue;
            }
            GetConsumerStatusRequestHeader toClient = new GetConsumerStatusRequestHeader();
            toClient.setTopic(h.getTopic());
            toClient.setGroup(h.getGroup());
            try {
                RemotingCommand r = broker2Client.callClient(ci.channel(),
                    RemotingCommand.createRequestCommand(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, toClient),
                    STATUS_TIMEOUT_MILLIS);
                if (r.getCode() == ResponseCode.SUCCESS.code() && r.getBody() != null) {
                    GetConsumerStatusBody b = RemotingSerializable.decode(r.getBody(), GetConsumerStatusBody.class);
                    body.getConsumerTable().put(ci.clientId(), b.getMessageQueueTable());
                }
            } catch (Exception e) {
                LOG.warn("get consumer status of {} failed: {}", LogEscape.of(ci), e.toString());
            }
        }
        return TopicAdminProcessor.withBody(request, body.encode());
    }

    private RemotingCommand runningInfo(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader h = request.decodeCommandCustomHeader(GetConsumerRunningInfoRequestHeader.class);
        return relay(request, h.getConsumerGroup(), h.getClientId(), request.getBody());
    }

    private RemotingCommand consumeMessageDirectly(RemotingChannel channel, RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyResultRequestHeader h =
            request.decodeCommandCustomHeader(ConsumeMessageDirectlyResultRequestHeader.class);
        request.addExtField("brokerName", brokerName);
        MessageId id;
        try {
            id = MessageDecoder.decodeMessageId(h.getMsgId());
        } catch (Exception e) {
            return error(request, ResponseCode.SYSTEM_ERROR, "bad message id " + h.getMsgId());
        }
        SelectMappedBufferResult r = store.selectOneMessageByOffset(id.getOffset());
        if (r == null) {
            return error(request, ResponseCode.SYSTEM_ERROR, "The Message <" + h.getMsgId() + "> not found");
        }
        byte[] body;
        try {
            body = r.bytes();
        } finally {
            r.release();
        }
        return relay(request, h.getConsumerGroup(), h.getClientId(), body);
    }

    private RemotingCommand relay(RemotingCommand request, String group, String clientId, byte[] body) {
        ClientChannelInfo ci = consumers.findChannel(group, clientId);
        if (ci == null) {
            return error(request, ResponseCode.SYSTEM_ERROR, String.format("The Consumer <%s> <%s> not online", group, clientId));
        }
        if (ci.version() < MIN_RELAY_VERSION) {
            return error(request, ResponseCode.SYSTEM_ERROR, String.format(
                "The Consumer <%s> Version <%d> too low to finish, please upgrade it to V3_1_8_SNAPSHOT", clientId, ci.version()));
        }
        RemotingCommand forward = RemotingCommand.createRequestCommand(request.getCode(), null);
        forward.setExtFields(request.getExtFields());
        forward.setBody(body);
        try {
            RemotingCommand answer = broker2Client.callClient(ci.channel(), forward, RELAY_TIMEOUT_MILLIS);
            RemotingCommand response = request.response(answer.getCode(), answer.getRemark());
            response.setBody(answer.getBody());
            return response;
        } catch (RemotingTimeoutException e) {
            return error(request, ResponseCode.CONSUME_MSG_TIMEOUT, String.format("consumer <%s> <%s> Timeout: %s", group,
                clientId, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(request, ResponseCode.SYSTEM_ERROR, "interrupted");
        } catch (Exception e) {
            return error(request, ResponseCode.SYSTEM_ERROR, String.format("invoke consumer <%s> <%s> Exception: %s", group,
                clientId, e));
        }
    }
}
