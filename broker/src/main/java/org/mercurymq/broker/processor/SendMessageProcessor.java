package org.mercurymq.broker.processor;

import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.broker.client.ReplyMessagePusher;
import org.mercurymq.broker.message.DelayedMessages;
import org.mercurymq.broker.message.InnerMessages;
import org.mercurymq.broker.message.PutStatusMapping;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.broker.transaction.TransactionalMessageService;
import org.mercurymq.common.MQVersion;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicFilterType;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExtBatch;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeaderV2;
import org.mercurymq.remoting.protocol.header.SendMessageResponseHeader;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.PutMessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_MESSAGE (10), SEND_MESSAGE_V2 (310), SEND_BATCH_MESSAGE (320) and the reply sends (324/325, stored
 * like sends): size and topic checks, auto-creation, random queue for a negative queue id, retry-topic sends
 * that exceeded their reconsume times to the DLQ, delayed messages through SCHEDULE_TOPIC_XXXX, prepared
 * transactions as half messages; the store's put completes the reply asynchronously (docs/protocol/message-format.md §9,
 * docs/protocol/codes.md §2). Reply messages (324/325 or MSG_TYPE=reply) are also pushed to the requesting client; if that
 * fails the send is answered SYSTEM_ERROR with the reason, the reply still stored when storeReplyMessageEnable.
 * Thread-safe.
 */
