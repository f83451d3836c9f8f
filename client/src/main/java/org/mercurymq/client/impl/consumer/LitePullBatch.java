package org.mercurymq.client.impl.consumer;

import java.util.List;
import org.mercurymq.common.message.MessageExt;

/** One pulled batch of a lite pull consumer waiting for {@code poll()}, tagged with its queue generation. Immutable. */
final class LitePullBatch {
    final List<MessageExt> messages;
    final AssignedMessageQueue.QueueState state;
    final long generation;

    LitePullBatch(List<MessageExt> messages, AssignedMessageQueue.QueueState state, long generation) {
        this.messages = messages;
        this.state = state;
        this.generation = generation;
    }
}
