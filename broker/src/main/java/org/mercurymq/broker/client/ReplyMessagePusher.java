package org.mercurymq.broker.client;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.ReplyMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/reply: hands a reply message to the requesting client (PUSH_REPLY_MESSAGE_TO_CLIENT, broker → client,
 * synchronous) over that client's own connection, found by the client id in REPLY_TO_CLIENT among the producer
 * and consumer connections. Thread-safe.
 */
public final class ReplyMessagePusher {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyMessagePusher.class);
    private static final String REPLY_MESSAGE_TYPE = "reply";
    private static final long PUSH_TIMEOUT_MILLIS = 3000;

    private final ProducerManager producers;
    private final ConsumerManager consumers;
    private final Broker2Client broker2Client;
    private final LongSupplier clock;

    public ReplyMessagePusher(ProducerManager producers, ConsumerManager consumers, Broker2Client broker2Client,
                              LongSupplier clock) {
        this.producers = producers;
        this.consumers = consumers;
        this.broker2Client = broker2Client;
        this.clock = clock;
    }

    /** A reply: sent with SEND_REPLY_MESSAGE(_V2), or carrying MSG_TYPE=reply. */
    public static boolean isReply(int requestCode, MessageExt msg) {
        return requestCode == RequestCode.SEND_REPLY_MESSAGE || requestCode == RequestCode.SEND_REPLY_MESSAGE_V2
            || REPLY_MESSAGE_TYPE.equals(msg.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE));
    }

    /** Pushes {@code msg} to its requester; returns null when the client took it, else why not (for the send's remark). */
    public String push(SendMessageRequestHeader send, MessageExt msg) {
        String clientId = msg.getProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT);
        if (clientId == null || clientId.isEmpty()) {
            return "reply message has no " + MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT + " property";
        }
        ClientChannelInfo client = producers.findChannel(clientId);
        if (client == null) {
            client = consumers.findChannel(clientId);
        }
        if (client == null) {
            LOG.warn("reply {} for client {} not pushed: client not connected to this broker",
                msg.getProperty(MessageConst.PROPERTY_CORRELATION_ID), clientId);
            return "push reply message to client " + clientId + " failed: the client is not connected to this broker";
        }
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT,
            header(send, msg));
        request.setBody(msg.getBody());
        try {
            RemotingCommand response = broker2Client.callClient(client.channel(), request, PUSH_TIMEOUT_MILLIS);
            if (response == null || response.getCode() != ResponseCode.SUCCESS.code()) {
                String remark = response == null ? "no answer" : "code " + response.getCode() + " " + response.getRemark();
                LOG.warn("reply push to client {} at {} refused: {}", LogEscape.of(clientId), client.remoteAddress(),
                    LogEscape.of(remark));
                return "push reply message to client " + clientId + " failed: " + remark;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "push reply message to client " + clientId + " interrupted";
        } catch (Exception e) {
            LOG.warn("reply push to client {} at {} failed: {}", LogEscape.of(clientId), client.remoteAddress(),
                e.toString());
            return "push reply message to client " + clientId + " failed: " + e.getMessage();
        }
    }

    private ReplyMessageRequestHeader header(SendMessageRequestHeader send, MessageExt msg) {
        long now = clock.getAsLong();
        Map<String, String> props = new HashMap<>(msg.getProperties());
        props.remove(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        props.put(MessageConst.PROPERTY_PUSH_REPLY_TIME, String.valueOf(now));
        ReplyMessageRequestHeader h = new ReplyMessageRequestHeader();
        h.setProducerGroup(send.getProducerGroup());
        h.setTopic(msg.getTopic());
        h.setDefaultTopic(send.getDefaultTopic());
        h.setDefaultTopicQueueNums(send.getDefaultTopicQueueNums());
        h.setQueueId(msg.getQueueId());
        h.setSysFlag(msg.getSysFlag());
        h.setBornTimestamp(msg.getBornTimestamp());
        h.setFlag(msg.getFlag());
        h.setProperties(MessageDecoder.messageProperties2String(props));
        h.setReconsumeTimes(msg.getReconsumeTimes());
        h.setUnitMode(send.isUnitMode());
        h.setBornHost(RemotingHelper.parseSocketAddressAddr(msg.getBornHost()));
        h.setStoreHost(RemotingHelper.parseSocketAddressAddr(msg.getStoreHost()));
        h.setStoreTimestamp(now);
        return h;
    }
}
