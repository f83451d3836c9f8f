package org.mercurymq.remoting;

import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * Handles the requests of one or more codes on the executor it was registered with.
 * Returning null means the processor answers later through {@link RemotingChannel#writeResponse}
 * (or that the request was oneway).
 */
public interface RequestProcessor {
    RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) throws Exception;

    /** True to answer SYSTEM_BUSY instead of running the request (flow control). */
    default boolean rejectRequest() {
        return false;
    }
}
