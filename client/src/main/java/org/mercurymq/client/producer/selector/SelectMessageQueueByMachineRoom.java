package org.mercurymq.client.producer.selector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mercurymq.client.producer.MessageQueueSelector;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;

/**
 * Prefers queues of brokers in the configured machine rooms. A broker name {@code room@name} is in
 * room {@code room}; with no configured rooms or no match, all queues are candidates. Among the
 * candidates the queue is chosen by {@code arg}'s hash (or the first one when {@code arg} is null).
 * Configure before use; then thread-safe.
 */
public class SelectMessageQueueByMachineRoom implements MessageQueueSelector {
    private Set<String> consumeridcs = new HashSet<String>();

    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        List<MessageQueue> candidates = new ArrayList<MessageQueue>();
        for (MessageQueue mq : mqs) {
            int at = mq.getBrokerName().indexOf('@');
            if (at > 0 && consumeridcs.contains(mq.getBrokerName().substring(0, at))) {
                candidates.add(mq);
            }
        }
        if (candidates.isEmpty()) {
            candidates = mqs;
        }
        if (arg == null) {
            return candidates.get(0);
        }
        return candidates.get(Math.abs(arg.hashCode() % candidates.size()));
    }

    public Set<String> getConsumeridcs() {
        return consumeridcs;
    }

    public void setConsumeridcs(Set<String> consumeridcs) {
        this.consumeridcs = consumeridcs;
    }
}
