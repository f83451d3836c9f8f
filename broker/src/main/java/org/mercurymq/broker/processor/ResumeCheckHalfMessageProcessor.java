package org.mercurymq.broker.processor;

import java.net.SocketAddress;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.message.InnerMessages;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.ResumeCheckHalfMessageRequestHeader;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.PutMessageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RESUME_CHECK_HALF_MESSAGE (323, {@code DefaultMQAdminExt.resumeCheckHalfMessage}): the message with the given
 * offset message id — typically a half message given up after {@code transactionCheckMax} checks — is written
 * again to {@code RMQ_SYS_TRANS_HALF_TOPIC} queue 0 with {@code TRANSACTION_CHECK_TIMES=0}, so the transaction
 * check asks its producer again (docs/broker.md). Thread-safe.
 */
public final class ResumeCheckHalfMessageProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeCheckHalfMessageProcessor.class);

    private final Supplier<BrokerConfig> config;
    private final MessageStore store;
    private final TopicConfigManager topics;
    private final SocketAddress storeHost;

    public ResumeCheckHalfMessageProcessor(Supplier<BrokerConfig> config, MessageStore store, TopicConfigManager topics,
                                           SocketAddress storeHost) {
        this.config = config;
        this.store = store;
        this.topics = topics;
        this.storeHost = storeHost;
        on(RequestCode.RESUME_CHECK_HALF_MESSAGE, this::resume);
    }

    private RemotingCommand resume(RemotingChannel channel, RemotingCommand request) throws Exception {
        ResumeCheckHalfMessageRequestHeader header =
            request.decodeCommandCustomHeader(ResumeCheckHalfMessageRequestHeader.class);
        String msgId = header.getMsgId();
        MessageExt msg;
        try {
            msg = store.lookMessageByOffset(MessageDecoder.decodeMessageId(msgId).getOffset());
        } catch (Exception e) {
            msg = null;
        }
        if (msg == null) {
            LOG.warn("resumeCheckHalfMessage {} from {}: no such message", msgId, channel.remoteAddress());
            return request.response(ResponseCode.SYSTEM_ERROR.code(), "no message with offset message id " + msgId
                + " on this broker; cannot put it back to " + TopicNames.TRANS_HALF_TOPIC);
        }
        topics.createTopicIfAbsent(TopicNames.TRANS_HALF_TOPIC, 1, PermName.PERM_READ_WRITE, 0);
        MessageExtBrokerInner half = InnerMessages.copyOf(msg, storeHost);
        half.setTopic(TopicNames.TRANS_HALF_TOPIC);
        half.setQueueId(0);
        MessageAccessor.putProperty(half, MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, "0");
        half.setWaitStoreMsgOK(false);
        InnerMessages.seal(half, config.get().clusterName());
        PutMessageResult put = store.putMessage(half);
        if (put == null || !put.isOk()) {
            LOG.error("resumeCheckHalfMessage {}: put back to {} failed: {}", msgId, TopicNames.TRANS_HALF_TOPIC,
                put == null ? "no result" : put.getPutMessageStatus());
            return request.response(ResponseCode.SYSTEM_ERROR.code(), "Put message back to "
                + TopicNames.TRANS_HALF_TOPIC + " failed");
        }
        LOG.info("resumeCheckHalfMessage {}: put back to {} for real topic {}, checks start again", msgId,
            TopicNames.TRANS_HALF_TOPIC, msg.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        return success(request);
    }
}
