package org.mercurymq.client.trace;

import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.exception.MQClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a traced client's dispatcher after the client started and stops it after the client shut down; a
 * dispatcher that cannot start leaves the client running without trace and says so (WARN). Stateless.
 */
public final class TraceLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(TraceLifecycle.class);

    private TraceLifecycle() {
    }

    /** Starts {@code dispatcher} (may be null) against the client's name servers and access channel. */
    public static void start(TraceDispatcher dispatcher, ClientConfig client) {
        if (dispatcher == null) {
            return;
        }
        try {
            dispatcher.start(client.getNamesrvAddr(), client.getAccessChannel());
        } catch (MQClientException e) {
            LOG.warn("message trace of client {} is not working: its trace producer did not start: {}",
                client.buildMQClientId(), e.getErrorMessage());
        }
    }

    public static void shutdown(TraceDispatcher dispatcher) {
        if (dispatcher != null) {
            dispatcher.shutdown();
        }
    }
}
