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

    /**
     * True to run this request on the I/O thread that decoded it instead of handing it to the executor: for work
     * that is short and does not block, where the hand-off (waking an executor thread, then the I/O thread again
     * to write the response) costs more than the work. Asked on the I/O thread for every request; the server
     * still hands the request over while the executor has requests of this processor queued.
     */
    default boolean runOnIoThread(RemotingCommand request) {
        return false;
    }
}
