package org.mercurymq.client.impl.body;

import java.util.HashSet;
import java.util.Set;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** LOCK_BATCH_MQ (41) reply body: the queues this client now holds. Mutable bean; not thread-safe. */
public class LockBatchResponseBody extends RemotingSerializable {
    private Set<MessageQueue> lockOKMQSet = new HashSet<MessageQueue>();

    public Set<MessageQueue> getLockOKMQSet() {
        return lockOKMQSet;
    }

    public void setLockOKMQSet(Set<MessageQueue> lockOKMQSet) {
        this.lockOKMQSet = lockOKMQSet;
    }
}
