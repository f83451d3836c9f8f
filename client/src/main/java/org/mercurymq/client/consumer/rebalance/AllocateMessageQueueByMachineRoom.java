package org.mercurymq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mercurymq.common.message.MessageQueue;

/**
 * Only queues of brokers in the configured machine rooms (broker name {@code room@name}), split in
 * contiguous blocks of {@code m / c}; the {@code m % c} left over go one each to the first clients.
 * Configure before use; then thread-safe.
 */
public class AllocateMessageQueueByMachineRoom extends AbstractAllocateMessageQueueStrategy {
    private Set<String> consumeridcs;

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<MessageQueue>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int index = cidAll.indexOf(currentCID);
        List<MessageQueue> inRooms = new ArrayList<MessageQueue>();
        for (MessageQueue mq : mqAll) {
            String[] parts = mq.getBrokerName().split("@");
            if (parts.length == 2 && consumeridcs != null && consumeridcs.contains(parts[0])) {
                inRooms.add(mq);
            }
        }
        int block = inRooms.size() / cidAll.size();
        int rest = inRooms.size() % cidAll.size();
        int start = block * index;
        for (int i = start; i < start + block; i++) {
            result.add(inRooms.get(i));
        }
        if (rest > index) {
            result.add(inRooms.get(index + block * cidAll.size()));
        }
        return result;
    }

    @Override
    public String getName() {
        return "MACHINE_ROOM";
    }

    public Set<String> getConsumeridcs() {
        return consumeridcs;
    }

    public void setConsumeridcs(Set<String> consumeridcs) {
        this.consumeridcs = consumeridcs;
    }
}
