package org.mercurymq.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mercurymq.client.producer.MQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.message.Message;

/**
 * Sends a test message typed on the Topics page, with a producer of the group {@value #PRODUCER_GROUP} (the one
 * rocketmq-dashboard uses); the console starts and shuts the producer down.
 */
final class MessageSender {
    static final String PRODUCER_GROUP = "SELF_TEST_P_GROUP";
    static final int MAX_BODY_CHARS = 16 * 1024;

    private final MQProducer producer;

    MessageSender(MQProducer producer) {
        this.producer = producer;
    }

    /** {@code {status, msgId, offsetMsgId, brokerName, queueId, queueOffset}}; 400 for a bad topic or body. */
    Map<String, Object> send(String topic, String tag, String key, String body) throws Exception {
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        if (body == null || body.isEmpty()) {
            throw ApiException.badRequest("The message body is empty.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ApiException.badRequest("A test message body has at most " + MAX_BODY_CHARS + " characters.");
        }
        Message msg = new Message(topic, blankToNull(tag), blankToNull(key), body.getBytes(StandardCharsets.UTF_8));
        SendResult r = producer.send(msg);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", String.valueOf(r.getSendStatus()));
        out.put("msgId", r.getMsgId());
        out.put("offsetMsgId", r.getOffsetMsgId());
        out.put("brokerName", r.getMessageQueue().getBrokerName());
        out.put("queueId", r.getMessageQueue().getQueueId());
        out.put("queueOffset", r.getQueueOffset());
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
