package org.mercurymq.broker.processor;

import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;

/**
 * The checks every send passes before its message is built (docs/protocol/behaviour.md §1, §3): broker writable, topic
 * name legal, topic not reserved, topic known or auto-created (from the request's default topic, or as a
 * retry topic), queue id in range. Thread-safe.
 */
public final class SendMessageChecker {
    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;

    public SendMessageChecker(Supplier<BrokerConfig> config, TopicConfigManager topics) {
        this.config = config;
        this.topics = topics;
    }

    /** The outcome: either a topic config to send to, or an error code with its remark. */
    public static final class Result {
        public final TopicConfig topicConfig;
        public final ResponseCode code;
        public final String remark;

        private Result(TopicConfig topicConfig, ResponseCode code, String remark) {
            this.topicConfig = topicConfig;
            this.code = code;
            this.remark = remark;
        }

        static Result ok(TopicConfig t) {
            return new Result(t, ResponseCode.SUCCESS, null);
        }

        static Result error(ResponseCode code, String remark) {
            return new Result(null, code, remark);
        }

        public boolean isOk() {
            return topicConfig != null;
        }
    }

    public Result check(SendMessageRequestHeader header, String remoteAddr) {
        BrokerConfig c = config.get();
        String topic = header.getTopic();
        if (!c.isBrokerWriteable()) {
            return Result.error(ResponseCode.NO_PERMISSION, "the broker[" + c.brokerIP1() + "] sending message is forbidden");
        }
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            return Result.error(ResponseCode.SYSTEM_ERROR, invalid);
        }
        if (TopicValidator.isNotAllowedSendTopic(topic)) {
            return Result.error(ResponseCode.NO_PERMISSION, "Sending message to topic[" + topic + "] is forbidden.");
        }
        TopicConfig topicConfig = topics.selectTopicConfig(topic);
        if (topicConfig == null) {
            int sysFlag = 0;
            String defaultTopic = header.getDefaultTopic() == null ? TopicNames.DEFAULT_TOPIC : header.getDefaultTopic();
            int queueNums = header.getDefaultTopicQueueNums() == null ? 4 : header.getDefaultTopicQueueNums();
            if (queueNums < 1) {
                return Result.error(ResponseCode.SYSTEM_ERROR, "defaultTopicQueueNums must be at least 1, got " + queueNums
                    + ": the topic[" + topic + "] would be created without queues");
            }
            topicConfig = topics.createTopicInSendMessageMethod(topic, defaultTopic, remoteAddr, queueNums, sysFlag);
            if (topicConfig == null && TopicNames.isRetryTopic(topic)) {
                topicConfig = topics.createTopicIfAbsent(topic, 1, PermName.PERM_READ_WRITE, sysFlag);
            }
            if (topicConfig == null) {
                return Result.error(ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist, apply first please!");
            }
        }
        if (!PermName.isWriteable(topicConfig.getPerm())) {
            return Result.error(ResponseCode.NO_PERMISSION, "the topic[" + topic + "] sending message is forbidden");
        }
        int queueId = header.getQueueId() == null ? -1 : header.getQueueId();
        int idValid = Math.max(topicConfig.getWriteQueueNums(), topicConfig.getReadQueueNums());
        if (queueId >= idValid) {
            return Result.error(ResponseCode.SYSTEM_ERROR, String.format("request queueId[%d] is illegal, %s Producer: %s",
                queueId, topicConfig, remoteAddr));
        }
        return Result.ok(topicConfig);
    }
}
