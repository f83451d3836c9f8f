package org.mercurymq.client.impl.consumer;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import org.mercurymq.client.Validators;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.MessageListener;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.consumer.listener.MessageListenerOrderly;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.GroupNames;

/** Start-up checks of a push consumer's settings; each failure names the setting and its range. Stateless. */
final class PushConsumerConfigCheck {
    private PushConsumerConfigCheck() {
    }

    static void check(DefaultMQPushConsumer c) throws MQClientException {
        Validators.checkGroup(c.getConsumerGroup());
        if (GroupNames.DEFAULT_CONSUMER_GROUP.equals(c.getConsumerGroup())) {
            fail("consumerGroup can not equal " + GroupNames.DEFAULT_CONSUMER_GROUP + ", please specify another one.");
        }
        if (c.getMessageModel() == null) {
            fail("messageModel is null");
        }
        if (c.getConsumeFromWhere() == null) {
            fail("consumeFromWhere is null");
        }
        try {
            SimpleDateFormat f = new SimpleDateFormat("yyyyMMddHHmmss");
            f.setLenient(false);
            f.parse(c.getConsumeTimestamp());
        } catch (ParseException | NullPointerException e) {
            fail("consumeTimestamp is invalid, the valid format is yyyyMMddHHmmss, but received " + c.getConsumeTimestamp());
        }
        if (c.getAllocateMessageQueueStrategy() == null) {
            fail("allocateMessageQueueStrategy is null");
        }
        if (c.getSubscription() == null) {
            fail("subscription is null");
        }
        MessageListener listener = c.getMessageListener();
        if (listener == null) {
            fail("messageListener is null; register a MessageListenerConcurrently or MessageListenerOrderly");
        }
        if (!(listener instanceof MessageListenerConcurrently) && !(listener instanceof MessageListenerOrderly)) {
            fail("messageListener must be an instance of MessageListenerOrderly or MessageListenerConcurrently");
        }
        range("consumeThreadMin", c.getConsumeThreadMin(), 1, 1000);
        range("consumeThreadMax", c.getConsumeThreadMax(), 1, 1000);
        if (c.getConsumeThreadMin() > c.getConsumeThreadMax()) {
            fail("consumeThreadMin (" + c.getConsumeThreadMin() + ") can't be larger than consumeThreadMax ("
                + c.getConsumeThreadMax() + ")");
        }
        range("consumeConcurrentlyMaxSpan", c.getConsumeConcurrentlyMaxSpan(), 1, 65535);
        range("pullThresholdForQueue", c.getPullThresholdForQueue(), 1, 65535);
        if (c.getPullThresholdForTopic() != -1) {
            range("pullThresholdForTopic", c.getPullThresholdForTopic(), 1, 6553500);
        }
        range("pullThresholdSizeForQueue", c.getPullThresholdSizeForQueue(), 1, 1024);
        if (c.getPullThresholdSizeForTopic() != -1) {
            range("pullThresholdSizeForTopic", c.getPullThresholdSizeForTopic(), 1, 102400);
        }
        if (c.getPullInterval() < 0 || c.getPullInterval() > 65535) {
            fail("pullInterval Out of range [0, 65535]: " + c.getPullInterval());
        }
        range("consumeMessageBatchMaxSize", c.getConsumeMessageBatchMaxSize(), 1, 1024);
        range("pullBatchSize", c.getPullBatchSize(), 1, 1024);
    }

    private static void range(String name, int value, int min, int max) throws MQClientException {
        if (value < min || value > max) {
            fail(name + " Out of range [" + min + ", " + max + "]: " + value);
        }
    }

    private static void fail(String message) throws MQClientException {
        throw new MQClientException(message, null);
    }
}
