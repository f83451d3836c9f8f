package org.mercurymq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import org.mercurymq.common.message.MessageQueue;

/** Always the configured queues, whatever the group looks like. Configure before use; then thread-safe. */
public class AllocateMessageQueueByConfig extends AbstractAllocateMessageQueueStrategy {
    private List<MessageQueue> messageQueueList = new ArrayList<MessageQueue>();

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        return new ArrayList<MessageQueue>(messageQueueList);
    }

    @Override
    public String getName() {
        return "CONFIG";
    }

    public List<MessageQueue> getMessageQueueList() {
        return messageQueueList;
    }

    public void setMessageQueueList(List<MessageQueue> messageQueueList) {
        this.messageQueueList = messageQueueList;
    }
}