public final class SendMessageProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(SendMessageProcessor.class);
    private static final int DLQ_QUEUE_NUMS = 1;
    /** A compressed body may inflate to at most this many times maxMessageSize (zip-bomb guard). */
    private static final long MAX_INFLATE_FACTOR = 64;

    private final Supplier<BrokerConfig> config;
    private final SendMessageChecker checker;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private static final long REFUSAL_LOG_INTERVAL_NANOS = 1_000_000_000L;
    private final MessageStore store;
    private final java.util.concurrent.atomic.AtomicLong suppressedRefusals = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastRefusalLogNanos = System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS;
    private final TransactionalMessageService transactions;
    private final BrokerStatsManager stats;
    private final SocketAddress storeHost;
    private final int maxDelayLevel;
    private final LongSupplier clock;
    private volatile ReplyMessagePusher replyPusher;

    public SendMessageProcessor(Supplier<BrokerConfig> config, TopicConfigManager topics, SubscriptionGroupManager groups,
                                MessageStore store, TransactionalMessageService transactions, BrokerStatsManager stats,
                                SocketAddress storeHost, int maxDelayLevel, LongSupplier clock) {
        this.config = config;
        this.checker = new SendMessageChecker(config, topics);
        this.topics = topics;
        this.groups = groups;
        this.store = store;
        this.transactions = transactions;
        this.stats = stats;
        this.storeHost = storeHost;
        this.maxDelayLevel = maxDelayLevel;
        this.clock = clock;
        on(RequestCode.SEND_MESSAGE, this::send);
        on(RequestCode.SEND_MESSAGE_V2, this::send);
        on(RequestCode.SEND_BATCH_MESSAGE, this::send);
        on(RequestCode.SEND_REPLY_MESSAGE, this::send);
        on(RequestCode.SEND_REPLY_MESSAGE_V2, this::send);
    }

    /** Enables pushing reply messages to their requesting clients (without it replies are only stored). */
    public void setReplyPusher(ReplyMessagePusher replyPusher) {
        this.replyPusher = replyPusher;
    }

    /** The store's page cache is busy: the remoting layer answers {@code [REJECTREQUEST]}. */
    @Override
    public boolean rejectRequest() {
        return store.isOSPageCacheBusy();
    }

    /**
     * A plain send runs on the I/O thread that read it (sendMessageOnIoThread, default true): the append is a copy
     * into the mapped commit log under a lock held for microseconds, cheaper than the two thread hand-offs around
     * it. Not while an append has held the lock for a millisecond or more (the disk is slow: the I/O thread must
     * not wait behind it), and never for replies (they write to another connection).
     */
    @Override
    public boolean runOnIoThread(RemotingCommand request) {
        return runsOnIoThread(request.getCode(), store.lockTimeMills(),
            config.get().get(BrokerConfigKeys.SEND_MESSAGE_ON_IO_THREAD));
    }

    static boolean runsOnIoThread(int code, long lockHeldMillis, boolean enabled) {
        switch (code) {
            case RequestCode.SEND_MESSAGE:
            case RequestCode.SEND_MESSAGE_V2:
            case RequestCode.SEND_BATCH_MESSAGE:
                return enabled && lockHeldMillis == 0;
            default:
                return false;
        }
    }

    static SendMessageRequestHeader parseHeader(RemotingCommand request) throws RemotingCommandException {
        switch (request.getCode()) {
            case RequestCode.SEND_MESSAGE_V2:
            case RequestCode.SEND_BATCH_MESSAGE:
            case RequestCode.SEND_REPLY_MESSAGE_V2:
                return SendMessageRequestHeaderV2.toV1(request.decodeCommandCustomHeader(SendMessageRequestHeaderV2.class));
            default:
                return request.decodeCommandCustomHeader(SendMessageRequestHeader.class);
        }
    }

    private RemotingCommand newResponse(RemotingCommand request, ResponseCode code, String remark) {
        RemotingCommand response = request.response(code.code(), remark);
        BrokerConfig c = config.get();
        response.addExtField(MessageConst.PROPERTY_MSG_REGION, c.get(BrokerConfigKeys.REGION_ID));
        response.addExtField(MessageConst.PROPERTY_TRACE_SWITCH, String.valueOf(c.get(BrokerConfigKeys.TRACE_ON)));
        return response;
    }

    private RemotingCommand send(RemotingChannel channel, RemotingCommand request) throws RemotingCommandException {
        SendMessageRequestHeader header = parseHeader(request);
        BrokerConfig c = config.get();
        long acceptFrom = c.get(BrokerConfigKeys.START_ACCEPT_SEND_REQUEST_TIME_STAMP);
        if (clock.getAsLong() < acceptFrom) {
            return newResponse(request, ResponseCode.SYSTEM_ERROR, "broker unable to service, until " + acceptFrom);
        }
        byte[] body = request.getBody();
        int maxMessageSize = store.getMessageStoreConfig().maxMessageSize();
        boolean batch = request.getCode() == RequestCode.SEND_BATCH_MESSAGE || header.isBatch();
        if (!batch && body != null && body.length > maxMessageSize) {
            return newResponse(request, ResponseCode.MESSAGE_ILLEGAL, "the message body size " + body.length
                + " bytes is larger than maxMessageSize " + maxMessageSize);
        }
        int requestSysFlag = header.getSysFlag() == null ? 0 : header.getSysFlag();
        MessageBodyChecker bodies = new MessageBodyChecker(MAX_INFLATE_FACTOR * maxMessageSize);
        String poison = batch ? bodies.checkBatch(body, requestSysFlag) : bodies.checkSingle(body, requestSysFlag);
        if (poison != null) {
            LOG.warn("send to {} from {} (group {}) refused: {}", LogEscape.of(header.getTopic()),
                channel.remoteAddress(), LogEscape.of(header.getProducerGroup()), poison);
            return newResponse(request, ResponseCode.MESSAGE_ILLEGAL, poison);
        }
        SendMessageChecker.Result check = checker.check(header, channel.remoteAddress());
        if (!check.isOk()) {
            return newResponse(request, check.code, check.remark);
        }
        TopicConfig topicConfig = check.topicConfig;
        int queueId = header.getQueueId() == null ? -1 : header.getQueueId();
        if (queueId < 0) {
            queueId = ThreadLocalRandom.current().nextInt(99999999) % Math.max(1, topicConfig.getWriteQueueNums());
        }
        int sysFlag = header.getSysFlag() == null ? 0 : header.getSysFlag();
        if (topicConfig.getTopicFilterType() == TopicFilterType.MULTI_TAG) {
            sysFlag |= MessageSysFlag.MULTI_TAGS_FLAG;
        }
        SocketAddress bornHost = RemotingHelper.string2SocketAddress(channel.remoteAddress());
        if (batch) {
            return sendBatch(channel, request, header, topicConfig, queueId, sysFlag, bornHost);
        }

        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(header.getTopic());
        msg.setQueueId(queueId);
        msg.setBody(body == null ? new byte[0] : body);
        msg.setFlag(header.getFlag() == null ? 0 : header.getFlag());
        InnerMessages.setProperties(msg, header.getProperties());
        msg.setSysFlag(sysFlag);
        msg.setBornTimestamp(header.getBornTimestamp() == null ? clock.getAsLong() : header.getBornTimestamp());
        msg.setBornHost(bornHost);
        msg.setStoreHost(storeHost);
        msg.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());

        RemotingCommand refused = retryOrDeadLetter(request, header, msg);
        if (refused != null) {
            return refused;
        }
        int replyQueueId = msg.getQueueId();
        if (InnerMessages.isTransactionPrepared(msg)) {
            if (c.get(BrokerConfigKeys.REJECT_TRANSACTION_MESSAGE)) {
                return newResponse(request, ResponseCode.NO_PERMISSION,
                    "the broker[" + c.brokerIP1() + "] sending transaction message is forbidden");
            }
            transactions.toHalfMessage(msg);
        } else {
            DelayedMessages.rewriteIfDelayed(msg, maxDelayLevel);
        }
        InnerMessages.seal(msg, c.clusterName());
        String pushFailure = null;
        ReplyMessagePusher pusher = replyPusher;
        if (pusher != null && ReplyMessagePusher.isReply(request.getCode(), msg)) {
            pushFailure = pusher.push(header, msg);
            if (!c.get(BrokerConfigKeys.STORE_REPLY_MESSAGE_ENABLE)) {
                return pushedOnly(request, msg, pushFailure);
            }
        }
        CompletableFuture<PutMessageResult> put = store.asyncPutMessage(msg);
        respondWhenStored(channel, request, put, replyQueueId, msg.getTopic(), msg.getQueueId(), header.getProducerGroup(),
            pushFailure);
        return null;
    }

    /** storeReplyMessageEnable=false: the reply went (or did not go) straight to the requester, nothing stored. */
    private RemotingCommand pushedOnly(RemotingCommand request, MessageExtBrokerInner msg, String pushFailure) {
        if (pushFailure != null) {
            return newResponse(request, ResponseCode.SYSTEM_ERROR, pushFailure);
        }
        RemotingCommand response = newResponse(request, ResponseCode.SUCCESS, null);
        SendMessageResponseHeader header = new SendMessageResponseHeader();
        String uniqKey = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        header.setMsgId(uniqKey == null ? "" : uniqKey);
        header.setQueueId(msg.getQueueId());
        header.setQueueOffset(0L);
        response.writeCustomHeader(header);
        return response;
    }

    /**
     * Sends to {@code %RETRY%<group>} carry the reconsume count (header j) and limit (header l, else the group's
     * retryMaxTimes); a message that used them up goes to {@code %DLQ%<group>} queue 0 instead.
     */
    private RemotingCommand retryOrDeadLetter(RemotingCommand request, SendMessageRequestHeader header,
                                              MessageExtBrokerInner msg) {
        String topic = header.getTopic();
        if (!TopicNames.isRetryTopic(topic)) {
            return null;
        }
        String group = topic.substring(TopicNames.RETRY_GROUP_TOPIC_PREFIX.length());
        SubscriptionGroupConfig groupConfig = groups.findSubscriptionGroupConfig(group);
        if (groupConfig == null) {
            return newResponse(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, " + group);
        }
        int maxReconsumeTimes = groupConfig.getRetryMaxTimes();
        if (request.getVersion() >= MQVersion.V3_4_9 && header.getMaxReconsumeTimes() != null) {
            maxReconsumeTimes = header.getMaxReconsumeTimes();
        }
        int reconsumeTimes = header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes();
        if (reconsumeTimes >= maxReconsumeTimes) {
            String dlq = TopicNames.getDLQTopic(group);
            TopicConfig dlqConfig = topics.createTopicIfAbsent(dlq, DLQ_QUEUE_NUMS, PermName.PERM_READ_WRITE, 0);
            if (dlqConfig == null) {
                return newResponse(request, ResponseCode.SYSTEM_ERROR, "topic[" + dlq + "] not exist");
            }
            msg.setTopic(dlq);
            msg.setQueueId(0);
            MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
            LOG.info("message for {} reached {} reconsume times, stored in {}", LogEscape.of(topic), reconsumeTimes,
                dlq);
        }
        return null;
    }

    private RemotingCommand sendBatch(RemotingChannel channel, RemotingCommand request, SendMessageRequestHeader header,
                                      TopicConfig topicConfig, int queueId, int sysFlag, SocketAddress bornHost) {
        if (TopicNames.isRetryTopic(header.getTopic())) {
            return newResponse(request, ResponseCode.SYSTEM_ERROR, "batch request does not support retry group " + header.getTopic());
        }
        if (request.getBody() == null || request.getBody().length == 0) {
            return newResponse(request, ResponseCode.MESSAGE_ILLEGAL, "empty batch");
        }
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic(header.getTopic());
        batch.setQueueId(queueId);
        batch.setBody(request.getBody());
        batch.setFlag(header.getFlag() == null ? 0 : header.getFlag());
        Map<String, String> props = header.getProperties() == null || header.getProperties().isEmpty()
            ? new HashMap<>() : new HashMap<>(MessageDecoder.string2messageProperties(header.getProperties()));
        props.put(MessageConst.PROPERTY_CLUSTER, config.get().clusterName());
        MessageAccessor.setProperties(batch, props);
        batch.setSysFlag(sysFlag);
        batch.setBornTimestamp(header.getBornTimestamp() == null ? clock.getAsLong() : header.getBornTimestamp());
        batch.setBornHost(bornHost);
        batch.setStoreHost(storeHost);
        batch.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());
        CompletableFuture<PutMessageResult> put = store.asyncPutMessages(batch);
        respondWhenStored(channel, request, put, queueId, header.getTopic(), queueId, header.getProducerGroup(), null);
        return null;
    }

    private void respondWhenStored(RemotingChannel channel, RemotingCommand request,
                                   CompletableFuture<PutMessageResult> put, int replyQueueId, String topic,
                                   int storedQueueId, String group, String pushFailure) {
        put.whenComplete((result, error) -> {
            RemotingCommand response;
            if (error != null) {
                LOG.error("put to {} from {} failed", LogEscape.of(topic), channel.remoteAddress(), error);
                response = newResponse(request, ResponseCode.SYSTEM_ERROR, error.toString());
            } else {
                response = toResponse(request, result, replyQueueId, topic, storedQueueId, group, channel);
                if (pushFailure != null && response.getCode() == ResponseCode.SUCCESS.code()) {
                    response.setCode(ResponseCode.SYSTEM_ERROR.code());
                    response.setRemark(pushFailure + "; the reply is stored in " + topic);
                }
            }
            if (!request.isOnewayRPC()) {
                channel.writeResponse(response);
            }
        });
    }

    /**
     * The broker statistics of a stored send (docs/statistics.md): {@code topic} is where it was stored, so a
     * delayed message counts under SCHEDULE_TOPIC_XXXX (and its level's queue), a prepared one under the
     * half topic, as in RocketMQ.
     */
    private void countPut(String topic, int queueId, int msgNum, long bytes) {
        stats.incTopicPutNums(topic, msgNum, 1);
        stats.incTopicPutSize(topic, bytes);
        stats.incBrokerPutNums(msgNum);
        if (TopicNames.SCHEDULE_TOPIC.equals(topic)) {
            stats.incQueuePutNums(topic, queueId, msgNum, 1);
            stats.incQueuePutSize(topic, queueId, bytes);
        }
    }

    private RemotingCommand toResponse(RemotingCommand request, PutMessageResult result, int replyQueueId, String topic,
                                       int storedQueueId, String group, RemotingChannel channel) {
        PutMessageStatus status = result.getPutMessageStatus();
        ResponseCode code = PutStatusMapping.code(status);
        String remark = PutStatusMapping.remark(status);
        if (code == ResponseCode.SYSTEM_ERROR || code == ResponseCode.SERVICE_NOT_AVAILABLE) {
            // say why the store refuses (disk full, storage fault) instead of only listing possible reasons
            String why = store.whyNotWriteable();
            if (why != null) {
                remark = "[STORE_NOT_WRITEABLE] " + why;
            }
        }
        if (code == ResponseCode.SYSTEM_ERROR || code == ResponseCode.SERVICE_NOT_AVAILABLE
            || code == ResponseCode.MESSAGE_ILLEGAL) {
            long now = System.nanoTime();
            if (now - lastRefusalLogNanos >= REFUSAL_LOG_INTERVAL_NANOS) {
                // at most one line a second: a full disk refuses every put, and the log may share that disk
                lastRefusalLogNanos = now;
                LOG.warn("put to {} from {} (group {}) refused: {} ({}); {} more refusals since the last such line",
                    LogEscape.of(topic), channel.remoteAddress(), LogEscape.of(group), status, remark, suppressedRefusals.getAndSet(0));
            } else {
                suppressedRefusals.incrementAndGet();
            }
        }
        RemotingCommand response = newResponse(request, code, remark);
        if (PutStatusMapping.isStored(code) && result.getAppendMessageResult() != null) {
            SendMessageResponseHeader header = new SendMessageResponseHeader();
            header.setMsgId(result.getAppendMessageResult().getMsgId());
            header.setQueueId(replyQueueId);
            header.setQueueOffset(result.getAppendMessageResult().getLogicsOffset());
            response.writeCustomHeader(header);
            countPut(topic, storedQueueId, result.getAppendMessageResult().getMsgNum(),
                result.getAppendMessageResult().getWroteBytes());
        }
        return response;
    }
}
