package org.mercurymq.remoting.protocol.body;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** GET_CONSUMER_STATUS_FROM_CLIENT (221) / INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223) reply: offsets per queue, per client. JSON bean; not thread-safe. */
public class GetConsumerStatusBody extends RemotingSerializable {
    private Map<MessageQueue, Long> messageQueueTable = new HashMap<MessageQueue, Long>();
    private Map<String, Map<MessageQueue, Long>> consumerTable = new HashMap<String, Map<MessageQueue, Long>>();

    public GetConsumerStatusBody() {
    }

    /** One client's answer to GET_CONSUMER_STATUS_FROM_CLIENT: its offsets of one topic. */
    public GetConsumerStatusBody(Map<MessageQueue, Long> messageQueueTable) {
        this.messageQueueTable = messageQueueTable;
    }

    public Map<MessageQueue, Long> getMessageQueueTable() {
        return messageQueueTable;
    }

    public void setMessageQueueTable(Map<MessageQueue, Long> messageQueueTable) {
        this.messageQueueTable = messageQueueTable;
    }

    public Map<String, Map<MessageQueue, Long>> getConsumerTable() {
        return consumerTable;
    }

    public void setConsumerTable(Map<String, Map<MessageQueue, Long>> consumerTable) {
        this.consumerTable = consumerTable;
    }

    @Override
    public String toJson() {
        SortedMap<String, String> f = new TreeMap<String, String>();
        f.put("consumerTable", FastjsonStyleJson.nestedMessageQueueMap(consumerTable));
        f.put("messageQueueTable", FastjsonStyleJson.messageQueueMap(messageQueueTable));
        return FastjsonStyleJson.object(f);
    }

    @Override
    public byte[] encode() {
        return FastjsonStyleJson.utf8(toJson());
    }
}
