package org.mercurymq.client.impl.factory;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.GetConsumerStatusBody;
import org.mercurymq.remoting.protocol.body.ResetOffsetBody;
import org.mercurymq.client.support.NamespaceUtil;
import org.mercurymq.common.message.BodyCompression;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import org.mercurymq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import org.mercurymq.remoting.protocol.header.ReplyMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumerStatusRequestHeader;
import org.mercurymq.remoting.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import org.mercurymq.remoting.protocol.header.ResetOffsetRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests brokers send to clients (docs/protocol/remoting.md §8 "Server → client requests"): consumer
 * list changed (rebalance now), offset reset, consumer status, running info, direct consumption,
 * replies to requests and transaction checks.
 * Thread-safe.
 */
public class ClientRemotingProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRemotingProcessor.class);

    private final MQClientInstance instance;
    private final String namespace;
    private final ProducerServices replies;

    public ClientRemotingProcessor(MQClientInstance instance, String namespace, ProducerServices replies) {
        this.instance = instance;
        this.namespace = namespace;
        this.replies = replies;
    }

    @Override
    public RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.NOTIFY_CONSUMER_IDS_CHANGED:
                return notifyConsumerIdsChanged(channel, request);
            case RequestCode.RESET_CONSUMER_CLIENT_OFFSET:
                return resetOffset(request);
            case RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT:
                return consumerStatus(request);
            case RequestCode.GET_CONSUMER_RUNNING_INFO:
                return runningInfo(request);
            case RequestCode.CONSUME_MESSAGE_DIRECTLY:
                return consumeDirectly(request);
            case RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT:
                return receiveReplyMessage(request);
            case RequestCode.CHECK_TRANSACTION_STATE:
                return checkTransactionState(channel, request);
            default:
                return request.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(),
                    "request code " + request.getCode() + " not supported by the client");
        }
    }

    private RemotingCommand notifyConsumerIdsChanged(RemotingChannel channel, RemotingCommand request) throws Exception {
        NotifyConsumerIdsChangedRequestHeader h = request.decodeCommandCustomHeader(NotifyConsumerIdsChangedRequestHeader.class);
        LOG.info("broker {} says the consumers of group {} changed; rebalancing", channel.remoteAddress(), h.getConsumerGroup());
        instance.rebalanceImmediately();
        return null;
    }

    private RemotingCommand resetOffset(RemotingCommand request) throws Exception {
        ResetOffsetRequestHeader h = request.decodeCommandCustomHeader(ResetOffsetRequestHeader.class);
        Map<MessageQueue, Long> table = request.getBody() == null ? Collections.<MessageQueue, Long>emptyMap()
            : ResetOffsetBody.decode(request.getBody()).getOffsetTable();
        MQConsumerInner consumer = instance.selectConsumer(h.getGroup());
        if (consumer != null && consumer.resetOffsetByBroker(h.getTopic(), table)) {
            LOG.info("broker asked group {} to reset topic {} to {}", h.getGroup(), h.getTopic(), table);
        } else {
            LOG.warn("offset reset for group {} ignored: no push consumer of that group here", h.getGroup());
        }
        return null;
    }

    private RemotingCommand consumerStatus(RemotingCommand request) throws Exception {
        GetConsumerStatusRequestHeader h = request.decodeCommandCustomHeader(GetConsumerStatusRequestHeader.class);
        MQConsumerInner consumer = instance.selectConsumer(h.getGroup());
        Map<MessageQueue, Long> offsets = consumer == null ? Collections.<MessageQueue, Long>emptyMap()
            : consumer.consumerStatusOffsets(h.getTopic());
        RemotingCommand response = request.response(ResponseCode.SUCCESS.code(), null);
        response.setBody(new GetConsumerStatusBody(offsets).encode());
        return response;
    }

    private RemotingCommand runningInfo(RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader h = request.decodeCommandCustomHeader(GetConsumerRunningInfoRequestHeader.class);
        MQConsumerInner consumer = instance.selectConsumer(h.getConsumerGroup());
        if (consumer == null) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(),
                "The Consumer Group <" + h.getConsumerGroup() + "> not exist in this consumer");
        }
        ConsumerRunningInfo info = consumer.consumerRunningInfo();
        if (h.isJstackEnable()) {
            info.setJstack(ThreadDump.of(Thread.getAllStackTraces()));
        }
        RemotingCommand response = request.response(ResponseCode.SUCCESS.code(), null);
        response.setBody(info.encode());
        return response;
    }

    private RemotingCommand consumeDirectly(RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyResultRequestHeader h = request.decodeCommandCustomHeader(ConsumeMessageDirectlyResultRequestHeader.class);
        MQConsumerInner consumer = instance.selectConsumer(h.getConsumerGroup());
        if (consumer == null) {
            return noSuchGroup(request, h.getConsumerGroup());
        }
        MessageExt msg = request.getBody() == null ? null : MessageDecoder.clientDecode(ByteBuffer.wrap(request.getBody()), true);
        if (msg == null) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(), "the request carries no decodable message");
        }
        ConsumeMessageDirectlyResult result = consumer.consumeMessageDirectly(msg, h.getBrokerName());
        if (result == null) {
            // a pull consumer of that group: no listener to run the message
            return noSuchGroup(request, h.getConsumerGroup());
        }
        RemotingCommand response = request.response(ResponseCode.SUCCESS.code(), null);
        response.setBody(result.encode());
        return response;
    }

    private static RemotingCommand noSuchGroup(RemotingCommand request, String group) {
        return request.response(ResponseCode.SYSTEM_ERROR.code(), "The Consumer Group <" + group + "> not exist in this consumer");
    }

    /**
     * CHECK_TRANSACTION_STATE (oneway, no reply): hands the half message to the producer of its PGROUP, which
     * answers with END_TRANSACTION from its own check executor.
     */
    private RemotingCommand checkTransactionState(RemotingChannel channel, RemotingCommand request) throws Exception {
        CheckTransactionStateRequestHeader h = request.decodeCommandCustomHeader(CheckTransactionStateRequestHeader.class);
        MessageExt msg = request.getBody() == null ? null : MessageDecoder.decode(ByteBuffer.wrap(request.getBody()));
        if (msg == null) {
            LOG.warn("transaction check from {} about {} ignored: the body is not a message", channel.remoteAddress(), h.getMsgId());
            return null;
        }
        if (namespace != null && !namespace.isEmpty()) {
            msg.setTopic(NamespaceUtil.withoutNamespace(msg.getTopic(), namespace));
        }
        String transactionId = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (transactionId != null && !transactionId.isEmpty()) {
            msg.setTransactionId(transactionId);
        }
        String group = msg.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        RegisteredProducer producer = group == null ? null : instance.selectProducer(group);
        if (producer == null) {
            LOG.warn("transaction check from {} about {} ignored: no producer of group {} in this client",
                channel.remoteAddress(), h.getMsgId(), group);
            return null;
        }
        producer.checkTransactionState(channel.remoteAddress(), msg, h);
        return null;
    }

    /** PUSH_REPLY_MESSAGE_TO_CLIENT: completes the request future with the same CORRELATION_ID. */
    private RemotingCommand receiveReplyMessage(RemotingCommand request) throws Exception {
        ReplyMessageRequestHeader h = request.decodeCommandCustomHeader(ReplyMessageRequestHeader.class);
        MessageExt msg = new MessageExt();
        msg.setTopic(h.getTopic());
        msg.setQueueId(h.getQueueId());
        msg.setStoreTimestamp(h.getStoreTimestamp());
        msg.setBornTimestamp(h.getBornTimestamp());
        msg.setReconsumeTimes(h.getReconsumeTimes() == null ? 0 : h.getReconsumeTimes());
        msg.setFlag(h.getFlag());
        if (h.getBornHost() != null) {
            msg.setBornHost(RemotingHelper.string2SocketAddress(h.getBornHost()));
        }
        if (h.getStoreHost() != null) {
            msg.setStoreHost(RemotingHelper.string2SocketAddress(h.getStoreHost()));
        }
        byte[] body = request.getBody();
        if (body != null && (h.getSysFlag() & MessageSysFlag.COMPRESSED_FLAG) != 0) {
            body = BodyCompression.decompress(body, h.getSysFlag());
        }
        msg.setBody(body);
        MessageAccessor.setProperties(msg, MessageDecoder.string2messageProperties(h.getProperties()));
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REPLY_MESSAGE_ARRIVE_TIME, String.valueOf(System.currentTimeMillis()));
        replies.replyArrived(msg);
        return request.response(ResponseCode.SUCCESS.code(), null);
    }
}
