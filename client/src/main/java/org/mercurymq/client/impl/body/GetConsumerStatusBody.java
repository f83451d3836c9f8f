package org.mercurymq.client.impl.body;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mercurymq.common.message.MessageQueue;

/** GET_CONSUMER_STATUS_FROM_CLIENT (221) reply body: this client's offsets of one topic. Immutable. */
public final class GetConsumerStatusBody {
    private final Map<MessageQueue, Long> messageQueueTable;

    public GetConsumerStatusBody(Map<MessageQueue, Long> messageQueueTable) {
        this.messageQueueTable = messageQueueTable;
    }

    public byte[] encode() {
        return ("{\"consumerTable\":{},\"messageQueueTable\":" + MessageQueueJson.writeMap(messageQueueTable) + "}")
            .getBytes(StandardCharsets.UTF_8);
    }

    public Map<MessageQueue, Long> getMessageQueueTable() {
        return messageQueueTable;
    }
}
