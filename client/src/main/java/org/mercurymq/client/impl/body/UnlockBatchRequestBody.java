package org.mercurymq.client.impl.body;

import java.util.HashSet;
import java.util.Set;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** UNLOCK_BATCH_MQ (42) request body (headers.md §4.2). Mutable bean; not thread-safe. */
public class UnlockBatchRequestBody extends RemotingSerializable {
    private String consumerGroup;
    private String clientId;
    private Set<MessageQueue> mqSet = new HashSet<MessageQueue>();

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Set<MessageQueue> getMqSet() {
        return mqSet;
    }

    public void setMqSet(Set<MessageQueue> mqSet) {
        this.mqSet = mqSet;
    }
}
