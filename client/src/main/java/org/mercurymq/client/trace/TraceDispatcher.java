package org.mercurymq.client.trace;

import java.io.IOException;
import org.mercurymq.client.AccessChannel;
import org.mercurymq.client.exception.MQClientException;

/** Takes trace records from the hooks and delivers them to the trace topic. Implementations are thread-safe. */
public interface TraceDispatcher {
    /** Whose records a dispatcher carries; part of its producer's group name. */
    enum Type {
        PRODUCE,
        CONSUME
    }

    /** Starts delivering to the cluster behind {@code nameSrvAddr}. */
    void start(String nameSrvAddr, AccessChannel accessChannel) throws MQClientException;

    /** Queues one record ({@link TraceContext}) without blocking; false when it was dropped. */
    boolean append(Object ctx);

    /** Sends what is queued, waiting a short while for it. */
    void flush() throws IOException;

    void shutdown();
}
