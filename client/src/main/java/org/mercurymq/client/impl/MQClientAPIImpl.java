package org.mercurymq.client.impl;

import java.time.Clock;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.remoting.protocol.body.GetConsumerListByGroupResponseBody;
import org.mercurymq.remoting.protocol.body.LockBatchRequestBody;
import org.mercurymq.remoting.protocol.body.LockBatchResponseBody;
import org.mercurymq.remoting.protocol.body.UnlockBatchRequestBody;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageBatch;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.HeartbeatData;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.RemotingClient;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.ResponseFuture;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.mercurymq.remoting.protocol.header.CreateTopicRequestHeader;
import org.mercurymq.remoting.protocol.header.EndTransactionRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumerListByGroupRequestHeader;
import org.mercurymq.remoting.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import org.mercurymq.remoting.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import org.mercurymq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.GetMaxOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.GetMinOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.GetMinOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.PullMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.PullMessageResponseHeader;
import org.mercurymq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryConsumerOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.QueryMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SearchOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.SearchOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeaderV2;
import org.mercurymq.remoting.protocol.header.SendMessageResponseHeader;
import org.mercurymq.remoting.protocol.header.UnregisterClientRequestHeader;
import org.mercurymq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.ViewMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * Typed calls to name servers and brokers over one {@link NettyRemotingClient}: each method builds
 * the request header/body of its code (docs/protocol/headers.md), sends it and turns the reply into a value or an
 * exception through {@link ResponseOutcomes}. Holds no client state. Thread-safe.
 */
public class MQClientAPIImpl {
    private static final String REPLY_MESSAGE_FLAG = "reply";

    private final NettyRemotingClient remotingClient;
    private final ClientConfig clientConfig;

    public MQClientAPIImpl(NettyClientConfig nettyClientConfig, ClientConfig clientConfig, RPCHook rpcHook) {
        this(nettyClientConfig, clientConfig, rpcHook, Clock.systemUTC());
    }

    public MQClientAPIImpl(NettyClientConfig nettyClientConfig, ClientConfig clientConfig, RPCHook rpcHook, Clock clock) {
        this.remotingClient = new NettyRemotingClient(nettyClientConfig, null, clock);
        this.clientConfig = clientConfig;
        if (rpcHook != null) {
            remotingClient.registerRPCHook(rpcHook);
        }
    }

    public RemotingClient getRemotingClient() {
        return remotingClient;
    }

    public void start() {
        remotingClient.start();
    }

    public void shutdown() {
        remotingClient.shutdown();
    }

    /** Addresses separated by {@code ;}. */
    public void updateNameServerAddressList(String addrs) {
        List<String> list = new ArrayList<String>();
        for (String a : addrs.split(";")) {
            if (!a.trim().isEmpty()) {
                list.add(a.trim());
            }
        }
        remotingClient.updateNameServerAddressList(list);
    }

    public List<String> getNameServerAddressList() {
        return remotingClient.getNameServerAddressList();
    }

