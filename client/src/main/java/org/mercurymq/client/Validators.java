package org.mercurymq.client;

import java.util.Collection;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.message.Message;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * Input checks done before anything is sent: group and topic names, message bodies and sizes, and
 * batch restrictions. Every failure is an {@link MQClientException} whose text names the problem.
 * Stateless and thread-safe.
 */
public class Validators {
    public static final int CHARACTER_MAX_LENGTH = 255;
    public static final int TOPIC_MAX_LENGTH = TopicValidator.TOPIC_MAX_LENGTH;

    public static void checkGroup(String group) throws MQClientException {
        if (group == null || group.trim().isEmpty()) {
            throw new MQClientException("the specified group is blank", null);
        }
        if (group.length() > CHARACTER_MAX_LENGTH) {
            throw new MQClientException("the specified group[" + group + "] is longer than group max length 255.", null);
        }
        if (TopicValidator.isTopicOrGroupIllegal(group)) {
            throw new MQClientException("the specified group[" + group
                + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$", null);
        }
    }

    /** Topic rules, allowed destination, non-empty body within {@code maxMessageSize}. */
    public static void checkMessage(Message msg, DefaultMQProducer producer) throws MQClientException {
        checkMessage(msg, producer.getMaxMessageSize());
    }

    public static void checkMessage(Message msg, int maxMessageSize) throws MQClientException {
        if (msg == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(), "the message is null");
        }
        checkTopic(msg.getTopic());
        isNotAllowedSendTopic(msg.getTopic());
        if (msg.getBody() == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(), "the message body is null");
        }
        if (msg.getBody().length == 0) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(), "the message body length is zero");
        }
        if (msg.getBody().length > maxMessageSize) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(),
                "the message body size over max value, MAX: " + maxMessageSize + ", actual: " + msg.getBody().length);
        }
    }

    /**
     * A batch: at least one message, each valid on its own, one topic, no delay level, not a retry topic,
     * one WAIT setting.
     */
    public static void checkBatch(Collection<? extends Message> msgs, int maxMessageSize) throws MQClientException {
        if (msgs == null || msgs.isEmpty()) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(), "the batch is empty");
        }
        Message first = null;
        int index = 0;
        for (Message m : msgs) {
            if (m == null) {
                throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(), "the batch holds a null message at index " + index);
            }
            checkMessage(m, maxMessageSize);
            if (m.getDelayTimeLevel() > 0) {
                throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(),
                    "delayed messages cannot be batched (message " + index + " has delay level " + m.getDelayTimeLevel() + ")");
            }
            if (TopicNames.isRetryTopic(m.getTopic())) {
                throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(),
                    "retry-topic messages cannot be batched (topic " + m.getTopic() + ")");
            }
            if (first == null) {
                first = m;
            } else {
                if (!first.getTopic().equals(m.getTopic())) {
                    throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(),
                        "all messages of a batch must have the same topic, found " + first.getTopic() + " and " + m.getTopic());
                }
                if (first.isWaitStoreMsgOK() != m.isWaitStoreMsgOK()) {
                    throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL.code(),
                        "all messages of a batch must have the same waitStoreMsgOK");
                }
            }
            index++;
        }
    }

    public static void checkTopic(String topic) throws MQClientException {
        if (topic == null || topic.trim().isEmpty()) {
            throw new MQClientException("The specified topic is blank", null);
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            throw new MQClientException("The specified topic[" + topic + "] is longer than topic max length " + TOPIC_MAX_LENGTH
                + " (" + topic.length() + " characters).", null);
        }
        if (TopicValidator.isTopicOrGroupIllegal(topic)) {
            throw new MQClientException("The specified topic[" + topic
                + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$", null);
        }
    }

    public static void isSystemTopic(String topic) throws MQClientException {
        if (TopicValidator.isSystemTopic(topic)) {
            throw new MQClientException("The topic[" + topic + "] is conflict with system topic.", null);
        }
    }

    public static void isNotAllowedSendTopic(String topic) throws MQClientException {
        if (TopicValidator.isNotAllowedSendTopic(topic)) {
            throw new MQClientException("Sending message to topic[" + topic + "] is forbidden.", null);
        }
    }
}
