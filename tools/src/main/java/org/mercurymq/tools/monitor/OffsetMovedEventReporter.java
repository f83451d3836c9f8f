package org.mercurymq.tools.monitor;

import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.RPCHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of startMonitoring: a push consumer of group {@code __MONITOR_CONSUMER} on
 * {@code OFFSET_MOVED_EVENT}, which brokers write when they move a consumer's offset because the requested one
 * no longer exists (docs/protocol/behaviour.md §6). Each event is logged as RocketMQ's monitor logs it, one
 * {@code reportDeleteMsgsEvent} line: the group lost the messages between the two offsets. Lifecycle:
 * {@link #start()}, {@link #shutdown()}.
 */
public final class OffsetMovedEventReporter {
    static final String GROUP = "__MONITOR_CONSUMER";
    static final String TOPIC = "OFFSET_MOVED_EVENT";
    private static final Logger LOG = LoggerFactory.getLogger(MonitorService.LOGGER);

    private final DefaultMQPushConsumer consumer;

    public OffsetMovedEventReporter(String namesrvAddr, RPCHook rpcHook, String instanceName) {
        this.consumer = new DefaultMQPushConsumer(null, GROUP, rpcHook);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName(instanceName);
    }

    public void start() throws MQClientException {
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener(new MessageListenerConcurrently() {
            @Override
            public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> msgs, ConsumeConcurrentlyContext context) {
                for (MessageExt m : msgs) {
                    LOG.info("[MONITOR] reportDeleteMsgsEvent: {}", describe(m));
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }
        });
        consumer.start();
    }

    public void shutdown() {
        consumer.shutdown();
    }

    /** RocketMQ's DeleteMsgsEvent text for one event message; an undecodable body is shown as it is. */
    static String describe(MessageExt m) {
        String body = m.getBody() == null ? "" : new String(m.getBody(), StandardCharsets.UTF_8);
        String event;
        try {
            JSONObject e = JSONObject.parseObject(body);
            JSONObject mq = e.getJSONObject("messageQueue");
            event = "OffsetMovedEvent [consumerGroup=" + e.getString("consumerGroup")
                + ", messageQueue=MessageQueue [topic=" + mq.getString("topic") + ", brokerName="
                + mq.getString("brokerName") + ", queueId=" + mq.getIntValue("queueId") + "]"
                + ", offsetRequest=" + e.getLongValue("offsetRequest") + ", offsetNew=" + e.getLongValue("offsetNew") + "]";
        } catch (RuntimeException ex) {
            event = "undecodable body '" + body + "'";
        }
        return "DeleteMsgsEvent [offsetMovedEvent=" + event + ", eventTimestamp=" + m.getBornTimestamp() + "]";
    }
}
