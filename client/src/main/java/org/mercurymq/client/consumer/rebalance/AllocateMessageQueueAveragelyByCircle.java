package org.mercurymq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import org.mercurymq.common.message.MessageQueue;

/** Round-robin: queue j goes to client {@code j % c}; e.g. 8 queues, 3 clients → {0,3,6}, {1,4,7}, {2,5}. Stateless. */
public class AllocateMessageQueueAveragelyByCircle extends AbstractAllocateMessageQueueStrategy {
    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<MessageQueue>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        int index = cidAll.indexOf(currentCID);
        for (int j = index; j < mqAll.size(); j += cidAll.size()) {
            result.add(mqAll.get(j));
        }
        return result;
    }

    @Override
    public String getName() {
        return "AVG_BY_CIRCLE";
    }
}
