package org.mercurymq.client.impl.consumer;

import java.util.List;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

/** Runs a push consumer's listener over pulled messages (concurrently or in queue order). */
public interface ConsumeMessageService {
    void start();

    void shutdown(long awaitTerminateMillis);

    void updateCorePoolSize(int corePoolSize);

    int getCorePoolSize();

    /** Runs the listener on one message now (admin "consume directly"), without retries or offsets. */
    ConsumeMessageDirectlyResult consumeMessageDirectly(final MessageExt msg, final String brokerName);

    /** Hands pulled messages over; {@code dispatchToConsume} is what {@link ProcessQueue#putMessage} returned. */
    void submitConsumeRequest(final List<MessageExt> msgs, final ProcessQueue processQueue,
        final MessageQueue messageQueue, final boolean dispatchToConsume);
}
