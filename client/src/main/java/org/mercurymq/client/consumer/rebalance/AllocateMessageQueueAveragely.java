package org.mercurymq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import org.mercurymq.common.message.MessageQueue;

/**
 * The default: contiguous blocks. With n queues and c clients, client i (in sorted id order) gets
 * {@code n / c} queues, the first {@code n % c} clients one more; e.g. 8 queues, 3 clients → 3, 3, 2.
 * Stateless.
 */
public class AllocateMessageQueueAveragely extends AbstractAllocateMessageQueueStrategy {
    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<MessageQueue>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int n = mqAll.size();
        int c = cidAll.size();
        int index = cidAll.indexOf(currentCID);
        int base = n / c;
        int extra = n % c;
        int count = base + (index < extra ? 1 : 0);
        int start = index * base + Math.min(index, extra);
        for (int i = 0; i < count; i++) {
            result.add(mqAll.get(start + i));
        }
        return result;
    }

    @Override
    public String getName() {
        return "AVG";
    }
}
