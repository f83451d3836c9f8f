package org.mercurymq.broker.processor;

import com.alibaba.fastjson2.JSONObject;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.broker.client.ConsumerGroupInfo;
import org.mercurymq.broker.client.ConsumerManager;
import org.mercurymq.broker.client.ReadSlowlyProtection;
import org.mercurymq.broker.filter.ConsumerFilterData;
import org.mercurymq.broker.filter.ConsumerFilterManager;
import org.mercurymq.broker.filter.FilterErrorLog;
import org.mercurymq.broker.filter.RetryMessageFilter;
import org.mercurymq.broker.filter.SqlMessageFilter;
import org.mercurymq.broker.filter.SqlSelectorCache;
import org.mercurymq.broker.filter.TagMessageFilter;
import org.mercurymq.broker.longpolling.PullHoldTime;
import org.mercurymq.broker.filter.sql.SqlCompileException;
import org.mercurymq.broker.filter.sql.SqlSelector;
import org.mercurymq.broker.longpolling.PullRequest;
import org.mercurymq.broker.longpolling.PullRequestHoldService;
import org.mercurymq.broker.message.InnerMessages;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.filter.ExpressionType;
import org.mercurymq.common.filter.FilterAPI;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.common.sysflag.PullSysFlag;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.PullMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.PullMessageResponseHeader;
import org.mercurymq.store.GetMessageResult;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageFilter;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.SelectMappedBufferResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PULL_MESSAGE (11) with the check order and status → code table of docs/protocol/behaviour.md §6: tag filtering,
 * suggested broker id, commit-offset piggyback, OFFSET_MOVED events and long polling (a pull that found
 * nothing is parked in the {@link PullRequestHoldService} and re-executed — without suspending or
 * committing again — when woken). The reply body is a copy of the stored records, or with {@code transferMsgByHeap=false}
 * the records themselves, written from the mapped commit log ({@link PulledMessagesRegion}). Thread-safe.
 */
