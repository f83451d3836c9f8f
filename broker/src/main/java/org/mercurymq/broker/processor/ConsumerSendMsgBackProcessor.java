package org.mercurymq.broker.processor;

import java.net.SocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.message.DelayedMessages;
import org.mercurymq.broker.message.InnerMessages;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.common.MQVersion;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.PutMessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONSUMER_SEND_MSG_BACK (36, docs/protocol/behaviour.md §8): a message the consumer failed goes to
 * {@code %RETRY%<group>} with delay level 3 + reconsumeTimes (or the requested level), so the schedule
 * service brings it back later; once it used up its reconsume times (or the client asks with level −1) it
 * goes to {@code %DLQ%<group>}. Thread-safe.
 */
public final class ConsumerSendMsgBackProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerSendMsgBackProcessor.class);

    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final MessageStore store;
    private final SocketAddress storeHost;
    private final int maxDelayLevel;
    private final BrokerStatsManager stats;

    public ConsumerSendMsgBackProcessor(Supplier<BrokerConfig> config, TopicConfigManager topics,
                                        SubscriptionGroupManager groups, MessageStore store, SocketAddress storeHost,
                                        int maxDelayLevel, BrokerStatsManager stats) {
        this.stats = stats;
        this.config = config;
        this.topics = topics;
        this.groups = groups;
        this.store = store;
        this.storeHost = storeHost;
        this.maxDelayLevel = maxDelayLevel;
        on(RequestCode.CONSUMER_SEND_MSG_BACK, this::sendBack);
    }

    /**
     * SNDBCK_PUT_NUMS under the original topic; a delayed retry also counts as a put to SCHEDULE_TOPIC_XXXX
     * (docs/statistics.md).
     */
    private void countSendBack(String group, MessageExt original, MessageExtBrokerInner stored, PutMessageResult r) {
        String retryTopic = original.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
        stats.incSendBackNums(group, retryTopic != null ? retryTopic : original.getTopic());
        if (TopicNames.SCHEDULE_TOPIC.equals(stored.getTopic()) && r.getAppendMessageResult() != null) {
            int num = r.getAppendMessageResult().getMsgNum();
            long bytes = r.getAppendMessageResult().getWroteBytes();
            stats.incTopicPutNums(stored.getTopic(), num, 1);
            stats.incTopicPutSize(stored.getTopic(), bytes);
            stats.incQueuePutNums(stored.getTopic(), stored.getQueueId(), num, 1);
            stats.incQueuePutSize(stored.getTopic(), stored.getQueueId(), bytes);
        }
    }

    private RemotingCommand sendBack(RemotingChannel channel, RemotingCommand request) throws Exception {
        ConsumerSendMsgBackRequestHeader header = request.decodeCommandCustomHeader(ConsumerSendMsgBackRequestHeader.class);
        BrokerConfig c = config.get();
        String group = header.getGroup();
        SubscriptionGroupConfig groupConfig = groups.findSubscriptionGroupConfig(group);
        if (groupConfig == null) {
            return error(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, " + group);
        }
        if (!c.isBrokerWriteable()) {
            return error(request, ResponseCode.NO_PERMISSION, "the broker[" + c.brokerIP1() + "] sending message is forbidden");
        }
        if (groupConfig.getRetryQueueNums() <= 0) {
            return success(request);
        }
        String topic = TopicNames.getRetryTopic(group);
        int queueId = ThreadLocalRandom.current().nextInt(99999999) % groupConfig.getRetryQueueNums();
        TopicConfig retryTopic = topics.createTopicIfAbsent(topic, groupConfig.getRetryQueueNums(), PermName.PERM_READ_WRITE, 0);
        if (retryTopic == null) {
            return error(request, ResponseCode.SYSTEM_ERROR, "topic[" + topic + "] not exist");
        }
        if (!PermName.isWriteable(retryTopic.getPerm())) {
            return error(request, ResponseCode.NO_PERMISSION, "the topic[" + topic + "] sending message is forbidden");
        }
        MessageExt original = store.lookMessageByOffset(header.getOffset());
        if (original == null) {
            return error(request, ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + header.getOffset());
        }
        if (original.getProperty(MessageConst.PROPERTY_RETRY_TOPIC) == null) {
            MessageAccessor.putProperty(original, MessageConst.PROPERTY_RETRY_TOPIC, original.getTopic());
        }
        int delayLevel = header.getDelayLevel() == null ? 0 : header.getDelayLevel();
        int maxReconsumeTimes = groupConfig.getRetryMaxTimes();
        if (request.getVersion() >= MQVersion.V3_4_9 && header.getMaxReconsumeTimes() != null) {
            maxReconsumeTimes = header.getMaxReconsumeTimes();
        }
        MessageExtBrokerInner msg = InnerMessages.copyOf(original, storeHost);
        if (original.getReconsumeTimes() >= maxReconsumeTimes || delayLevel < 0) {
            topic = TopicNames.getDLQTopic(group);
            queueId = 0;
            if (topics.createTopicIfAbsent(topic, 1, PermName.PERM_READ_WRITE, 0) == null) {
                return error(request, ResponseCode.SYSTEM_ERROR, "topic[" + topic + "] not exist");
            }
            MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
            LOG.info("message {} of group {} reconsumed {} times, moved to {}", LogEscape.of(original.getMsgId()),
                LogEscape.of(group),
                original.getReconsumeTimes(), topic);
        } else {
            if (delayLevel == 0) {
                delayLevel = 3 + original.getReconsumeTimes();
            }
            msg.setDelayTimeLevel(delayLevel);
        }
        msg.setTopic(topic);
        msg.setQueueId(queueId);
        msg.setReconsumeTimes(original.getReconsumeTimes() + 1);
        String originMsgId = MessageAccessor.getOriginMessageId(original);
        MessageAccessor.setOriginMessageId(msg, originMsgId == null || originMsgId.isEmpty() ? original.getMsgId() : originMsgId);
        msg.setWaitStoreMsgOK(false);
        DelayedMessages.rewriteIfDelayed(msg, maxDelayLevel);
        InnerMessages.seal(msg, c.clusterName());
        PutMessageResult result = store.putMessage(msg);
        if (result.getPutMessageStatus() == PutMessageStatus.PUT_OK) {
            countSendBack(group, original, msg, result);
            return success(request);
        }
        return error(request, ResponseCode.SYSTEM_ERROR, result.getPutMessageStatus().name());
    }
}