    private RemotingCommand request(int code, CommandCustomHeader header) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setLanguage(clientConfig.getLanguage());
        return request;
    }

    private RemotingCommand invoke(String addr, RemotingCommand request, long timeoutMillis)
        throws RemotingException, InterruptedException {
        return remotingClient.invokeSync(addr, request, timeoutMillis);
    }

    // ---------------------------------------------------------------- name server

    /**
     * The topic's route from a name server, or null when the topic is unknown and
     * {@code allowTopicNotExist}; otherwise an unknown topic is an {@link MQClientException} with code 17.
     */
    public TopicRouteData getTopicRouteInfoFromNameServer(String topic, long timeoutMillis, boolean allowTopicNotExist)
        throws MQClientException, InterruptedException, RemotingException {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand response = invoke(null, request(RequestCode.GET_ROUTEINFO_BY_TOPIC, header), timeoutMillis);
        if (response.getCode() == ResponseCode.TOPIC_NOT_EXIST.code()) {
            if (allowTopicNotExist) {
                return null;
            }
            throw new MQClientException(response.getCode(), "No topic route info in name server for the topic: " + topic);
        }
        if (response.getCode() != ResponseCode.SUCCESS.code() || response.getBody() == null) {
            throw new MQClientException(response.getCode(), response.getRemark());
        }
        return RemotingSerializable.decode(response.getBody(), TopicRouteData.class);
    }

    // ---------------------------------------------------------------- send

    /** The request of a single or batch send; V2 (one-letter) header as the 4.9.x client sends by default. */
    RemotingCommand sendRequest(Message msg, SendMessageRequestHeader header, byte[] body) {
        int code = msg instanceof MessageBatch ? RequestCode.SEND_BATCH_MESSAGE
            : REPLY_MESSAGE_FLAG.equals(msg.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE)) ? RequestCode.SEND_REPLY_MESSAGE_V2
            : RequestCode.SEND_MESSAGE_V2;
        RemotingCommand request = request(code, SendMessageRequestHeaderV2.fromV1(header));
        request.setBody(body);
        return request;
    }

    /** Sends {@code body} (possibly compressed) with {@code header}; a code other than "stored" is thrown. */
    public SendReply sendMessageSync(String addr, Message msg, SendMessageRequestHeader header, byte[] body,
                                     long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = invoke(addr, sendRequest(msg, header, body), timeoutMillis);
        return readSendReply(response, addr);
    }

    /** Sends and reports to {@code callback} on a callback thread; failures to hand the request over are thrown. */
    public void sendMessageAsync(final String addr, Message msg, SendMessageRequestHeader header, byte[] body,
                                 long timeoutMillis, final ReplyCallback<SendReply> callback)
        throws RemotingException, InterruptedException {
        invokeAsync(addr, sendRequest(msg, header, body), timeoutMillis, callback, new ReplyReader<SendReply>() {
            @Override
            public SendReply read(RemotingCommand response) throws Exception {
                return readSendReply(response, addr);
            }
        });
    }

    public void sendMessageOneway(String addr, Message msg, SendMessageRequestHeader header, byte[] body, long timeoutMillis)
        throws RemotingException, InterruptedException {
        remotingClient.invokeOneway(addr, sendRequest(msg, header, body), timeoutMillis);
    }

    /** END_TRANSACTION (37), oneway; {@code remark} may carry the local transaction's exception text. */
    public void endTransactionOneway(String addr, EndTransactionRequestHeader header, String remark, long timeoutMillis)
        throws RemotingException, InterruptedException {
        RemotingCommand request = request(RequestCode.END_TRANSACTION, header);
        request.setRemark(remark);
        remotingClient.invokeOneway(addr, request, timeoutMillis);
    }

    static RemotingException failureOf(ResponseFuture future, String addr) {
        Throwable cause = future.getCause();
        if (cause instanceof RemotingException) {
            return (RemotingException) cause;
        }
        if (future.isTimeout()) {
            return new RemotingTimeoutException("wait response from " + addr + " timed out after " + future.getTimeoutMillis() + "ms", cause);
        }
        return new RemotingException("request to " + addr + " failed", cause);
    }

    /** Reads a send reply; codes other than 0/10/11/12 become {@link MQBrokerException}. */
    public static SendReply readSendReply(RemotingCommand response, String addr)
        throws MQBrokerException, RemotingCommandException {
        ResponseOutcomes.expectStored(response, addr);
        SendMessageResponseHeader header = response.decodeCommandCustomHeader(SendMessageResponseHeader.class);
        String region = null;
        boolean traceOn = true;
        if (response.getExtFields() != null) {
            region = response.getExtFields().get(MessageConst.PROPERTY_MSG_REGION);
            traceOn = !"false".equals(response.getExtFields().get(MessageConst.PROPERTY_TRACE_SWITCH));
        }
        return new SendReply(response.getCode(), header.getMsgId(), header.getQueueId(), header.getQueueOffset(),
            header.getTransactionId(), region == null || region.isEmpty() ? "DefaultRegion" : region, traceOn);
    }

    // ---------------------------------------------------------------- pull

    public PullReply pullMessageSync(String addr, PullMessageRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = invoke(addr, request(RequestCode.PULL_MESSAGE, header), timeoutMillis);
        return readPullReply(response, addr);
    }

    public void pullMessageAsync(final String addr, PullMessageRequestHeader header, long timeoutMillis,
                                 final ReplyCallback<PullReply> callback) throws RemotingException, InterruptedException {
        invokeAsync(addr, request(RequestCode.PULL_MESSAGE, header), timeoutMillis, callback, new ReplyReader<PullReply>() {
            @Override
            public PullReply read(RemotingCommand response) throws Exception {
                return readPullReply(response, addr);
            }
        });
    }

    /** Reads a pull reply; codes that are not pull outcomes become {@link MQBrokerException}. */
    public static PullReply readPullReply(RemotingCommand response, String addr)
        throws MQBrokerException, RemotingCommandException {
        ResponseOutcomes.expectPullOutcome(response, addr);
        PullMessageResponseHeader h = response.decodeCommandCustomHeader(PullMessageResponseHeader.class);
        return new PullReply(response.getCode(), h.getNextBeginOffset(), h.getMinOffset(), h.getMaxOffset(),
            h.getSuggestWhichBrokerId(), response.getBody());
    }

    /** Turns a reply into the caller's value; whatever it throws goes to the callback's onException. */
    private interface ReplyReader<T> {
        T read(RemotingCommand response) throws Exception;
    }

    private <T> void invokeAsync(final String addr, RemotingCommand request, long timeoutMillis,
                                 final ReplyCallback<T> callback, final ReplyReader<T> reader)
        throws RemotingException, InterruptedException {
        remotingClient.invokeAsync(addr, request, timeoutMillis, new org.mercurymq.remoting.InvokeCallback() {
            @Override
            public void operationComplete(ResponseFuture future) {
                RemotingCommand response = future.getResponseCommand();
                if (response == null) {
                    callback.onException(failureOf(future, addr));
                    return;
                }
                T reply;
                try {
                    reply = reader.read(response);
                } catch (Exception e) {
                    callback.onException(e);
                    return;
                }
                callback.onSuccess(reply);
            }
        });
    }

    // ---------------------------------------------------------------- offsets

    /** The stored offset; a reply other than SUCCESS (e.g. 22, none stored yet) is an {@link MQBrokerException}. */
    public long queryConsumerOffset(String addr, QueryConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = invoke(addr, request(RequestCode.QUERY_CONSUMER_OFFSET, header), timeoutMillis);
        ResponseOutcomes.expect(response, addr);
        return response.decodeCommandCustomHeader(QueryConsumerOffsetResponseHeader.class).getOffset();
    }

    public void updateConsumerOffset(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = invoke(addr, request(RequestCode.UPDATE_CONSUMER_OFFSET, header), timeoutMillis);
        ResponseOutcomes.expect(response, addr);
    }

    public void updateConsumerOffsetOneway(String addr, UpdateConsumerOffsetRequestHeader header, long timeoutMillis)
        throws RemotingException, InterruptedException {
        remotingClient.invokeOneway(addr, request(RequestCode.UPDATE_CONSUMER_OFFSET, header), timeoutMillis);
    }

    public long getMaxOffset(String addr, String topic, int queueId, String brokerName, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetMaxOffsetRequestHeader header = new GetMaxOffsetRequestHeader();
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setBname(brokerName);
        return queueOffsetCall(addr, RequestCode.GET_MAX_OFFSET, header, timeoutMillis, GetMaxOffsetResponseHeader.class).getOffset();
    }

    public long getMinOffset(String addr, String topic, int queueId, String brokerName, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetMinOffsetRequestHeader header = new GetMinOffsetRequestHeader();
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setBname(brokerName);
        return queueOffsetCall(addr, RequestCode.GET_MIN_OFFSET, header, timeoutMillis, GetMinOffsetResponseHeader.class).getOffset();
    }

    public long searchOffset(String addr, String topic, int queueId, long timestamp, String brokerName, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        SearchOffsetRequestHeader header = new SearchOffsetRequestHeader();
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setTimestamp(timestamp);
        header.setBname(brokerName);
        return queueOffsetCall(addr, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, header, timeoutMillis, SearchOffsetResponseHeader.class).getOffset();
    }

    public long getEarliestMsgStoretime(String addr, String topic, int queueId, String brokerName, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetEarliestMsgStoretimeRequestHeader header = new GetEarliestMsgStoretimeRequestHeader();
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setBname(brokerName);
        return queueOffsetCall(addr, RequestCode.GET_EARLIEST_MSG_STORETIME, header, timeoutMillis, GetEarliestMsgStoretimeResponseHeader.class).getTimestamp();
    }

    /** Sends a queue-offset query and decodes the typed reply header of a successful answer. */
    private <H extends CommandCustomHeader> H queueOffsetCall(String addr, int code, CommandCustomHeader header,
                                                              long timeoutMillis, Class<H> responseHeader)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = invoke(addr, request(code, header), timeoutMillis);
        ResponseOutcomes.expect(response, addr);
        return response.decodeCommandCustomHeader(responseHeader);
    }

    // ---------------------------------------------------------------- client registration

    /** Sends a heartbeat and returns the broker's {@code version} (docs/protocol/remoting.md §7). */
    public int sendHeartbeat(String addr, HeartbeatData heartbeatData, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = request(RequestCode.HEART_BEAT, null);
        request.setBody(RemotingSerializable.encode(heartbeatData));
        RemotingCommand response = invoke(addr, request, timeoutMillis);
        ResponseOutcomes.expect(response, addr);
        return response.getVersion();
    }

    public void unregisterClient(String addr, String clientID, String producerGroup, String consumerGroup, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        UnregisterClientRequestHeader header = new UnregisterClientRequestHeader();
        header.setClientID(clientID);
        header.setProducerGroup(producerGroup);
        header.setConsumerGroup(consumerGroup);
        RemotingCommand response = invoke(addr, request(RequestCode.UNREGISTER_CLIENT, header), timeoutMillis);
        ResponseOutcomes.expect(response, addr);
    }

    public List<String> getConsumerIdListByGroup(String addr, String consumerGroup, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        GetConsumerListByGroupRequestHeader header = new GetConsumerListByGroupRequestHeader();
        header.setConsumerGroup(consumerGroup);
        RemotingCommand response = invoke(addr, request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, header), timeoutMillis);
        ResponseOutcomes.expect(response, addr);
        if (response.getBody() == null) {
            return Collections.emptyList();
        }
        return RemotingSerializable.decode(response.getBody(), GetConsumerListByGroupResponseBody.class).getConsumerIdList();
    }

    // ---------------------------------------------------------------- retry

    public void consumerSendMessageBack(String addr, String brokerName, MessageExt msg, String consumerGroup,
                                        int delayLevel, long timeoutMillis, int maxConsumeRetryTimes)
        throws RemotingException, MQBrokerException, InterruptedException {
        ConsumerSendMsgBackRequestHeader header = new ConsumerSendMsgBackRequestHeader();
        header.setOffset(msg.getCommitLogOffset());
        header.setGroup(consumerGroup);
        header.setDelayLevel(delayLevel);
        header.setOriginMsgId(msg.getMsgId());
        header.setOriginTopic(msg.getTopic());
        header.setUnitMode(false);
        header.setMaxReconsumeTimes(maxConsumeRetryTimes);
        header.setBname(brokerName);
        RemotingCommand response = invoke(addr, request(RequestCode.CONSUMER_SEND_MSG_BACK, header), timeoutMillis);
        ResponseOutcomes.expect(response, addr);
    }

    // ---------------------------------------------------------------- orderly locks

    public Set<MessageQueue> lockBatchMQ(String addr, LockBatchRequestBody body, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = request(RequestCode.LOCK_BATCH_MQ, null);
        request.setBody(body.encode());
        RemotingCommand response = invoke(addr, request, timeoutMillis);
        ResponseOutcomes.expect(response, addr);
        return RemotingSerializable.decode(response.getBody(), LockBatchResponseBody.class).getLockOKMQSet();
    }

    public void unlockBatchMQ(String addr, UnlockBatchRequestBody body, long timeoutMillis, boolean oneway)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = request(RequestCode.UNLOCK_BATCH_MQ, null);
        request.setBody(body.encode());
        if (oneway) {
            remotingClient.invokeOneway(addr, request, timeoutMillis);
            return;
        }
        ResponseOutcomes.expect(invoke(addr, request, timeoutMillis), addr);
    }

    // ---------------------------------------------------------------- admin

    public void createTopic(String addr, String defaultTopic, TopicConfig topicConfig, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader();
        header.setTopic(topicConfig.getTopicName());
        header.setDefaultTopic(defaultTopic);
        header.setReadQueueNums(topicConfig.getReadQueueNums());
        header.setWriteQueueNums(topicConfig.getWriteQueueNums());
        header.setPerm(topicConfig.getPerm());
        header.setTopicFilterType(topicConfig.getTopicFilterType().name());
        header.setTopicSysFlag(topicConfig.getTopicSysFlag());
        header.setOrder(topicConfig.isOrder());
        ResponseOutcomes.expect(invoke(addr, request(RequestCode.UPDATE_AND_CREATE_TOPIC, header), timeoutMillis), addr);
    }

    public MessageExt viewMessage(String addr, long phyoffset, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        ViewMessageRequestHeader header = new ViewMessageRequestHeader();
        header.setOffset(phyoffset);
        RemotingCommand response = invoke(addr, request(RequestCode.VIEW_MESSAGE_BY_ID, header), timeoutMillis);
        ResponseOutcomes.expect(response, addr);
        MessageExt msg = MessageDecoder.clientDecode(ByteBuffer.wrap(response.getBody()), true);
        if (msg == null) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR.code(), "undecodable message at offset " + phyoffset, addr);
        }
        return msg;
    }

    /** Messages matching {@code key} on one broker; none found (22) gives an empty list. */
    public List<MessageExt> queryMessage(String addr, QueryMessageRequestHeader header, boolean uniqueKey, long timeoutMillis)
        throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand request = request(RequestCode.QUERY_MESSAGE, header);
        request.addExtField("_UNIQUE_KEY_QUERY", String.valueOf(uniqueKey));
        RemotingCommand response = invoke(addr, request, timeoutMillis);
        if (response.getCode() == ResponseCode.QUERY_NOT_FOUND.code()) {
            return Collections.emptyList();
        }
        ResponseOutcomes.expect(response, addr);
        if (response.getBody() == null) {
            return Collections.emptyList();
        }
        List<MessageExt> out = new ArrayList<MessageExt>();
        ByteBuffer buf = ByteBuffer.wrap(response.getBody());
        while (buf.hasRemaining()) {
            MessageExt m = MessageDecoder.clientDecode(buf, true);
            if (m == null) {
                break;
            }
            out.add(m);
        }
        return out;
    }
}
