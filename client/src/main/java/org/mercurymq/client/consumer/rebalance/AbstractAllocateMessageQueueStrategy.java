package org.mercurymq.client.consumer.rebalance;

import java.util.List;
import org.mercurymq.client.consumer.AllocateMessageQueueStrategy;
import org.mercurymq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Argument checks shared by the allocation strategies. Stateless. */
public abstract class AbstractAllocateMessageQueueStrategy implements AllocateMessageQueueStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractAllocateMessageQueueStrategy.class);

    /**
     * Throws on missing arguments; returns false (allocate nothing) when {@code currentCID} is not among
     * {@code cidAll}, e.g. right after start before the broker has seen our heartbeat.
     */
    public boolean check(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (currentCID == null || currentCID.isEmpty()) {
            throw new IllegalArgumentException("currentCID is empty");
        }
        if (mqAll == null || mqAll.isEmpty()) {
            throw new IllegalArgumentException("mqAll is null or mqAll empty");
        }
        if (cidAll == null || cidAll.isEmpty()) {
            throw new IllegalArgumentException("cidAll is null or cidAll empty");
        }
        if (!cidAll.contains(currentCID)) {
            LOG.info("[BUG] consumer group {}: client {} is not in the broker's consumer list {}", consumerGroup, currentCID, cidAll);
            return false;
        }
        return true;
    }
}