public final class PullMessageProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(PullMessageProcessor.class);

    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerManager consumers;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final BrokerStatsManager stats;
    private final SocketAddress storeHost;
    private final LongSupplier clock;
    private final ConsumerFilterManager filters;
    private final SqlSelectorCache headerSelectors = new SqlSelectorCache();
    private final FilterErrorLog filterErrors;
    private volatile PullRequestHoldService holdService;
    private volatile Consumer<Runnable> wakeupExecutor;

    private volatile ReadSlowlyProtection readSlowly;

    public PullMessageProcessor(Supplier<BrokerConfig> config, TopicConfigManager topics, SubscriptionGroupManager groups,
                                ConsumerManager consumers, ConsumerOffsetManager offsets, MessageStore store,
                                BrokerStatsManager stats, SocketAddress storeHost, LongSupplier clock,
                                ConsumerFilterManager filters) {
        this.config = config;
        this.topics = topics;
        this.groups = groups;
        this.consumers = consumers;
        this.offsets = offsets;
        this.store = store;
        this.stats = stats;
        this.storeHost = storeHost;
        this.clock = clock;
        this.filters = filters;
        this.filterErrors = new FilterErrorLog(clock);
        on(RequestCode.PULL_MESSAGE, (channel, request) -> process(channel, request, true));
    }

    /** Wires long polling: where pulls are parked and on which executor woken pulls run. */
    public void setLongPolling(PullRequestHoldService holdService, Consumer<Runnable> wakeupExecutor) {
        this.holdService = holdService;
        this.wakeupExecutor = wakeupExecutor;
    }

    /** Re-executes a woken pull and writes its answer (called by the hold service). */
    public void wakeup(PullRequest pull) {
        Runnable run = () -> {
            RemotingCommand response;
            try {
                response = process(pull.channel(), pull.request(), false);
            } catch (Exception e) {
                LOG.error("woken pull from {} failed", pull.channel().remoteAddress(), e);
                response = pull.request().response(ResponseCode.SYSTEM_ERROR.code(), e.toString());
            }
            if (response != null && !pull.request().isOnewayRPC()) {
                pull.channel().writeResponse(response);
            } else if (response != null) {
                response.releaseBodyRegion();
            }
        };
        Consumer<Runnable> executor = wakeupExecutor;
        if (executor == null) {
            run.run();
        } else {
            executor.accept(run);
        }
    }

    /** Read-slowly protection, told about every successful pull (null: none). */
    public void setReadSlowlyProtection(ReadSlowlyProtection readSlowly) {
        this.readSlowly = readSlowly;
    }

    RemotingCommand process(RemotingChannel channel, RemotingCommand request, boolean allowSuspend) throws Exception {
        PullMessageRequestHeader header = request.decodeCommandCustomHeader(PullMessageRequestHeader.class);
        BrokerConfig c = config.get();
        String group = header.getConsumerGroup();
        String topic = header.getTopic();
        int sysFlag = header.getSysFlag() == null ? 0 : header.getSysFlag();
        if (!c.isBrokerReadable()) {
            return error(request, ResponseCode.NO_PERMISSION, "the broker[" + c.brokerIP1() + "] pulling message is forbidden");
        }
        SubscriptionGroupConfig groupConfig = groups.findSubscriptionGroupConfig(group);
        if (groupConfig == null) {
            return error(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group [" + group
                + "] does not exist");
        }
        if (!groupConfig.isConsumeEnable()) {
            return error(request, ResponseCode.NO_PERMISSION, "subscription group no permission, " + group);
        }
        TopicConfig topicConfig = topics.selectTopicConfig(topic);
        if (topicConfig == null) {
            LOG.warn("pull of unknown topic {} by {} from {}", LogEscape.of(topic), LogEscape.of(group),
                channel.remoteAddress());
            return error(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist, apply first please!");
        }
        if (!PermName.isReadable(topicConfig.getPerm())) {
            return error(request, ResponseCode.NO_PERMISSION, "the topic[" + topic + "] pulling message is forbidden");
        }
        int queueId = header.getQueueId();
        if (queueId < 0 || queueId >= topicConfig.getReadQueueNums()) {
            return error(request, ResponseCode.SYSTEM_ERROR, String.format("queueId[%d] is illegal, topic:[%s] "
                + "topicConfig.readQueueNums:[%d] consumer:[%s]", queueId, topic, topicConfig.getReadQueueNums(),
                channel.remoteAddress()));
        }
        SubscriptionData subscription;
        // the SQL92 selector of a non-TAG subscription: compiled from the header, or the one registered by heartbeat
        SqlSelector selector = null;
        if (PullSysFlag.hasSubscriptionFlag(sysFlag)) {
            try {
                subscription = FilterAPI.build(topic, header.getSubscription(), header.getExpressionType());
            } catch (RuntimeException e) {
                return error(request, ResponseCode.SUBSCRIPTION_PARSE_FAILED, "parse the consumer's subscription["
                    + header.getSubscription() + "] failed, group: " + group);
            }
            if (!ExpressionType.isTagType(subscription.getExpressionType())) {
                // RocketMQ would deliver everything for an expression that does not compile; Mercury says why not
                try {
                    selector = compileHeaderExpression(subscription);
                } catch (SqlCompileException e) {
                    return error(request, ResponseCode.SUBSCRIPTION_PARSE_FAILED, "parse the consumer's subscription["
                        + header.getSubscription() + "] failed, group: " + group + ": " + e.getMessage());
                }
            }
        } else {
            ConsumerGroupInfo groupInfo = consumers.getConsumerGroupInfo(group);
            if (groupInfo == null) {
                return error(request, ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's group info not exist, group: " + group);
            }
            if (!groupConfig.isConsumeBroadcastEnable() && groupInfo.messageModel() == MessageModel.BROADCASTING) {
                return error(request, ResponseCode.NO_PERMISSION, "the consumer group[" + group
                    + "] can not consume by broadcast way");
            }
            subscription = groupInfo.findSubscriptionData(topic);
            if (subscription == null) {
                return error(request, ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's subscription not exist, group: "
                    + group + ", topic: " + topic);
            }
            long requestVersion = header.getSubVersion() == null ? 0 : header.getSubVersion();
            if (subscription.getSubVersion() < requestVersion) {
                return error(request, ResponseCode.SUBSCRIPTION_NOT_LATEST, "the consumer's subscription not latest");
            }
            if (!ExpressionType.isTagType(subscription.getExpressionType())) {
                ConsumerFilterData data = filters.get(topic, group);
                if (data == null) {
                    String why = filters.compileError(topic, group);
                    return error(request, ResponseCode.FILTER_DATA_NOT_EXIST, "The broker's consumer filter data is not "
                        + "exist!Your expression may be wrong!" + (why == null ? "" : " " + why));
                }
                if (data.clientVersion() < requestVersion) {
                    return error(request, ResponseCode.FILTER_DATA_NOT_LATEST,
                        "the consumer's consumer filter data not latest");
                }
                selector = data.selector();
            }
        }
        if (!ExpressionType.isTagType(subscription.getExpressionType()) && !c.get(BrokerConfigKeys.ENABLE_PROPERTY_FILTER)) {
            return error(request, ResponseCode.SYSTEM_ERROR, "The broker does not support consumer to filter message by "
                + subscription.getExpressionType());
        }

        MessageFilter filter = messageFilter(group, topic, subscription, selector, c);
        long queueOffset = header.getQueueOffset();
        int maxMsgNums = header.getMaxMsgNums();
        boolean master = c.isMaster();
        PullMessageResponseHeader responseHeader = new PullMessageResponseHeader();
        RemotingCommand response;
        GetMessageResult result = store.getMessage(group, topic, queueId, queueOffset, maxMsgNums, filter);
        boolean handedOver = false;
        try {
            responseHeader.setNextBeginOffset(result.getNextBeginOffset());
            responseHeader.setMinOffset(result.getMinOffset());
            responseHeader.setMaxOffset(result.getMaxOffset());
            boolean slaveRead = c.get(BrokerConfigKeys.SLAVE_READ_ENABLE);
            long suggest = 0;
            if (slaveRead) {
                suggest = result.isSuggestPullingFromSlave() ? groupConfig.getWhichBrokerWhenConsumeSlowly()
                    : groupConfig.getBrokerId();
            }
            responseHeader.setSuggestWhichBrokerId(suggest);
            ResponseCode code = codeOf(result, queueOffset);
            // docs/protocol/behaviour.md §6: a slave serves what it has (the master-less route of a dead master lands here) and
            // points back to the master; only an offset correction it may not make becomes 20 at the same offset
            boolean correctsOffsets = master || c.get(MessageStoreConfig.OFFSET_CHECK_IN_SLAVE);
            if (code == ResponseCode.PULL_OFFSET_MOVED && !correctsOffsets) {
                code = ResponseCode.PULL_RETRY_IMMEDIATELY;
                responseHeader.setSuggestWhichBrokerId(groupConfig.getBrokerId());
            }
            response = request.response(code.code(), result.getStatus().name());
            response.writeCustomHeader(responseHeader);
            if (code == ResponseCode.SUCCESS) {
                if (c.get(BrokerConfigKeys.TRANSFER_MSG_BY_HEAP)) {
                    long copyStart = clock.getAsLong();
                    response.setBody(copyMessages(result));
                    stats.incGroupGetLatency(group, topic, queueId, clock.getAsLong() - copyStart);
                } else {
                    // written from the mapped commit log by the encoder, which releases the result afterwards
                    response.setBodyRegion(new PulledMessagesRegion(result));
                    handedOver = true;
                }
                countGet(group, topic, result);
                if (readSlowly != null && !result.getMessageMapedList().isEmpty()) {
                    List<SelectMappedBufferResult> pulled = result.getMessageMapedList();
                    readSlowly.onPulled(group, topic, queueId, pulled.get(pulled.size() - 1).getStartOffset());
                }
            } else if (code == ResponseCode.PULL_NOT_FOUND && allowSuspend && PullSysFlag.hasSuspendFlag(sysFlag)
                && holdService != null) {
                long hold = c.get(BrokerConfigKeys.LONG_POLLING_ENABLE)
                    ? PullHoldTime.clamp(header.getSuspendTimeoutMillis(), c.get(BrokerConfigKeys.LONG_POLLING_MAX_SUSPEND_MILLIS))
                    : c.get(BrokerConfigKeys.SHORT_POLLING_TIME_MILLS);
                if (holdService.suspendPullRequest(topic, queueId, new PullRequest(request, channel, hold,
                    clock.getAsLong(), queueOffset, filter))) {
                    response = null;
                }
            } else if (code == ResponseCode.PULL_OFFSET_MOVED && correctsOffsets) {
                LOG.warn("pull offset moved: {}@{} queue {} requested {} next {} (min {}, max {})",
                    LogEscape.of(topic), LogEscape.of(group), queueId,
                    queueOffset, result.getNextBeginOffset(), result.getMinOffset(), result.getMaxOffset());
                writeOffsetMovedEvent(group, topic, queueId, queueOffset, result.getNextBeginOffset());
            }
        } finally {
            if (!handedOver) {
                result.release();
            }
        }
        boolean commit = allowSuspend && PullSysFlag.hasCommitOffsetFlag(sysFlag) && master;
        if (commit && header.getCommitOffset() != null) {
            offsets.commitOffset(channel.remoteAddress(), group, topic, queueId, header.getCommitOffset());
        }
        return response;
    }

    private SqlSelector compileHeaderExpression(SubscriptionData subscription) throws SqlCompileException {
        if (!ExpressionType.SQL92.equals(subscription.getExpressionType())) {
            throw new SqlCompileException("unsupported expression type " + subscription.getExpressionType());
        }
        return headerSelectors.compile(subscription.getSubString());
    }

    private MessageFilter messageFilter(String group, String topic, SubscriptionData subscription, SqlSelector selector,
                                        BrokerConfig c) {
        if (selector != null) {
            return new SqlMessageFilter(group, topic, selector, filterErrors);
        }
        if (c.get(BrokerConfigKeys.FILTER_SUPPORT_RETRY) && topic.startsWith(TopicNames.RETRY_GROUP_TOPIC_PREFIX)
            && subscription.matchesAllTags()) {
            return new RetryMessageFilter(group, filters, filterErrors);
        }
        return new TagMessageFilter(subscription);
    }

    static ResponseCode codeOf(GetMessageResult result, long requestOffset) {
        switch (result.getStatus()) {
            case FOUND:
                return ResponseCode.SUCCESS;
            case MESSAGE_WAS_REMOVING:
            case NO_MATCHED_MESSAGE:
                return ResponseCode.PULL_RETRY_IMMEDIATELY;
            case NO_MATCHED_LOGIC_QUEUE:
            case NO_MESSAGE_IN_QUEUE:
                return requestOffset != 0 ? ResponseCode.PULL_OFFSET_MOVED : ResponseCode.PULL_NOT_FOUND;
            case OFFSET_FOUND_NULL:
            case OFFSET_OVERFLOW_ONE:
                return ResponseCode.PULL_NOT_FOUND;
            case OFFSET_OVERFLOW_BADLY:
            case OFFSET_TOO_SMALL:
            default:
                return ResponseCode.PULL_OFFSET_MOVED;
        }
    }

    /** The broker statistics of a pull answered with messages (docs/statistics.md); GROUP_GET_LATENCY only on the heap path, as RocketMQ. */
    private void countGet(String group, String topic, GetMessageResult result) {
        stats.incGroupGetNums(group, topic, result.getMessageCount());
        stats.incGroupGetSize(group, topic, result.getBufferTotalSize());
        stats.incBrokerGetNums(result.getMessageCount());
    }

    private static byte[] copyMessages(GetMessageResult result) {
        byte[] body = new byte[result.getBufferTotalSize()];
        int pos = 0;
        for (SelectMappedBufferResult r : result.getMessageMapedList()) {
            ByteBuffer b = r.getByteBuffer().duplicate();
            int n = r.getSize();
            b.get(body, pos, n);
            pos += n;
        }
        return body;
    }

    private void writeOffsetMovedEvent(String group, String topic, int queueId, long requested, long next) {
        try {
            JSONObject mq = new JSONObject();
            mq.put("brokerName", config.get().brokerName());
            mq.put("queueId", queueId);
            mq.put("topic", topic);
            JSONObject event = new JSONObject();
            event.put("consumerGroup", group);
            event.put("messageQueue", mq);
            event.put("offsetNew", next);
            event.put("offsetRequest", requested);
            MessageExtBrokerInner msg = new MessageExtBrokerInner();
            msg.setTopic(TopicNames.OFFSET_MOVED_EVENT);
            msg.setTags(group);
            msg.setBody(event.toJSONString().getBytes(StandardCharsets.UTF_8));
            msg.setQueueId(0);
            msg.setBornTimestamp(clock.getAsLong());
            msg.setBornHost(storeHost);
            msg.setStoreHost(storeHost);
            msg.setWaitStoreMsgOK(false);
            InnerMessages.seal(msg, config.get().clusterName());
            store.asyncPutMessage(msg);
        } catch (RuntimeException e) {
            LOG.warn("cannot write OFFSET_MOVED_EVENT: {}", e.toString());
        }
    }
}
